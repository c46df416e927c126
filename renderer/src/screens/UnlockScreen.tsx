// The lock screen: passphrase, or the recovery key when the passphrase is forgotten.
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { recoverSchema } from '../../../core/domain/workspace';
import { ApiFailure, call, errorMessage } from '../api';
import { PassphraseField } from '../components/PassphraseField';
import { showUnlocked, STATUS_KEY } from '../session';

/** A damaged file: the app's status now says so, with what it found, and the damaged screen shows it. */
function showIfDamaged(queryClient: QueryClient, e: unknown) {
  if (e instanceof ApiFailure && (e.error.code === 'DATABASE_DAMAGED' || e.error.code === 'ENVELOPE_DAMAGED')) void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
}

export function UnlockScreen() {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  return (
    <Center mih="100vh" p="md" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={460} component="main">
        {mode === 'passphrase' ? <PassphraseUnlock onForgot={() => setMode('recovery')} /> : <RecoveryUnlock onBack={() => setMode('passphrase')} />}
      </Paper>
    </Center>
  );
}

function PassphraseUnlock({ onForgot }: { onForgot: () => void }) {
  const queryClient = useQueryClient();
  const [passphrase, setPassphrase] = useState('');
  const unlock = useMutation({
    mutationFn: () => call('session.unlock', { passphrase }),
    onSuccess: (status) => showUnlocked(queryClient, status),
    onError: (e) => showIfDamaged(queryClient, e),
  });
  const wrong = unlock.error instanceof ApiFailure && unlock.error.error.code === 'WRONG_PASSPHRASE';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (passphrase) unlock.mutate();
      }}
      noValidate
    >
      <Stack>
        <IconLock size={32} aria-hidden color="var(--mantine-color-nhsBlue-7)" />
        <Title order={1} size="h2">
          Your caseload is locked
        </Title>
        <PasswordInput
          label="Passphrase"
          value={passphrase}
          onChange={(e) => {
            setPassphrase(e.currentTarget.value);
            unlock.reset();
          }}
          error={wrong ? unlock.error?.message : undefined}
          autoComplete="current-password"
          data-autofocus
          autoFocus
        />
        {unlock.isError && !wrong && (
          <Alert color="red" role="alert" title="The caseload could not be opened">
            {errorMessage(unlock.error)}
          </Alert>
        )}
        <Button type="submit" loading={unlock.isPending} disabled={!passphrase}>
          Unlock
        </Button>
        <Anchor component="button" type="button" onClick={onForgot} size="sm" ta="left">
          Forgotten your passphrase? Use your recovery key
        </Anchor>
      </Stack>
    </form>
  );
}

function RecoveryUnlock({ onBack }: { onBack: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { recoveryKey: '', newPassphrase: '', confirm: '' },
    validate: (values) => {
      const errors = schemaResolver(recoverSchema, { sync: true })(values);
      if (values.confirm !== values.newPassphrase) errors.confirm = 'The two passphrases do not match.';
      return errors;
    },
  });
  const recover = useMutation({
    mutationFn: (v: { recoveryKey: string; newPassphrase: string }) => call('session.recover', v),
    onSuccess: (status) => showUnlocked(queryClient, status),
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) form.setErrors(e.error.fields);
      showIfDamaged(queryClient, e);
    },
  });
  return (
    <form onSubmit={form.onSubmit(({ confirm: _c, ...v }) => recover.mutate(v))} noValidate>
      <Stack>
        <Title order={1} size="h2">
          Unlock with your recovery key
        </Title>
        <Text size="sm">Type the recovery key you saved when the caseload was set up, then choose a new passphrase.</Text>
        <TextInput
          label="Recovery key"
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          autoFocus
          {...form.getInputProps('recoveryKey')}
        />
        <PassphraseField id="new-passphrase" label="New passphrase" autoComplete="new-password" {...form.getInputProps('newPassphrase')} />
        <TextInput type="password" label="Type the new passphrase again" autoComplete="new-password" {...form.getInputProps('confirm')} />
        {recover.isError && !(recover.error instanceof ApiFailure && recover.error.error.fields) && (
          <Alert color="red" role="alert">
            {errorMessage(recover.error)}
          </Alert>
        )}
        <Button type="submit" loading={recover.isPending}>
          Unlock and set new passphrase
        </Button>
        <Anchor component="button" type="button" onClick={onBack} size="sm" ta="left">
          Back to passphrase
        </Anchor>
      </Stack>
    </form>
  );
}
