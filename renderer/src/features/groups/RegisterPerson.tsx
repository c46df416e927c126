// Finding someone on the caseload (the same search as the caseload: case ID, name, NHS Number,
// hospital number) and registering them, or, from the day of the event, recording that they
// came without registering.
import { Button, Checkbox, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { displayDate } from '../../../../core/domain/dates';
import type { GroupEvent } from '../../../../core/domain/group';
import { call, errorMessage } from '../../shared/api';
import { notifySuccess } from '../../shared/notify';
import { useEventMutation } from './useEventMutation';
import { callQuery } from '../../shared/queryKeys';

const RESULTS = 8;

export function RegisterPerson({ event, happened }: { event: GroupEvent; happened: boolean }) {
  const [search, setSearch] = useState('');
  const [walkIn, setWalkIn] = useState(false);
  const [query] = useDebouncedValue(search.trim(), 150);
  const found = useQuery({
    ...callQuery('people.list', { query, limit: RESULTS, sort: 'name' }),
    enabled: query.length > 0,
  });
  const add = useEventMutation(
    (p: { personId: number }) =>
      call('groups.setRegistration', { eventId: event.id, personId: p.personId, registered: !walkIn, attended: walkIn ? true : null }),
    () => {
      notifySuccess(walkIn ? 'Recorded as attended' : 'Registered');
      setSearch('');
    },
  );
  const onEvent = new Set(event.participants.map((p) => p.personId));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="register-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="register-title">
          Add someone from the caseload
        </Title>
        <Group align="flex-end">
          <TextInput
            label="Find a person"
            description="Case ID, name, NHS Number or hospital number"
            leftSection={<IconSearch aria-hidden size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            autoComplete="off"
            w={420}
          />
          {happened && <Checkbox label="They came without registering" checked={walkIn} onChange={(e) => setWalkIn(e.currentTarget.checked)} mb={8} />}
        </Group>
        {add.isError && (
          <Text c="red.9" size="sm" role="alert">
            {errorMessage(add.error)}
          </Text>
        )}
        {found.isFetching && <Loader size="sm" role="status" aria-label="Searching" />}
        {found.isError && (
          <Text c="red.9" size="sm" role="alert">
            {errorMessage(found.error)}
          </Text>
        )}
        {query && found.data && (
          <div aria-live="polite">
            {found.data.total === 0 ? (
              <Text size="sm">No one on the caseload matches “{query}”.</Text>
            ) : (
              <Table aria-label="People found" verticalSpacing={4}>
                <Table.Tbody>
                  {found.data.rows.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {p.preferredName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          <Text span ff="monospace" inherit>
                            {p.caseId}
                          </Text>
                          {` · born ${displayDate(p.dateOfBirth)}`}
                        </Text>
                      </Table.Td>
                      <Table.Td w={200} ta="right">
                        {onEvent.has(p.id) ? (
                          <Text size="sm" c="dimmed">
                            Already on this event
                          </Text>
                        ) : (
                          <Button
                            size="compact-sm"
                            leftSection={<IconUserPlus aria-hidden size={14} />}
                            loading={add.isPending && add.variables?.personId === p.id}
                            aria-label={`${walkIn ? 'Add' : 'Register'} ${p.preferredName}`}
                            onClick={() => add.mutate({ personId: p.id })}
                          >
                            {walkIn ? 'Add' : 'Register'}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {found.data.total > RESULTS && (
              <Text size="xs" c="dimmed" mt={4}>
                Showing the first {RESULTS} of {found.data.total.toLocaleString('en-GB')}: type more of the name, or the case ID, to narrow it.
              </Text>
            )}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
