// Escalation of a risk to the clinical team, with its date once ticked.
import { Checkbox } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { DateField } from '../../shared/DateField';

export function EscalationFields<T extends { escalated: boolean; escalatedOn: string | null }>({ form }: { form: UseFormReturnType<T> }) {
  return (
    <>
      <Checkbox label="Escalated to the clinical team" {...form.getInputProps('escalated', { type: 'checkbox' })} />
      {form.values.escalated && <DateField label="Date escalated" required {...form.getInputProps('escalatedOn')} />}
    </>
  );
}
