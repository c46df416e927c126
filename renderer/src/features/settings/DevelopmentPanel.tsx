// A peer worker's training, supervision and CPD: a worker sees and records their own; a coordinator
// chooses whose. The monthly return counts them across the team, never a member's own.
import { Alert, Button, Group, Loader, NativeSelect, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { displayDate } from '../../../../core/domain/dates';
import { DEVELOPMENT_KIND_LABELS, type DevelopmentEntry } from '../../../../core/domain/development';
import { useCan } from '../../shared/access';
import { call, errorMessage } from '../../shared/api';
import { notifySuccess } from '../../shared/notify';
import { callQuery, setAnswer } from '../../shared/queryKeys';
import { StackedTable } from '../../shared/StackedTable';
import { Tag } from '../../shared/Tag';
import { DevelopmentModal } from './DevelopmentModal';

export function DevelopmentPanel() {
  const can = useCan();
  const status = useQuery(callQuery('workspace.status', {}));
  const coordinator = can('members.list');
  const members = useQuery({ ...callQuery('members.list', {}), enabled: coordinator });
  const me = status.data?.memberId ?? null;
  const [chosen, setChosen] = useState<number | null>(null);
  const memberId = chosen ?? me;
  const active = (members.data ?? []).filter((m) => !m.removedAt || m.id === memberId);
  const memberName = memberId === me ? (status.data?.memberName ?? '') : (members.data?.find((m) => m.id === memberId)?.name ?? '');
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={3} size="h4">
          Training and supervision
        </Title>
        <Text size="sm">Training, supervision and other CPD. The monthly return counts them for the whole team, never for one person.</Text>
        <Group align="flex-end" justify="space-between">
          {coordinator && members.data ? (
            <NativeSelect
              label="Whose"
              data={active.map((m) => ({ value: String(m.id), label: m.isYou ? `${m.name} (you)` : m.removedAt ? `${m.name} (removed)` : m.name }))}
              value={memberId === null ? '' : String(memberId)}
              onChange={(e) => setChosen(Number(e.currentTarget.value))}
              w={280}
            />
          ) : (
            <Text size="sm" fw={600}>
              Your development
            </Text>
          )}
          {memberId !== null && <RecordButton memberId={memberId} memberName={memberName} removed={!!members.data?.find((m) => m.id === memberId)?.removedAt} />}
        </Group>
        {memberId !== null && <Entries memberId={memberId} memberName={memberName} />}
      </Stack>
    </Paper>
  );
}

function RecordButton({ memberId, memberName, removed }: { memberId: number; memberName: string; removed: boolean }) {
  const [open, setOpen] = useState(false);
  if (removed) return null;
  return (
    <>
      <Button variant="default" leftSection={<IconPlus aria-hidden size={16} />} onClick={() => setOpen(true)}>
        Record development
      </Button>
      {open && <DevelopmentModal memberId={memberId} memberName={memberName} onClose={() => setOpen(false)} />}
    </>
  );
}

function describe(e: DevelopmentEntry): string {
  if (e.kind === 'supervision') return [e.supervisor && `With ${e.supervisor}`, e.title].filter(Boolean).join(': ');
  return e.title ?? '';
}

function Entries({ memberId, memberName }: { memberId: number; memberName: string }) {
  const queryClient = useQueryClient();
  const entries = useQuery(callQuery('development.list', { memberId }));
  const remove = useMutation({
    mutationFn: (id: number) => call('development.remove', { id }),
    onSuccess: (all) => {
      setAnswer(queryClient, 'development.list', { memberId }, all);
      notifySuccess('Entry removed');
    },
  });
  if (entries.isPending) return <Loader aria-label="Loading development" />;
  if (entries.isError) return <Alert color="red" role="alert">{errorMessage(entries.error)}</Alert>;
  if (entries.data.length === 0) return <Text size="sm">Nothing recorded for {memberName} yet.</Text>;
  return (
    <>
      {remove.error && (
        <Alert color="red" role="alert">
          {errorMessage(remove.error)}
        </Alert>
      )}
      <StackedTable stackBelow="sm" aria-label={`Development of ${memberName}`} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>Date</Table.Th>
            <Table.Th w={120}>Kind</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th w={80}>Hours</Table.Th>
            <Table.Th w={110}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.data.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td data-lead>{displayDate(e.heldOn)}</Table.Td>
              <Table.Td data-label="Kind">{DEVELOPMENT_KIND_LABELS[e.kind]}</Table.Td>
              <Table.Td data-label="What">
                <Group gap="xs">
                  <Text span size="sm">
                    {describe(e)}
                  </Text>
                  {e.jointWithClinic && (
                    <Tag tone="info" size="sm">
                      Joint with clinic
                    </Tag>
                  )}
                </Group>
              </Table.Td>
              <Table.Td data-label="Hours">{e.hours ?? '—'}</Table.Td>
              <Table.Td data-wide>
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  leftSection={<IconTrash aria-hidden size={14} />}
                  aria-label={`Remove ${DEVELOPMENT_KIND_LABELS[e.kind].toLowerCase()} on ${displayDate(e.heldOn)}`}
                  loading={remove.isPending && remove.variables === e.id}
                  onClick={() => remove.mutate(e.id)}
                >
                  Remove
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </StackedTable>
    </>
  );
}
