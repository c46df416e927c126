// Adding a member: the coordinator types the name and chooses the role; the new member types
// their own passphrase here, at this computer, so nobody else needs to know it.
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { addMemberSchema, type AddMemberInput } from '../../../../core/domain/members';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from '../../../../core/domain/roles';
import { ApiFailure, call } from '../../shared/api';
import { PassphraseField } from '../../shared/PassphraseField';
import { notifySuccess } from '../../shared/notify';
import { setAnswer } from '../../shared/queryKeys';
import { confirmedPassphrase } from '../../shared/confirmedPassphrase';
import { FormFailure } from '../../shared/FormFailure';
import { closableUnless } from '../../shared/closableUnless';

type Values = { name: string; role: Role | ''; passphrase: string; confirm: string };

export function AddMemberModal({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', role: 'peer_worker', passphrase: '', confirm: '' },
    validate: confirmedPassphrase(addMemberSchema, 'passphrase'),
  });
  const add = useMutation({
    mutationFn: (v: AddMemberInput) => call('members.add', v),
    onSuccess: (list, v) => {
      setAnswer(queryClient, 'members.list', {}, list);
      notifySuccess(`${v.name.trim()} can now sign in on this computer with their own passphrase.`, 'Member added');
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) form.setErrors(e.error.fields);
    },
  });
  return (
    <Modal opened onClose={onClose} title="Add a member" size="lg" {...closableUnless(add.isPending)}>
      <form onSubmit={form.onSubmit(({ confirm: _c, role, ...v }) => add.mutate({ ...v, role: role as Role }))} noValidate>
        <Stack>
          <TextInput label="Name" description="As colleagues know them. Shown on the lock screen and on records they make." required data-autofocus autoComplete="off" {...form.getInputProps('name')} />
          <Radio.Group label="Role" required {...form.getInputProps('role')}>
            <Stack gap="xs" mt={6}>
              {ROLES.map((r) => (
                <Radio key={r} value={r} label={ROLE_LABELS[r]} description={ROLE_DESCRIPTIONS[r]} />
              ))}
            </Stack>
          </Radio.Group>
          <Alert color="blue" variant="light" title="Hand over the keyboard">
            <Text size="sm">Ask the new member to type their own passphrase below. Only they should know it: you do not need to.</Text>
          </Alert>
          <PassphraseField id="member-passphrase" label="Their passphrase" required autoComplete="new-password" {...form.getInputProps('passphrase')} />
          <TextInput type="password" label="Type the passphrase again" required autoComplete="new-password" {...form.getInputProps('confirm')} />
          <FormFailure error={add.error} fields={Object.keys(form.values)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={add.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add member
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
