// Members (coordinators only): who can sign in here, in which role, and who has been removed.
// Adding a member gives them their own passphrase; removing one takes it away.
import { Alert, Button, Group, Loader, NativeSelect, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconKey, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { displayDate, todayIso } from '../../../../core/domain/dates';
import type { MemberView } from '../../../../core/domain/members';
import { ROLE_LABELS, ROLES, type Role } from '../../../../core/domain/roles';
import { call, errorMessage } from '../../shared/api';
import { Tag } from '../../shared/Tag';
import { notifySuccess } from '../../shared/notify';
import { callQuery, refresh, setAnswer } from '../../shared/queryKeys';
import { RekeyModal } from './RekeyModal';
import { RemoveMemberModal } from './RemoveMemberModal';
import { DANGER_BUTTON } from '../../shared/contrast';
import { StackedTable } from '../../shared/StackedTable';

// The passphrase policy's dictionaries (zxcvbn, ~250 kB gzipped) load only when this dialog opens.
const AddMemberModal = lazy(() => import('./AddMemberModal').then((m) => ({ default: m.AddMemberModal })));

// Mantine's subtle red text is under 4.5:1 on white; this red is 7.6:1.

export function MembersPanel() {
  const queryClient = useQueryClient();
  const members = useQuery(callQuery('members.list', {}));
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const [rekeying, setRekeying] = useState(false);
  const setRole = useMutation({
    mutationFn: (v: { member: MemberView; role: Role }) => call('members.setRole', { id: v.member.id, role: v.role }),
    onSuccess: (list, v) => {
      setAnswer(queryClient, 'members.list', {}, list);
      notifySuccess(`${v.member.name} is now: ${ROLE_LABELS[v.role]}.`, 'Role changed');
      // A coordinator who steps down sees the app as their new role at once.
      if (v.member.isYou) refresh(queryClient, 'workspace.status');
    },
  });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="members-title">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4" id="members-title">
            Members
          </Title>
          <Button variant="default" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            Add a member
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Everyone who uses this computer signs in with their own passphrase. Their role decides what they can see and do.
        </Text>
        {members.isPending && <Loader role="status" aria-label="Loading members" />}
        {members.isError && <Alert color="red" role="alert">{errorMessage(members.error)}</Alert>}
        {setRole.isError && (
          <Alert color="red" role="alert" withCloseButton onClose={() => setRole.reset()} closeButtonLabel="Dismiss">
            {errorMessage(setRole.error)}
          </Alert>
        )}
        {members.data && (
          <StackedTable stackBelow="md" aria-label="Members" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th w={220}>Role</Table.Th>
                <Table.Th w={170}>Status</Table.Th>
                <Table.Th w={110}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td data-lead>
                    {m.name}
                    {m.isYou && (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        (you)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-label="Role">
                    {m.removedAt ? (
                      ROLE_LABELS[m.role]
                    ) : (
                      <NativeSelect
                        aria-label={`Role for ${m.name}`}
                        size="xs"
                        data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                        value={m.role}
                        disabled={setRole.isPending}
                        onChange={(e) => setRole.mutate({ member: m, role: e.currentTarget.value as Role })}
                      />
                    )}
                  </Table.Td>
                  <Table.Td data-label="Status">
                    {m.removedAt ? (
                      <Tag tone="neutral" size="sm">
                        Removed {displayDate(todayIso(new Date(m.removedAt)))}
                      </Tag>
                    ) : (
                      <Tag tone="good" size="sm">
                        Can sign in
                      </Tag>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!m.removedAt && !m.isYou && (
                      <Button variant="subtle" size="compact-sm" styles={DANGER_BUTTON} leftSection={<IconUserMinus size={14} aria-hidden />} aria-label={`Remove ${m.name}`} onClick={() => setRemoving(m)}>
                        Remove
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackedTable>
        )}
        <Group>
          <Button variant="subtle" size="compact-sm" leftSection={<IconKey size={14} aria-hidden />} onClick={() => setRekeying(true)}>
            Re-encrypt the caseload
          </Button>
        </Group>
      </Stack>
      {adding && (
        <Suspense fallback={null}>
          <AddMemberModal onClose={() => setAdding(false)} />
        </Suspense>
      )}
      {removing && <RemoveMemberModal member={removing} onClose={() => setRemoving(null)} />}
      {rekeying && <RekeyModal onClose={() => setRekeying(false)} />}
    </Paper>
  );
}
