// Restoring one backup, in three steps: unlock it (with the passphrase or recovery key from when
// it was taken), see its date and what it holds, then confirm. The app then closes the caseload
// and asks for the passphrase again, as the back end does after a restore.
import { Alert, Button, Checkbox, Group, Modal, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import type { BackupCheck } from '../../../../core/domain/backup';
import type { WorkspaceStatus } from '../../../../core/domain/workspace';
import { ApiFailure, call, errorMessage } from '../../shared/api';
import { BackupCounts } from './BackupCounts';
import { backupWhen } from './format';
import { closableUnless } from '../../shared/closableUnless';
import { RECOVERY_KEY_HINT } from '../../shared/RecoveryKeyCard';

export interface RestoreTarget {
  /** A file name in the backup folder (with a session open), or a full path (the damaged screen). */
  path: string;
  /** Null for a backup typed by path whose name does not say when it was taken. */
  takenAt: string | null;
}

type Secret = { passphrase: string } | { recoveryKey: string };

export function RestoreBackupModal({
  target,
  current,
  onClose,
  onRestored,
}: {
  target: RestoreTarget;
  /** What becomes of the caseload there now: kept as a safety copy, or (damaged) kept as it is. */
  current: 'working' | 'damaged';
  onClose: () => void;
  onRestored: (status: WorkspaceStatus) => void;
}) {
  const [how, setHow] = useState<'passphrase' | 'recoveryKey'>('passphrase');
  const [value, setValue] = useState('');
  const [checked, setChecked] = useState<{ check: BackupCheck; secret: Secret } | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const secret = (): Secret => (how === 'passphrase' ? { passphrase: value } : { recoveryKey: value.trim() });
  const inspect = useMutation({
    mutationFn: (s: Secret) => call('backups.inspect', { path: target.path, ...s }).then((check) => ({ check, secret: s })),
    onSuccess: setChecked,
  });
  const restore = useMutation({
    mutationFn: () => call('backups.restore', { path: target.path, ...checked!.secret, confirm: true }),
    onSuccess: onRestored,
  });
  const wrongSecret = inspect.error instanceof ApiFailure && ['WRONG_PASSPHRASE', 'WRONG_RECOVERY_KEY'].includes(inspect.error.error.code);
  // The passphrase and the recovery key fields behave alike: typing clears the last refusal.
  const secretField = {
    value,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setValue(e.currentTarget.value);
      inspect.reset();
    },
    error: wrongSecret ? errorMessage(inspect.error) : undefined,
    autoComplete: 'off',
    'data-autofocus': true,
  };
  return (
    <Modal opened onClose={onClose} title={target.takenAt ? `Restore the backup taken ${backupWhen(target.takenAt)}` : 'Restore a backup'} size="lg" {...closableUnless(restore.isPending)}>
      {!checked ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (value) inspect.mutate(secret());
          }}
          noValidate
        >
          <Stack>
            <Text size="sm">Backups are encrypted. Unlock this one with the passphrase or the recovery key that opened the caseload when it was taken.</Text>
            <SegmentedControl
              aria-label="Unlock the backup with"
              value={how}
              onChange={(v) => {
                setHow(v as typeof how);
                setValue('');
                inspect.reset();
              }}
              data={[
                { value: 'passphrase', label: 'Passphrase' },
                { value: 'recoveryKey', label: 'Recovery key' },
              ]}
            />
            {how === 'passphrase' ? (
              <PasswordInput label="Passphrase from when the backup was taken" {...secretField} />
            ) : (
              <TextInput label="Recovery key" description={RECOVERY_KEY_HINT} spellCheck={false} {...secretField} />
            )}
            {inspect.isError && !wrongSecret && (
              <Alert color="red" role="alert" title="This backup cannot be restored">
                {errorMessage(inspect.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={inspect.isPending} disabled={!value}>
                Open backup
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack>
          <Text>
            Backup taken <strong>{backupWhen(checked.check.takenAt)}</strong>. It opened and passed its check. It holds:
          </Text>
          <BackupCounts counts={checked.check.counts} label="What the backup holds" />
          <Alert color="nhsBlue" variant="light" title="What happens next">
            <Text size="sm">
              {current === 'working'
                ? 'The caseload on this computer is replaced by this backup. The current caseload is not deleted: it is kept as a safety copy beside it, in files whose names end “before-restore-” and the date. Anything recorded after the backup was taken is only in that safety copy.'
                : 'The damaged caseload is not deleted: it stays beside the restored one as a safety copy, as well as in the copy already put aside. Anything recorded after the backup was taken may be lost; IT may be able to recover it from the damaged copy.'}
            </Text>
            <Text size="sm" mt={6}>
              The caseload then locks. Unlock it with the passphrase from when the backup was taken.
            </Text>
          </Alert>
          <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} label={`Replace the caseload with the backup taken ${backupWhen(checked.check.takenAt)}`} />
          {restore.isError && (
            <Alert color="red" role="alert" title="The backup was not restored">
              {errorMessage(restore.error)}
            </Alert>
          )}
          {restore.isPending && (
            <Text size="sm" role="status">
              Restoring the backup. Keep the app open: the caseload is copied in and checked before anything is replaced.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={restore.isPending}>
              Cancel
            </Button>
            <Button color="red.9" onClick={() => restore.mutate()} loading={restore.isPending} disabled={!confirmed}>
              Restore backup
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
