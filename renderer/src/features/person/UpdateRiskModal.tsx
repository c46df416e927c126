// Recording what was done about a risk, and whether it went to the clinical team.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { updateRiskSchema, type RiskFlag } from '../../../../core/domain/risk';
import { call } from '../../shared/api';
import { FormFailure } from '../../shared/FormFailure';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { EscalationFields } from './EscalationFields';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';

interface Values {
  actionTaken: string;
  escalated: boolean;
  escalatedOn: string | null;
}

export function UpdateRiskModal({ onClose, personId, flag }: { onClose: () => void; personId: number; flag: RiskFlag }) {
  const toInput = (v: Values) => ({ id: flag.id, actionTaken: v.actionTaken, escalated: v.escalated, escalatedOn: v.escalated ? v.escalatedOn : null });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { actionTaken: flag.actionTaken ?? '', escalated: flag.escalated, escalatedOn: flag.escalatedOn },
    validate: (v) => schemaResolver(updateRiskSchema, { sync: true })(toInput(v)),
  });
  const save = useSaveRecord(personId, (v: Values) => call('risks.update', toInput(v)), { success: 'Risk flag updated', form, onSaved: onClose });
  return (
    <Modal opened onClose={onClose} title="Update a risk" size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)} noValidate>
        <Stack>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <strong>Risk:</strong> {flag.description}
          </Text>
          <Textarea label="Action taken" autosize minRows={3} data-autofocus {...form.getInputProps('actionTaken')} />
          <EscalationFields form={form} />
          <FormFailure error={save.error} fields={Object.keys(form.values)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
