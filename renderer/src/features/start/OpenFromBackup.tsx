// A new or re-imaged PC: open the caseload from one of its backups instead of starting afresh.
// The backup is checked first (its date and what it holds), then copied in at this PC's place
// for a caseload; the lock screen follows, for signing in with that backup's passphrase.
import { Alert, Button, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconFile } from '@tabler/icons-react';
import { useState, type ChangeEvent } from 'react';
import type { BackupCheck } from '../../../../core/domain/backup';
import type { CaseloadScope } from '../../../../core/domain/places';
import type { SetupChoices } from '../../../../core/domain/workspace';
import { ApiFailure, call, errorMessage } from '../../shared/api';
import { notifySuccess } from '../../shared/notify';
import { refresh } from '../../shared/queryKeys';
import { BackupCounts } from '../backups/BackupCounts';
import { backupWhen } from '../backups/format';
import { ScopeChoice, scopeOffered } from './ScopeChoice';
import { RECOVERY_KEY_HINT } from '../../shared/RecoveryKeyCard';

type How = 'passphrase' | 'recoveryKey';
type Field = 'path' | 'secret' | 'scope';

/** Which field a refusal belongs beside; null: said in an alert under the form. */
function fieldOf(e: unknown): Field | null {
  if (!(e instanceof ApiFailure)) return null;
  const { code, fields } = e.error;
  if (fields?.path) return 'path';
  if (fields?.scope) return 'scope';
  if (fields?.passphrase || fields?.recoveryKey) return 'secret';
  if (code === 'WRONG_PASSPHRASE' || code === 'WRONG_RECOVERY_KEY' || code === 'TOO_MANY_ATTEMPTS') return 'secret';
  // No such file, its key file missing, or not a caseload backup at all: about the file typed.
  if (code === 'NOT_FOUND' || code === 'DATABASE_DAMAGED' || code === 'ENVELOPE_DAMAGED') return 'path';
  return null;
}

function messageFor(e: unknown, field: Field): string {
  if (e instanceof ApiFailure && e.error.fields) {
    const f = e.error.fields;
    const m = field === 'secret' ? (f.passphrase ?? f.recoveryKey) : f[field];
    if (m) return m;
  }
  return errorMessage(e);
}

export function OpenFromBackup({ setup }: { setup: SetupChoices }) {
  const queryClient = useQueryClient();
  const [path, setPath] = useState('');
  const [scope, setScope] = useState<CaseloadScope>('user');
  const [how, setHow] = useState<How>('passphrase');
  const [secret, setSecret] = useState('');
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const [checked, setChecked] = useState<BackupCheck | null>(null);
  const input = () => ({
    path: path.trim(),
    ...(how === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret.trim() }),
    ...(scopeOffered(setup) ? { scope } : {}),
  });
  const inspect = useMutation({ mutationFn: () => call('backups.inspect', input()), onSuccess: setChecked });
  const restore = useMutation({
    mutationFn: () => call('backups.restore', { ...input(), confirm: true }),
    onSuccess: () => {
      notifySuccess('Sign in with the passphrase from when the backup was taken.', 'Caseload opened from the backup');
      refresh(queryClient, 'workspace.status');
    },
  });
  const choose = useMutation({
    mutationFn: () => call('backups.chooseFile', {}),
    onSuccess: ({ path: chosen }) => chosen && changed(() => setPath(chosen)),
  });
  // Anything changed means the check no longer stands.
  const changed = (update: () => void) => {
    update();
    setMissing({});
    setChecked(null);
    inspect.reset();
    restore.reset();
  };
  const failure = restore.error ?? inspect.error;
  const failedField = fieldOf(failure);
  const errorFor = (field: Field) => missing[field] ?? (failure && failedField === field ? messageFor(failure, field) : undefined);
  const secretField = {
    value: secret,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      changed(() => setSecret(value));
    },
    error: errorFor('secret'),
    // Mantine's PasswordInput marks its input data-invalid only: say it to assistive technology too.
    'aria-invalid': !!errorFor('secret'),
    autoComplete: 'off',
  };
  return (
    <Stack mt="lg" maw={560} gap="lg">
      <Text size="sm">
        For a new or re-imaged PC: open your caseload from one of its backups. You need a coordinator’s passphrase from when the backup was taken, or the caseload’s recovery key.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const gaps: Partial<Record<Field, string>> = {};
          if (!path.trim()) gaps.path = 'Type the full path of the backup file.';
          if (!secret) gaps.secret = how === 'passphrase' ? 'Type the passphrase from when the backup was taken.' : 'Type the recovery key.';
          setMissing(gaps);
          if (Object.keys(gaps).length === 0) inspect.mutate();
        }}
        noValidate
      >
        <Stack gap="md">
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              label="Backup file"
              description="Its full path. Its key file (the same name ending .keys) must be beside it."
              placeholder="H:\Peer Support Caseload backups\caseload-backup-20260101T090000Z.db"
              value={path}
              onChange={(e) => {
                const value = e.currentTarget.value;
                changed(() => setPath(value));
              }}
              error={errorFor('path')}
              spellCheck={false}
              autoComplete="off"
              style={{ flex: 1 }}
            />
            {setup.canChooseFile && (
              <Button variant="default" leftSection={<IconFile size={16} aria-hidden />} onClick={() => choose.mutate()} loading={choose.isPending}>
                Choose file…
              </Button>
            )}
          </Group>
          <ScopeChoice setup={setup} value={scope} onChange={(v) => changed(() => setScope(v))} error={errorFor('scope')} />
          <SegmentedControl
            aria-label="Open the backup with"
            value={how}
            onChange={(v) =>
              changed(() => {
                setHow(v as How);
                setSecret('');
              })
            }
            data={[
              { value: 'passphrase', label: 'Passphrase' },
              { value: 'recoveryKey', label: 'Recovery key' },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {how === 'passphrase' ? (
            <PasswordInput label="Passphrase from when the backup was taken" description="A coordinator’s passphrase." {...secretField} />
          ) : (
            <TextInput label="Recovery key" description={RECOVERY_KEY_HINT} spellCheck={false} {...secretField} />
          )}
          {choose.isError && (
            <Alert color="red" role="alert">
              {errorMessage(choose.error)}
            </Alert>
          )}
          {inspect.isError && !failedField && (
            <Alert color="red" role="alert" title="This backup cannot be opened here">
              {errorMessage(inspect.error)}
            </Alert>
          )}
          <Group>
            <Button type="submit" variant={checked ? 'default' : 'filled'} loading={inspect.isPending}>
              Check the backup
            </Button>
          </Group>
        </Stack>
      </form>
      {checked && (
        <Stack gap="sm" component="section" aria-labelledby="checked-backup">
          <Title order={2} size="h4" id="checked-backup">
            Backup taken {backupWhen(checked.takenAt)}
          </Title>
          <Text size="sm">It opened and passed its check. It holds:</Text>
          <BackupCounts counts={checked.counts} label="What the backup holds" />
          <Text size="sm">The caseload is copied onto this PC from the backup; the backup itself is not changed. Then sign in with the passphrase from when it was taken.</Text>
          {restore.isError && !failedField && (
            <Alert color="red" role="alert" title="The caseload was not opened">
              {errorMessage(restore.error)}
            </Alert>
          )}
          {restore.isPending && (
            <Text size="sm" role="status">
              Copying the caseload in and checking it…
            </Text>
          )}
          <Group>
            <Button onClick={() => restore.mutate()} loading={restore.isPending}>
              Open this caseload
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
