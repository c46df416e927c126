// Recording signposting or an onward referral to another service.
import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { signpostingOutcome } from '../../../../core/domain/codes';
import { useProgrammeList } from '../../shared/useProgrammeLists';
import { todayIso } from '../../../../core/domain/dates';
import { newSignpostingSchema } from '../../../../core/domain/signposting';
import { call } from '../../shared/api';
import { CodeSelect } from '../../shared/CodeSelect';
import { DateField } from '../../shared/DateField';
import { FormFailure } from '../../shared/FormFailure';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';

interface Values {
  serviceType: string | null;
  madeOn: string | null;
  organisation: string;
  outcome: string | null;
  note: string;
}

export function SignpostingModal({ onClose, personId, episodeId }: { onClose: () => void; personId: number; episodeId: number }) {
  const categories = useProgrammeList('signposting_category');
  const toInput = (v: Values) => ({
    episodeId,
    serviceType: v.serviceType ?? '',
    madeOn: v.madeOn ?? '',
    organisation: v.organisation,
    outcome: (v.outcome ?? 'pending') as (typeof signpostingOutcome.codes)[number],
    note: v.note,
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { serviceType: null, madeOn: todayIso(), organisation: '', outcome: 'pending', note: '' },
    validate: (v) => ({ ...schemaResolver(newSignpostingSchema, { sync: true })(toInput(v)), ...(v.serviceType ? {} : { serviceType: 'Choose the kind of service.' }) }),
  });
  const save = useSaveRecord(personId, (v: Values) => call('signposting.create', toInput(v)), { success: 'Signposting added', form, onSaved: onClose });
  return (
    <Modal opened onClose={onClose} title="Add signposting" size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CodeSelect codes={categories.codes()} label="Service" placeholder="Choose a service" required data-autofocus {...form.getInputProps('serviceType')} />
            <DateField label="Date" required {...form.getInputProps('madeOn')} />
            <TextInput label="Organisation (optional)" {...form.getInputProps('organisation')} />
            <CodeSelect codes={signpostingOutcome} label="Outcome" required {...form.getInputProps('outcome')} />
          </SimpleGrid>
          <Textarea label="Note (optional)" autosize minRows={2} {...form.getInputProps('note')} />
          <FormFailure error={save.error} fields={Object.keys(form.values)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Add signposting
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
