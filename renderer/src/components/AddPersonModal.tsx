// Adding a person referred to the worker. The form keeps everything typed when the app refuses it.
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { todayIso } from '../../../core/domain/dates';
import { newPersonSchema, type NewPersonInput } from '../../../core/domain/person';
import { ApiFailure, call, errorMessage } from '../api';
import { notifySuccess } from '../notify';
import { DateField } from './DateField';

type Values = { preferredName: string; nhsNumber: string; dateOfBirth: string | null; referralReceivedOn: string | null };

export function AddPersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { preferredName: '', nhsNumber: '', dateOfBirth: null, referralReceivedOn: todayIso() },
    validate: (v) => schemaResolver(newPersonSchema, { sync: true })(toInput(v)),
  });
  const create = useMutation({
    mutationFn: (v: Values) => call('people.create', toInput(v)),
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      notifySuccess(`Case ID ${person.caseId}`, 'Added to your caseload');
      form.reset();
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) form.setErrors(e.error.fields);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Add a person" size="md">
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
        <Stack>
          <TextInput label="Preferred name" description="The name they like to be called" required data-autofocus {...form.getInputProps('preferredName')} />
          <TextInput
            label="NHS Number (optional)"
            description="10 digits; spaces are fine"
            inputMode="numeric"
            autoComplete="off"
            {...form.getInputProps('nhsNumber')}
          />
          <DateField label="Date of birth" required maxDate={todayIso()} {...form.getInputProps('dateOfBirth')} />
          <DateField label="Date referred" required maxDate={todayIso()} {...form.getInputProps('referralReceivedOn')} />
          {create.isError && !(create.error instanceof ApiFailure && create.error.error.fields) && (
            <Alert color="red" role="alert">
              {errorMessage(create.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add person
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function toInput(v: Values): NewPersonInput {
  return {
    preferredName: v.preferredName,
    nhsNumber: v.nhsNumber.trim() || null,
    dateOfBirth: v.dateOfBirth ?? '',
    referralReceivedOn: v.referralReceivedOn ?? '',
  };
}
