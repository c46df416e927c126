// What came of signposting: did the person reach the service?
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { signpostingOutcome } from '../../../../core/domain/codes';
import { displayDate } from '../../../../core/domain/dates';
import { updateSignpostingSchema, type Signposting } from '../../../../core/domain/signposting';
import { call } from '../../shared/api';
import { CodeRadios } from '../../shared/CodeRadios';
import { FormFailure } from '../../shared/FormFailure';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';
import { useListLabels } from '../../shared/useProgrammeLists';

interface Values {
  outcome: string;
  note: string;
}

export function SignpostingOutcomeModal({ onClose, personId, signposting: s }: { onClose: () => void; personId: number; signposting: Signposting }) {
  const listLabel = useListLabels();
  const toInput = (v: Values) => ({ id: s.id, outcome: v.outcome as (typeof signpostingOutcome.codes)[number], note: v.note });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { outcome: s.outcome, note: s.note ?? '' },
    validate: (v) => schemaResolver(updateSignpostingSchema, { sync: true })(toInput(v)),
  });
  const save = useSaveRecord(personId, (v: Values) => call('signposting.update', toInput(v)), { success: 'Outcome updated', form, onSaved: onClose });
  return (
    <Modal opened onClose={onClose} title="Update the outcome" size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)} noValidate>
        <Stack>
          <Text size="sm">
            {listLabel('signposting_category', s.serviceType)}
            {s.organisation ? ` (${s.organisation})` : ''}, {displayDate(s.madeOn)}
          </Text>
          <CodeRadios codes={signpostingOutcome} inline={false} label="Outcome" required {...form.getInputProps('outcome')} />
          <Textarea label="Note (optional)" autosize minRows={2} data-autofocus {...form.getInputProps('note')} />
          <FormFailure error={save.error} fields={Object.keys(form.values)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save outcome
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
