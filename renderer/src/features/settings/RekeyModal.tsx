// Re-encrypting the caseload under a new key on request: after a removal whose re-encryption did
// not finish, or when a copy of the key file may have gone astray. Passphrases do not change.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { call, errorMessage } from '../../shared/api';
import { RekeyProgress } from './RekeyProgress';
import { notifySuccess } from '../../shared/notify';
import { closableUnless } from '../../shared/closableUnless';

export function RekeyModal({ onClose }: { onClose: () => void }) {
  const rekey = useMutation({
    mutationFn: () => call('workspace.rekey', {}),
    onSuccess: () => {
      notifySuccess('Copies of the old key file no longer open it. Everyone keeps their passphrase.', 'Caseload re-encrypted');
      onClose();
    },
  });
  const busy = rekey.isPending;
  return (
    <Modal opened onClose={onClose} title="Re-encrypt the caseload" {...closableUnless(busy)}>
      <Stack>
        <Text size="sm">
          The whole caseload gets a new key. Copies of the old key file, and members already removed, cannot open it afterwards. Everyone else keeps their passphrase and the recovery key
          keeps working.
        </Text>
        {busy && <RekeyProgress />}
        {rekey.isError && (
          <Alert color="red" role="alert">
            {errorMessage(rekey.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button onClick={() => rekey.mutate()} loading={busy}>
            Re-encrypt now
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
