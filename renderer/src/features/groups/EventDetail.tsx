// One event: its details, the turnout (registered, attended, drop-out), registering people
// from the caseload, and recording who came.
import { Alert, Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { todayIso } from '../../../../core/domain/dates';
import type { GroupEvent } from '../../../../core/domain/group';
import { errorMessage } from '../../shared/api';
import { useSites } from '../../shared/useSites';
import { useNavigation } from '../../shared/navigation';
import { EventFormModal } from './EventFormModal';
import { percent, turnout } from './figures';
import { Participants } from './Participants';
import { RegisterPerson } from './RegisterPerson';
import { RemoveEventModal } from './RemoveEventModal';
import { useCan } from '../../shared/access';
import { callQuery } from '../../shared/queryKeys';
import { ScreenTitle } from '../../shared/ScreenTitle';
import { useListLabels } from '../../shared/useProgrammeLists';

export function EventDetail({ eventId }: { eventId: number }) {
  const { go } = useNavigation();
  const event = useQuery({ ...callQuery('groups.get', { id: eventId }), refetchOnMount: 'always' });
  return (
    <Stack>
      <Anchor component="button" type="button" size="sm" onClick={() => go({ name: 'groups' })} style={{ alignSelf: 'flex-start' }}>
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          All groups and workshops
        </Group>
      </Anchor>
      {event.isPending && <Loader role="status" aria-label="Loading the event" />}
      {event.isError && <Alert color="red" role="alert">{errorMessage(event.error)}</Alert>}
      {event.data && <Loaded event={event.data} />}
    </Stack>
  );
}

function Loaded({ event }: { event: GroupEvent }) {
  const listLabel = useListLabels();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const can = useCan();
  const site = useSites().data?.find((s) => s.id === event.siteId);
  // Attendance can be recorded from the day of the event.
  const happened = event.heldOn <= todayIso();
  const when = `${dayjs(event.heldOn).locale('en-gb').format('dddd D MMMM YYYY')}${event.startTime ? `, ${event.startTime}` : ''}`;
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <div>
          <ScreenTitle>{event.title || listLabel('event_type', event.type)}</ScreenTitle>
          <Text c="dimmed">
            {[event.title ? listLabel('event_type', event.type) : null, event.mode ? listLabel('event_mode', event.mode) : null, when, site ? `${site.name} (${site.odsCode})` : null].filter(Boolean).join(' · ')}
          </Text>
          <Text size="sm">Facilitated by {event.facilitator}</Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconPencil aria-hidden size={16} />} onClick={() => setEditing(true)}>
            Edit event
          </Button>
          {can('groups.remove') && (
            <Button variant="default" onClick={() => setRemoving(true)}>
              Remove event…
            </Button>
          )}
        </Group>
      </Group>
      {event.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {event.notes}
        </Text>
      )}
      <Turnout event={event} happened={happened} />
      <RegisterPerson event={event} happened={happened} />
      <Participants event={event} happened={happened} />
      {editing && <EventFormModal event={event} onClose={() => setEditing(false)} />}
      {removing && <RemoveEventModal event={event} onClose={() => setRemoving(false)} />}
    </>
  );
}

function Turnout({ event, happened }: { event: GroupEvent; happened: boolean }) {
  const t = turnout(event.participants);
  const figures = [
    { label: 'Registered', value: String(t.registered) },
    ...(happened
      ? [
          { label: t.walkIns ? `Attended (${t.walkIns} without registering)` : 'Attended', value: String(t.attended) },
          { label: 'Drop-out: registered, did not attend', value: t.registered ? `${t.droppedOut} (${percent(t.droppedOut, t.registered)})` : '0' },
          { label: 'Attendance not recorded yet', value: String(t.unrecorded) },
        ]
      : []),
  ];
  return (
    <Paper withBorder p="md" component="section" aria-label="Turnout">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        {figures.map((f) => (
          <div key={f.label}>
            <Text fz={26} fw={700} lh={1.1}>
              {f.value}
            </Text>
            <Text size="sm">{f.label}</Text>
          </div>
        ))}
      </SimpleGrid>
      {!happened && (
        <Text size="sm" c="dimmed" mt="xs">
          Attendance and drop-out can be recorded from the day of the event.
        </Text>
      )}
    </Paper>
  );
}
