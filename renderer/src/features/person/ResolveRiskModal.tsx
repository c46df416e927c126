// Resolving a risk flag takes it off the header; the flag and how it ended stay on the record.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { todayIso } from '../../../../core/domain/dates';
import { resolveRiskSchema, type RiskFlag } from '../../../../core/domain/risk';
import { call } from '../../shared/api';
import { DateField } from '../../shared/DateField';
import { FormFailure } from '../../shared/FormFailure';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';

interface Values {
  resolvedOn: string | null;
  note: string;
}

export function ResolveRiskModal({ personId, flag, onClose }: { personId: number; flag: RiskFlag | null; onClose: () => void }) {
  return (
    <Modal opened={flag !== null} onClose={onClose} title="Resolve a risk">
      {flag && <ResolveForm personId={personId} flag={flag} onClose={onClose} />}
    </Modal>
  );
}

function ResolveForm({ personId, flag, onClose }: { personId: number; flag: RiskFlag; onClose: () => void }) {
  const toInput = (v: Values) => ({ id: flag.id, resolvedOn: v.resolvedOn ?? '', note: v.note });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { resolvedOn: todayIso(), note: '' },
    validate: (v) => schemaResolver(resolveRiskSchema, { sync: true })(toInput(v)),
  });
  const save = useSaveRecord(personId, (v: Values) => call('risks.resolve', toInput(v)), { success: 'Risk resolved', form, onSaved: onClose });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)} noValidate>
      <Stack>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <strong>Risk:</strong> {flag.description}
        </Text>
        <DateField label="Date resolved" required data-autofocus {...form.getInputProps('resolvedOn')} />
        <Textarea label="How it was resolved (optional)" autosize minRows={2} {...form.getInputProps('note')} />
        <FormFailure error={save.error} fields={['resolvedOn', 'note']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Resolve risk
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
