// Removing a member: what it does in plain words, and the choice to re-encrypt the caseload now
// so nothing the member kept (a copy of the key file, the key itself) opens it any more.
import { Alert, Button, Checkbox, Group, List, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MemberView } from '../../../../core/domain/members';
import { call, errorMessage } from '../../api';
import { RekeyProgress } from '../../components/RekeyProgress';
import { notifySuccess } from '../../notify';
import { MEMBERS_KEY } from './queries';
import { closableUnless } from '../../components/closableUnless';

export function RemoveMemberModal({ member, onClose }: { member: MemberView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [rekey, setRekey] = useState(true);
  const remove = useMutation({
    mutationFn: () => call('members.remove', { id: member.id, rekey }),
    onSuccess: (list) => {
      queryClient.setQueryData(MEMBERS_KEY, list);
      notifySuccess(rekey ? `${member.name} has been removed and the caseload re-encrypted.` : `${member.name} has been removed.`, 'Member removed');
      onClose();
    },
    // The removal may have happened even if re-encrypting did not finish: show the list as it is.
    onError: () => void queryClient.invalidateQueries({ queryKey: MEMBERS_KEY }),
  });
  const busy = remove.isPending;
  return (
    <Modal opened onClose={onClose} title={`Remove ${member.name}?`} size="lg" {...closableUnless(busy)}>
      <Stack>
        <List size="sm" spacing={6}>
          <List.Item>{member.name} will no longer be able to sign in on this computer with their passphrase.</List.Item>
          <List.Item>Everything they recorded stays, with their name on it.</List.Item>
          <List.Item>Backups made before now still open with the passphrases from when they were made: keep them safe.</List.Item>
        </List>
        <Checkbox
          checked={rekey}
          disabled={busy}
          onChange={(e) => setRekey(e.currentTarget.checked)}
          label="Re-encrypt the caseload now (recommended)"
          description={`Gives the whole caseload a new key, so a copy of the key file or anything else ${member.name} may have kept no longer opens it. Everyone else keeps their passphrase.`}
        />
        {busy && rekey && <RekeyProgress />}
        {remove.isError && (
          <Alert color="red" role="alert">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {remove.isError ? 'Close' : 'Cancel'}
          </Button>
          {!remove.isError && (
            <Button color="red.9" onClick={() => remove.mutate()} loading={busy}>
              Remove {member.name}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
