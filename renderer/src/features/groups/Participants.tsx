// Who is on an event: registered or came on the day, whether they attended, and removing
// someone added by mistake (asked twice, as attendance goes with them).
import { Alert, Anchor, Button, EmptyState, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { GroupEvent, GroupParticipant } from '../../../../core/domain/group';
import { call, errorMessage } from '../../shared/api';
import { useNavigation } from '../../shared/navigation';
import { notifySuccess } from '../../shared/notify';
import { StackedTable } from '../../shared/StackedTable';
import { useEventMutation } from './useEventMutation';

type Mark = 'unrecorded' | 'attended' | 'dna';
const toMark = (a: boolean | null): Mark => (a === null ? 'unrecorded' : a ? 'attended' : 'dna');
const fromMark = (m: Mark): boolean | null => (m === 'unrecorded' ? null : m === 'attended');

export function Participants({ event, happened }: { event: GroupEvent; happened: boolean }) {
  const { go } = useNavigation();
  const [confirming, setConfirming] = useState<number | null>(null);
  const mark = useEventMutation((p: { personId: number; registered: boolean; attended: boolean | null }) =>
    call('groups.setRegistration', { eventId: event.id, ...p }),
  );
  const remove = useEventMutation(
    (personId: number) => call('groups.removeRegistration', { eventId: event.id, personId }),
    () => {
      setConfirming(null);
      notifySuccess('Removed from the event');
    },
  );
  const rows = [...event.participants].sort((a, b) => a.preferredName.localeCompare(b.preferredName, 'en-GB'));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="participants-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="participants-title">
          People on this event
        </Title>
        {(mark.isError || remove.isError) && (
          <Alert color="red" role="alert">
            {errorMessage(mark.error ?? remove.error)}
          </Alert>
        )}
        {rows.length === 0 ? (
          <EmptyState
            icon={<IconUserPlus aria-hidden size={28} />}
            variant="light"
            title="No one registered yet"
            description="Find people from your caseload above and register them. After the event, mark who came, so the drop-out figure is right."
          />
        ) : (
          <StackedTable stackBelow="lg" aria-label="People on this event" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Registered</Table.Th>
                <Table.Th>Attendance</Table.Th>
                <Table.Th>Remove</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.personId}>
                  <Table.Td data-lead>
                    <Anchor component="button" type="button" fw={600} size="sm" onClick={() => go({ name: 'person', personId: p.personId })}>
                      {p.preferredName}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {p.caseId}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label="Registered">
                    <Text size="sm">{p.registered ? 'Yes' : 'Came on the day'}</Text>
                  </Table.Td>
                  <Table.Td data-label="Attendance">
                    {happened ? (
                      <Attendance participant={p} onChange={(attended) => mark.mutate({ personId: p.personId, registered: p.registered, attended })} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        From the day of the event
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {confirming === p.personId ? (
                      <Group gap={6} wrap="nowrap">
                        <Button size="compact-sm" color="red.9" loading={remove.isPending} onClick={() => remove.mutate(p.personId)} aria-label={`Yes, remove ${p.preferredName}`}>
                          Yes, remove
                        </Button>
                        <Button size="compact-sm" variant="default" onClick={() => setConfirming(null)}>
                          Keep
                        </Button>
                      </Group>
                    ) : (
                      <Button size="compact-sm" variant="default" onClick={() => setConfirming(p.personId)} aria-label={`Remove ${p.preferredName}`}>
                        Remove
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackedTable>
        )}
      </Stack>
    </Paper>
  );
}

// Not disabled while saving: that would drop keyboard focus after every arrow key.
function Attendance({ participant: p, onChange }: { participant: GroupParticipant; onChange: (attended: boolean | null) => void }) {
  // Three choices side by side need about 300 px: on a window narrower than 480 CSS px (320 px at
  // 400% zoom) they go one above the other, so the row never pushes the page sideways.
  const narrow = useMediaQuery('(max-width: 30em)', false, { getInitialValueInEffect: false });
  return (
    <SegmentedControl
      size="xs"
      orientation={narrow ? 'vertical' : 'horizontal'}
      aria-label={`Attendance for ${p.preferredName}`}
      value={toMark(p.attended)}
      onChange={(v) => onChange(fromMark(v as Mark))}
      data={[
        // Someone who came without registering cannot be "not recorded": they are here because they came.
        ...(p.registered ? [{ value: 'unrecorded', label: 'Not recorded' }] : []),
        { value: 'attended', label: 'Attended' },
        { value: 'dna', label: 'Did not attend' },
      ]}
    />
  );
}
