// Unlocking with the recovery key and choosing a new passphrase (loaded on demand: see UnlockScreen).
import { Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { recoverSchema } from '../../../../core/domain/workspace';
import { ApiFailure, call } from '../../shared/api';
import { PassphraseField } from '../../shared/PassphraseField';
import { showUnlocked } from '../../shared/session';
import { showIfDamaged } from '../../shared/session';
import { confirmedPassphrase } from '../../shared/confirmedPassphrase';
import { FormFailure } from '../../shared/FormFailure';
import { RECOVERY_KEY_HINT } from '../../shared/RecoveryKeyCard';

export function RecoveryUnlock({ memberId, onBack }: { memberId: number | null; onBack: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { recoveryKey: '', newPassphrase: '', confirm: '' },
    validate: confirmedPassphrase(recoverSchema, 'newPassphrase'),
  });
  const recover = useMutation({
    // The new passphrase is for the member chosen on the lock screen when they are a coordinator.
    mutationFn: (v: { recoveryKey: string; newPassphrase: string }) => call('session.recover', { ...v, ...(memberId ? { memberId } : {}) }),
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
          description={RECOVERY_KEY_HINT}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          autoFocus
          {...form.getInputProps('recoveryKey')}
        />
        <PassphraseField id="new-passphrase" label="New passphrase" autoComplete="new-password" {...form.getInputProps('newPassphrase')} />
        <TextInput type="password" label="Type the new passphrase again" autoComplete="new-password" {...form.getInputProps('confirm')} />
        <FormFailure error={recover.error} fields={Object.keys(form.values)} />
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
