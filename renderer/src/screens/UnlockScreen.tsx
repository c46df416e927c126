// The lock screen: passphrase, or the recovery key when the passphrase is forgotten.
import { Alert, Anchor, Button, Center, Loader, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconLock } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { ApiFailure, call, errorMessage } from '../api';
import { showUnlocked } from '../session';

// Choosing a new passphrase checks its strength with zxcvbn's dictionaries (about 400 kB
// compressed): loaded only when someone opens the recovery form, not on every unlock.
const RecoveryUnlock = lazy(() => import('./unlock/RecoveryUnlock').then((m) => ({ default: m.RecoveryUnlock })));

export function UnlockScreen() {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  return (
    <Center mih="100vh" p="md" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={460} component="main">
        {mode === 'passphrase' ? (
          <PassphraseUnlock onForgot={() => setMode('recovery')} />
        ) : (
          <Suspense fallback={<Loader aria-label="Opening the recovery form" />}>
            <RecoveryUnlock onBack={() => setMode('passphrase')} />
          </Suspense>
        )}
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
