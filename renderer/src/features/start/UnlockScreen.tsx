// The lock screen: who is signing in (when several members share this computer), then their
// passphrase, or the recovery key when the passphrase is forgotten.
import { Alert, Anchor, Box, Button, Center, Divider, Loader, Paper, PasswordInput, Radio, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconLock } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import type { WorkspaceStatus } from '../../../../core/domain/workspace';
import { ApiFailure, call, errorMessage } from '../../shared/api';
import { showIfDamaged, showUnlocked } from '../../shared/session';
import { PolicyProblems } from './PolicyProblems';
import { OpenTraining } from '../training/OpenTraining';


// Choosing a new passphrase checks its strength with zxcvbn's dictionaries (about 400 kB
// compressed): loaded only when someone opens the recovery form, not on every unlock.
const RecoveryUnlock = lazy(() => import('./RecoveryUnlock').then((m) => ({ default: m.RecoveryUnlock })));

type SignIn = NonNullable<WorkspaceStatus['signIns']>[number];

// Who signed in last on this computer, so they need not choose again (a staff member's id, not a secret).
const LAST_SIGN_IN = 'peer-caseload.last-sign-in';

function rememberedMember(signIns: SignIn[]): number | null {
  const id = Number(localStorage.getItem(LAST_SIGN_IN));
  return signIns.some((s) => s.memberId === id) ? id : null;
}

export function UnlockScreen({ signIns = [], trainingAvailable = false, policyProblems }: { signIns?: SignIn[]; trainingAvailable?: boolean; policyProblems?: string[] }) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  // With one member there is nothing to choose: every sign-in is tried, as before members existed.
  const choosing = signIns.length > 1;
  const [picked, setMemberId] = useState<number | null>(null);
  // The list may arrive after the screen (it is asked for again at lock): default to the last one then.
  const memberId = choosing ? (picked ?? rememberedMember(signIns)) : null;
  return (
    <Center mih="100vh" p="md" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={choosing ? 520 : 460} component="main">
        {policyProblems && policyProblems.length > 0 && (
          <Box mb="lg">
            <PolicyProblems problems={policyProblems} />
          </Box>
        )}
        {mode === 'passphrase' ? (
          <PassphraseUnlock signIns={choosing ? signIns : []} memberId={memberId} onChoose={setMemberId} onForgot={() => setMode('recovery')} />
        ) : (
          <Suspense fallback={<Loader role="status" aria-label="Opening the recovery form" />}>
            <RecoveryUnlock memberId={memberId} onBack={() => setMode('passphrase')} />
          </Suspense>
        )}
        {trainingAvailable && (
          // Secondary: a trainer starts a session here, but the real caseload comes first.
          <>
            <Divider my="lg" />
            <OpenTraining as="link" />
          </>
        )}
      </Paper>
    </Center>
  );
}

function PassphraseUnlock({ signIns, memberId, onChoose, onForgot }: { signIns: SignIn[]; memberId: number | null; onChoose: (id: number) => void; onForgot: () => void }) {
  const queryClient = useQueryClient();
  const [passphrase, setPassphrase] = useState('');
  const [chooseError, setChooseError] = useState<string | null>(null);
  const unlock = useMutation({
    mutationFn: () => call('session.unlock', { passphrase, ...(memberId ? { memberId } : {}) }),
    onSuccess: (status) => {
      if (memberId) localStorage.setItem(LAST_SIGN_IN, String(memberId));
      showUnlocked(queryClient, status);
    },
    onError: (e) => showIfDamaged(queryClient, e),
  });
  const wrong = unlock.error instanceof ApiFailure && unlock.error.error.code === 'WRONG_PASSPHRASE';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (signIns.length > 0 && !memberId) {
          setChooseError('Choose your name.');
          return;
        }
        if (passphrase) unlock.mutate();
      }}
      noValidate
    >
      <Stack>
        <IconLock size={32} aria-hidden color="var(--mantine-color-nhsBlue-7)" />
        <Title order={1} size="h2">
          Your caseload is locked
        </Title>
        {signIns.length > 0 && (
          <Radio.Group
            label="Who is signing in"
            value={memberId ? String(memberId) : ''}
            onChange={(v) => {
              onChoose(Number(v));
              setChooseError(null);
              unlock.reset();
            }}
            error={chooseError}
          >
            <SimpleGrid cols={2} spacing="xs" mt={6}>
              {signIns.map((s) => (
                <Radio key={s.memberId} value={String(s.memberId)} label={s.name} />
              ))}
            </SimpleGrid>
          </Radio.Group>
        )}
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
          autoFocus={signIns.length === 0 || memberId !== null}
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
