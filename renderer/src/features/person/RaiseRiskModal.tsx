// Raising a risk flag: it shows on the person's header until resolved.
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { todayIso } from '../../../../core/domain/dates';
import { raiseRiskSchema } from '../../../../core/domain/risk';
import { call } from '../../shared/api';
import { DateField } from '../../shared/DateField';
import { FormFailure } from '../../shared/FormFailure';
import { EscalationFields } from './EscalationFields';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';

interface Values {
  raisedOn: string | null;
  description: string;
  actionTaken: string;
  escalated: boolean;
  escalatedOn: string | null;
}

export function RaiseRiskModal({ onClose, personId, episodeId }: { onClose: () => void; personId: number; episodeId: number | null }) {
  const toInput = (v: Values) => ({
    personId,
    episodeId,
    raisedOn: v.raisedOn ?? '',
    description: v.description,
    actionTaken: v.actionTaken,
    escalated: v.escalated,
    escalatedOn: v.escalated ? v.escalatedOn : null,
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { raisedOn: todayIso(), description: '', actionTaken: '', escalated: false, escalatedOn: null },
    validate: (v) => schemaResolver(raiseRiskSchema, { sync: true })(toInput(v)),
  });
  const save = useSaveRecord(personId, (v: Values) => call('risks.raise', toInput(v)), { success: 'Risk flag raised', form, onSaved: onClose });
  return (
    <Modal opened onClose={onClose} title="Raise a risk" size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)} noValidate>
        <Stack>
          <Textarea label="What is the risk?" required autosize minRows={2} data-autofocus {...form.getInputProps('description')} />
          <DateField label="Date identified" required {...form.getInputProps('raisedOn')} />
          <Textarea label="Action taken (optional)" autosize minRows={2} {...form.getInputProps('actionTaken')} />
          <EscalationFields form={form} />
          <FormFailure error={save.error} fields={Object.keys(form.values)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Raise risk
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
