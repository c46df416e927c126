// Removing a member: what it does in plain words, and the choice to re-encrypt the caseload now
// so nothing the member kept (a copy of the key file, the key itself) opens it any more. A
// coordinator may know the recovery key: removing one replaces it in the same step, and the new key
// is shown once and retyped here. Removing anyone else offers a new recovery key too.
import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MemberView } from '../../../../core/domain/members';
import { call, errorMessage } from '../../shared/api';
import { RecoveryKeyCheck } from '../../shared/RecoveryKeyCheck';
import { RecoveryKeySave } from '../../shared/RecoveryKeySave';
import { RekeyProgress } from './RekeyProgress';
import { notifySuccess } from '../../shared/notify';
import { refresh, setAnswer } from '../../shared/queryKeys';
import { closableUnless } from '../../shared/closableUnless';
import { NewRecoveryKeyModal } from './NewRecoveryKeyModal';

type Step = 'confirm' | 'show' | 'check' | 'done';

export function RemoveMemberModal({ member, onClose }: { member: MemberView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [rekey, setRekey] = useState(true);
  const [step, setStep] = useState<Step>('confirm');
  const [offerNewKey, setOfferNewKey] = useState(false);
  const remove = useMutation({
    mutationFn: () => call('members.remove', { id: member.id, rekey }),
    onSuccess: (result) => {
      setAnswer(queryClient, 'members.list', {}, result.members);
      if (!result.rekeyProblem) notifySuccess(rekey ? `${member.name} has been removed and the caseload re-encrypted.` : `${member.name} has been removed.`, 'Member removed');
      setStep(result.recoveryKey ? 'show' : 'done');
    },
    // The removal may have happened even if something after it did not: show the list as it is.
    onError: () => refresh(queryClient, 'members.list'),
  });
  const busy = remove.isPending;
  const recoveryKey = remove.data?.recoveryKey;
  const rekeyProblem = remove.data?.rekeyProblem;
  if (offerNewKey) return <NewRecoveryKeyModal onClose={onClose} />;
  // Once a new recovery key exists it must be saved before the dialog may close.
  const keyOnScreen = step === 'show' || step === 'check';
  return (
    <Modal opened onClose={onClose} title={`Remove ${member.name}?`} size="lg" {...closableUnless(busy || keyOnScreen)}>
      {step === 'confirm' && (
        <Stack>
          <List size="sm" spacing={6}>
            <List.Item>{member.name} will no longer be able to sign in on this computer with their passphrase.</List.Item>
            <List.Item>Everything they recorded stays, with their name on it.</List.Item>
            {member.role === 'coordinator' && (
              <List.Item>As a coordinator they may know the recovery key: a new one is made now and shown once. Have paper or a printer ready.</List.Item>
            )}
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
      )}
      {rekeyProblem && step !== 'confirm' && (
        <Alert color="red" role="alert" mt="md">
          {rekeyProblem}
        </Alert>
      )}
      {step === 'show' && recoveryKey && (
        <RecoveryKeySave
          titleOrder={3}
          recoveryKey={recoveryKey}
          onSaved={() => setStep('check')}
          intro={`${member.name} has been removed. The recovery key they may have known no longer works: this new key replaces it. It is shown once.`}
        />
      )}
      {step === 'check' && recoveryKey && (
        <RecoveryKeyCheck titleOrder={3} recoveryKey={recoveryKey} onBack={() => setStep('show')} confirmLabel="Done" onConfirmed={onClose} />
      )}
      {step === 'done' && (
        <Stack>
          <Text size="sm">
            {member.name} has been removed. If they may have seen the recovery key, make a new one now: the current key stops working as soon as the new one is made.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOfferNewKey(true)}>
              Make a new recovery key
            </Button>
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
