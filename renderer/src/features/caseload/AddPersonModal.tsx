// Adding a person referred to the worker, with their first referral. Before saving, the app looks
// for someone already on the caseload with the same NHS Number, or the same name and date of
// birth, and lets the worker open that record instead. The form keeps everything typed when the
// app refuses it.
import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { newPersonSchema, type LikelyDuplicate, type NewPersonInput } from '../../../../core/domain/person';
import { ApiFailure, call } from '../../shared/api';
import { refresh, setAnswer } from '../../shared/queryKeys';
import { useNavigation } from '../../shared/navigation';
import { notifySuccess } from '../../shared/notify';
import { DateField } from '../../shared/DateField';
import { DuplicateWarning } from './DuplicateWarning';
import { FormFailure } from '../../shared/FormFailure';
import { MonthField, monthToIso } from '../../shared/MonthField';
import { emptyReferral, REFERRAL_FIELDS, referralChoiceErrors, ReferralFields, referralInput, type ReferralValues } from '../../shared/ReferralFields';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';
import { ErrorSummary } from '../../shared/ErrorSummary';

type Values = ReferralValues & { preferredName: string; nhsNumber: string; dateOfBirth: string | null; diagnosisMonth: string };

const FIELDS = ['preferredName', 'nhsNumber', 'dateOfBirth', 'diagnosisMonth', ...REFERRAL_FIELDS];

export function AddPersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add a person" size="lg">
      <AddPersonForm onClose={onClose} />
    </Modal>
  );
}

function AddPersonForm({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const { go } = useNavigation();
  const [duplicates, setDuplicates] = useState<LikelyDuplicate[] | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { preferredName: '', nhsNumber: '', dateOfBirth: null, diagnosisMonth: '', ...emptyReferral() },
    validate: (v) => ({ ...schemaResolver(newPersonSchema, { sync: true })(toInput(v)), ...referralChoiceErrors(v) }),
    // A changed name, number or birth date needs a fresh look for duplicates.
    onValuesChange: () => setDuplicates(null),
  });

  const create = useMutation({
    mutationFn: ({ values, allowDuplicate }: { values: Values; allowDuplicate: boolean }) => call('people.create', { ...toInput(values), allowDuplicate }),
    onSuccess: (person) => {
      setAnswer(queryClient, 'people.get', { id: person.id }, person);
      refresh(queryClient, 'people.list', 'myDay');
      notifySuccess(`Case ID ${person.caseId}`, 'Added to your caseload');
      onClose();
      go({ name: 'person', personId: person.id });
    },
    onError: (e, { values }) => {
      if (!(e instanceof ApiFailure)) return;
      if (e.error.fields) form.setErrors(e.error.fields);
      // Someone matching was added since the check (or the check was skipped): show who.
      if (e.error.code === 'CONFLICT') void findDuplicates(values).then(setDuplicates);
    },
  });

  const check = useMutation({
    mutationFn: findDuplicates,
    onSuccess: (found, values) => {
      if (found.length > 0) setDuplicates(found);
      else create.mutate({ values, allowDuplicate: false });
    },
  });

  const openExisting = (personId: number) => {
    onClose();
    go({ name: 'person', personId });
  };

  return (
    <form onSubmit={form.onSubmit((v) => check.mutate(v), focusFirstInvalid)} noValidate>
      <ErrorSummary errors={form.errors} />
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Preferred name" description="The name they like to be called" required data-autofocus {...form.getInputProps('preferredName')} />
          <TextInput label="NHS Number (optional)" description="10 digits; spaces are fine" autoComplete="off" {...form.getInputProps('nhsNumber')} />
          <DateField label="Date of birth" description="As DD/MM/YYYY" required {...form.getInputProps('dateOfBirth')} />
          <MonthField label="HIV diagnosis (optional)" description="Month and year, as MM/YYYY" {...form.getInputProps('diagnosisMonth')} />
        </SimpleGrid>
        <ReferralFields form={form} />
        <FormFailure error={check.error ?? (duplicates ? null : create.error)} fields={FIELDS} />
        {duplicates && duplicates.length > 0 ? (
          <DuplicateWarning
            duplicates={duplicates}
            onOpen={openExisting}
            onAddAnyway={() => create.mutate({ values: form.getValues(), allowDuplicate: true })}
            onCancel={onClose}
            adding={create.isPending}
          />
        ) : (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={check.isPending || create.isPending}>
              Add person
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function findDuplicates(v: Values): Promise<LikelyDuplicate[]> {
  return call('people.findDuplicates', { nhsNumber: v.nhsNumber.trim() || null, preferredName: v.preferredName.trim(), dateOfBirth: v.dateOfBirth });
}

function toInput(v: Values): NewPersonInput {
  return {
    preferredName: v.preferredName,
    nhsNumber: v.nhsNumber.trim() || null,
    dateOfBirth: v.dateOfBirth ?? '',
    diagnosisMonth: monthToIso(v.diagnosisMonth),
    ...referralInput(v),
  };
}
