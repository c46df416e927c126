// Changing one's own passphrase: the current one to prove it is you, then the new one twice.
// Only this member's sign-in changes; colleagues and the recovery key are untouched.
import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { changePassphraseSchema, type ChangePassphraseInput } from '../../../../core/domain/members';
import { ApiFailure, call } from '../../shared/api';
import { PassphraseField } from '../../shared/PassphraseField';
import { notifySuccess } from '../../shared/notify';
import { confirmedPassphrase } from '../../shared/confirmedPassphrase';
import { FormFailure } from '../../shared/FormFailure';
import { closableUnless } from '../../shared/closableUnless';

export function ChangePassphraseModal({ onClose }: { onClose: () => void }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { current: '', next: '', confirm: '' },
    validate: confirmedPassphrase(changePassphraseSchema, 'next'),
  });
  const change = useMutation({
    mutationFn: (v: ChangePassphraseInput) => call('session.changePassphrase', v),
    onSuccess: () => {
      notifySuccess('Use your new passphrase next time you sign in.', 'Passphrase changed');
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) form.setErrors(e.error.fields);
    },
  });
  return (
    <Modal opened onClose={onClose} title="Change my passphrase" {...closableUnless(change.isPending)}>
      <form onSubmit={form.onSubmit(({ confirm: _c, ...v }) => change.mutate(v))} noValidate>
        <Stack>
          <PasswordInput label="Current passphrase" required autoComplete="current-password" data-autofocus {...form.getInputProps('current')} />
          <PassphraseField id="next-passphrase" label="New passphrase" required autoComplete="new-password" {...form.getInputProps('next')} />
          <TextInput type="password" label="Type the new passphrase again" required autoComplete="new-password" {...form.getInputProps('confirm')} />
          <FormFailure error={change.error} fields={Object.keys(form.values)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={change.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending}>
              Change passphrase
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
