// A new recovery key, in the same steps as at set-up: explain, show it once, have it retyped
// from the saved copy, then re-encrypt the caseload so copies of the old key file cannot be
// opened with the old key either. The dialog cannot be dismissed while the key is on screen.
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { call, errorMessage } from '../../shared/api';
import { RecoveryKeyCheck } from '../../shared/RecoveryKeyCheck';
import { RecoveryKeySave } from '../../shared/RecoveryKeySave';
import { RekeyProgress } from './RekeyProgress';
import { notifySuccess } from '../../shared/notify';
import { closableUnless } from '../../shared/closableUnless';

type Step = 'explain' | 'show' | 'check' | 'rekey';

export function NewRecoveryKeyModal({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>('explain');
  const make = useMutation({ mutationFn: () => call('recovery.regenerate', {}), onSuccess: () => setStep('show') });
  const rekey = useMutation({
    mutationFn: () => call('workspace.rekey', {}),
    onSuccess: () => {
      notifySuccess('The old recovery key no longer opens the caseload.', 'New recovery key saved');
      onClose();
    },
  });
  const recoveryKey = make.data?.recoveryKey;
  // Once made, the new key must be saved before the dialog may close.
  const dismissable = step === 'explain' || (step === 'rekey' && !rekey.isPending);
  return (
    <Modal opened onClose={onClose} title="New recovery key" size="lg" {...closableUnless(!dismissable)}>
      {step === 'explain' && (
        <Stack>
          <List size="sm" spacing={6}>
            <List.Item>The current recovery key stops working as soon as the new one is made.</List.Item>
            <List.Item>The new key is shown once. Have paper or a printer ready.</List.Item>
            <List.Item>Afterwards the caseload is re-encrypted, so copies of the old key file cannot be opened with the old key either.</List.Item>
          </List>
          {make.isError && (
            <Alert color="red" role="alert">
              {errorMessage(make.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={() => make.mutate()} loading={make.isPending}>
              Make a new recovery key
            </Button>
          </Group>
        </Stack>
      )}
      {step === 'show' && recoveryKey && (
        <RecoveryKeySave titleOrder={3} recoveryKey={recoveryKey} onSaved={() => setStep('check')} intro="This key replaces the old one. It opens the caseload if a coordinator forgets their passphrase. It is shown once." />
      )}
      {step === 'check' && recoveryKey && (
        <RecoveryKeyCheck
          titleOrder={3}
          recoveryKey={recoveryKey}
          onBack={() => setStep('show')}
          confirmLabel="Continue"
          onConfirmed={() => {
            setStep('rekey');
            rekey.mutate();
          }}
        />
      )}
      {step === 'rekey' && (
        <Stack mt="md">
          <Text size="sm">Your new recovery key works now. The caseload is being re-encrypted so the old key stops working everywhere.</Text>
          {rekey.isPending && <RekeyProgress />}
          {rekey.isError && (
            <>
              <Alert color="red" role="alert" title="Re-encrypting did not finish">
                {errorMessage(rekey.error)} Your new recovery key works; the old one no longer opens this computer’s key file.
              </Alert>
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  Close
                </Button>
                <Button onClick={() => rekey.mutate()}>Try again</Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
