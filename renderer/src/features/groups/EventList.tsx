// Events, upcoming (soonest first) and past (latest first), with registered and attended counts
// and the drop-out for events that have happened.
import { Alert, Anchor, Button, EmptyState, Group, Loader, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconCalendarPlus, IconUsersGroup } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { displayDate, todayIso } from '../../../../core/domain/dates';
import type { GroupEventSummary } from '../../../../core/domain/group';
import { errorMessage } from '../../shared/api';
import { useSites } from '../../shared/useSites';
import { useNavigation } from '../../shared/navigation';
import { EventFormModal } from './EventFormModal';
import { percent } from './figures';
import { callQuery } from '../../shared/queryKeys';
import { ScreenTitle } from '../../shared/ScreenTitle';
import { StackedTable } from '../../shared/StackedTable';
import { useListLabels } from '../../shared/useProgrammeLists';

type When = 'upcoming' | 'past';


export function EventList() {
  const { go } = useNavigation();
  const [when, setWhen] = useState<When>('upcoming');
  const [creating, setCreating] = useState(false);
  const today = todayIso();
  const range = when === 'upcoming' ? { from: today } : { to: dayjs(today).subtract(1, 'day').format('YYYY-MM-DD') };
  const events = useQuery({ ...callQuery('groups.list', range), refetchOnMount: 'always' });
  const rows = [...(events.data ?? [])].sort((a, b) => (when === 'upcoming' ? 1 : -1) * `${a.heldOn} ${a.startTime ?? ''}`.localeCompare(`${b.heldOn} ${b.startTime ?? ''}`));
  return (
    <Stack>
      <Group justify="space-between">
        <ScreenTitle>Groups and workshops</ScreenTitle>
        <Button leftSection={<IconCalendarPlus aria-hidden size={18} />} onClick={() => setCreating(true)}>
          New event
        </Button>
      </Group>
      <SegmentedControl
        aria-label="Which events"
        w={280}
        value={when}
        onChange={(v) => setWhen(v as When)}
        data={[
          { value: 'upcoming', label: 'Upcoming' },
          { value: 'past', label: 'Past' },
        ]}
      />
      {events.isPending && <Loader role="status" aria-label="Loading events" />}
      {events.isError && <Alert color="red" role="alert">{errorMessage(events.error)}</Alert>}
      {events.data && rows.length === 0 && <NoEvents when={when} onCreate={() => setCreating(true)} />}
      {rows.length > 0 && <EventTable rows={rows} label={when === 'past' ? 'Past events' : 'Upcoming events'} onOpen={(id) => go({ name: 'groups', eventId: id })} />}
      {creating && <EventFormModal event={null} onClose={() => setCreating(false)} onSaved={(e) => go({ name: 'groups', eventId: e.id })} />}
    </Stack>
  );
}

function NoEvents({ when, onCreate }: { when: When; onCreate: () => void }) {
  return (
    <EmptyState
      mt="lg"
      icon={<IconUsersGroup aria-hidden size={32} />}
      variant="light"
      title={when === 'upcoming' ? 'No groups or workshops coming up' : 'No past groups or workshops'}
      description={
        when === 'upcoming'
          ? 'Add a recently-diagnosed workshop, support group or wellbeing workshop, then register the people who want to come.'
          : 'Events show here once their day has passed, with how many registered and how many came.'
      }
    >
      {when === 'upcoming' && (
        <EmptyState.Actions>
          <Button leftSection={<IconCalendarPlus aria-hidden size={18} />} onClick={onCreate}>
            Add an event
          </Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}

function EventTable({ rows, label, onOpen }: { rows: GroupEventSummary[]; label: string; onOpen: (id: number) => void }) {
  const listLabel = useListLabels();
  const sites = useSites().data;
  const siteName = (id: number | null) => sites?.find((s) => s.id === id)?.name ?? '';
  const today = todayIso();
  // Attendance columns only once something in the list has been held (today's events count).
  const anyHeld = rows.some((e) => e.heldOn <= today);
  return (
    // Columns while the event's name keeps 200 px or more beside them; stacked below that.
    <StackedTable stackBelow={anyHeld ? 'lg' : 'md'} aria-label={label} highlightOnHover verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>Date</Table.Th>
          <Table.Th>Event</Table.Th>
          <Table.Th w={180}>Facilitator</Table.Th>
          <Table.Th w={100} ta="right">
            Registered
          </Table.Th>
          {anyHeld && (
            <>
              <Table.Th w={90} ta="right">
                Attended
              </Table.Th>
              <Table.Th w={130} ta="right">
                Drop-out
              </Table.Th>
            </>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((e) => {
          // The summary's attended count includes people who came without registering, so this can
          // read low when there were walk-ins; the event's own page counts from each registration.
          const dropped = e.droppedOut;
          const happened = e.heldOn <= today;
          return (
            <Table.Tr key={e.id} onClick={() => onOpen(e.id)} style={{ cursor: 'pointer' }}>
              <Table.Td data-label="Date">
                <Text size="sm">{displayDate(e.heldOn)}</Text>
                <Text size="xs" c="dimmed">
                  {dayjs(e.heldOn).locale('en-gb').format('dddd')}
                  {e.startTime ? `, ${e.startTime}` : ''}
                </Text>
              </Table.Td>
              <Table.Td data-lead>
                <Anchor
                  component="button"
                  type="button"
                  fw={600}
                  size="sm"
                  ta="left"
                  onClick={(ev) => {
                    ev.stopPropagation();
                    onOpen(e.id);
                  }}
                >
                  {e.title || listLabel('event_type', e.type)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[e.title ? listLabel('event_type', e.type) : null, siteName(e.siteId) || null].filter(Boolean).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td data-label="Facilitator">
                <Text size="sm" style={{ overflowWrap: 'break-word' }}>
                  {e.facilitator}
                </Text>
              </Table.Td>
              <Table.Td ta="right" data-label="Registered">
                {e.registered}
              </Table.Td>
              {anyHeld &&
                (happened ? (
                  <>
                    <Table.Td ta="right" data-label="Attended">
                      {e.attended}
                    </Table.Td>
                    <Table.Td ta="right" data-label="Drop-out">
                      {e.registered === 0 ? '0' : `${dropped} (${percent(dropped, e.registered)})`}
                    </Table.Td>
                  </>
                ) : (
                  <>
                    <Table.Td ta="right" data-label="Attended">
                      <Text span size="sm" c="dimmed">
                        Not yet
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" data-label="Drop-out">
                      <Text span size="sm" c="dimmed">
                        Not yet
                      </Text>
                    </Table.Td>
                  </>
                ))}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </StackedTable>
  );
}
