// The last import, and undoing it while nothing else has touched what it made.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { displayDate } from '../../../../core/domain/dates';
import { countOf } from '../../../../core/domain/plural';
import { call, errorMessage } from '../../shared/api';
import { DANGER_BUTTON } from '../../shared/contrast';
import { DialogFooter } from '../../shared/DialogFooter';
import { notifySuccess } from '../../shared/notify';
import { callQuery, refresh } from '../../shared/queryKeys';

const KIND_WORDS = { caseload: 'caseload spreadsheet', opt_out: 'opt-out referral list' } as const;

export function LastImport() {
  const queryClient = useQueryClient();
  const last = useQuery({ ...callQuery('imports.last', {}), refetchOnMount: 'always' });
  const [confirming, confirm] = useDisclosure(false);
  const undo = useMutation({
    mutationFn: (id: number) => call('imports.undo', { id }),
    onSuccess: ({ people }) => {
      confirm.close();
      refresh(queryClient, 'imports', 'people', 'myDay', 'reports');
      notifySuccess(`${countOf(people, 'person', 'people')} taken off the caseload.`, 'Import undone');
    },
  });
  const batch = last.data;
  if (!batch) return null;
  return (
    <Alert title="Last import" color="gray" variant="outline">
      <Stack gap="xs">
        <Text size="sm">
          {countOf(batch.people, 'person', 'people')} from a {KIND_WORDS[batch.kind]}, {displayDate(batch.at)} by {batch.byName}.
          {batch.undoneAt ? ` Undone ${displayDate(batch.undoneAt)}.` : ''}
        </Text>
        {!batch.undoneAt && batch.undoBlocked && (
          <Text size="sm">It can no longer be undone: {batch.undoBlocked.charAt(0).toLowerCase() + batch.undoBlocked.slice(1)}</Text>
        )}
        {!batch.undoneAt && !batch.undoBlocked && (
          <Group>
            <Button variant="default" styles={DANGER_BUTTON} onClick={confirm.open}>
              Undo this import
            </Button>
          </Group>
        )}
      </Stack>
      <Modal opened={confirming} onClose={confirm.close} title="Undo the last import?">
        <Stack>
          <Text>
            {countOf(batch.people, 'person', 'people')} and their referrals will be taken off the caseload, as if the import had never been made. The audit log keeps a note of both.
          </Text>
          {undo.isError && (
            <Alert color="red" title="Not undone" role="alert">
              {errorMessage(undo.error)}
            </Alert>
          )}
          <DialogFooter>
            <Button variant="default" onClick={confirm.close}>
              Keep them
            </Button>
            <Button color="red.9" loading={undo.isPending} onClick={() => undo.mutate(batch.id)}>
              Undo the import
            </Button>
          </DialogFooter>
        </Stack>
      </Modal>
    </Alert>
  );
}
