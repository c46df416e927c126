// One attempt to reach a referred person. "Spoke: wants support" makes the referral engaged and
// counts as first contact; the outcome has no default, so it is always the worker's choice.
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { attemptMethod, attemptOutcome } from '../../../../core/domain/codes';
import { todayIso } from '../../../../core/domain/dates';
import { contactAttemptSchema, type ContactAttempt } from '../../../../core/domain/episode';
import { call } from '../../shared/api';
import { CodeRadios } from '../../shared/CodeRadios';
import { DateField } from '../../shared/DateField';
import { FormFailure } from '../../shared/FormFailure';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';

interface Values {
  attemptedOn: string | null;
  method: string;
  outcome: string;
  note: string;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  personId: number;
  episodeId: number;
  /** Correcting a saved attempt: the form starts from it and saves the correction. */
  editing?: ContactAttempt;
}

export function LogAttemptModal({ opened, onClose, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={rest.editing ? 'Correct a contact attempt' : 'Log a contact attempt'} size="lg">
      <AttemptForm onClose={onClose} {...rest} />
    </Modal>
  );
}

function AttemptForm({ onClose, personId, episodeId, editing }: Omit<Props, 'opened'>) {
  const toInput = (v: Values) => ({
    episodeId,
    attemptedOn: v.attemptedOn ?? '',
    method: v.method as (typeof attemptMethod.codes)[number],
    outcome: v.outcome as (typeof attemptOutcome.codes)[number],
    note: v.note,
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: editing
      ? { attemptedOn: editing.attemptedOn, method: editing.method, outcome: editing.outcome, note: editing.note ?? '' }
      : { attemptedOn: todayIso(), method: 'phone', outcome: '', note: '' },
    validate: (v) => ({ ...schemaResolver(contactAttemptSchema, { sync: true })(toInput(v)), ...(v.outcome ? {} : { outcome: 'Choose what happened.' }) }),
  });
  const save = useSaveRecord(
    personId,
    (v: Values) => {
      const { episodeId: _episode, ...fields } = toInput(v);
      return editing ? call('attempts.update', { id: editing.id, ...fields }) : call('attempts.create', toInput(v));
    },
    { success: editing ? 'Attempt corrected' : 'Attempt logged', form, onSaved: onClose },
  );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)} noValidate>
      <Stack>
        <DateField label="Date" required data-autofocus {...form.getInputProps('attemptedOn')} />
        <CodeRadios codes={attemptMethod} label="Method" required {...form.getInputProps('method')} />
        <CodeRadios codes={attemptOutcome} inline={false} label="Outcome" required {...form.getInputProps('outcome')} />
        <Textarea label="Note (optional)" autosize minRows={2} {...form.getInputProps('note')} />
        <FormFailure error={save.error} fields={Object.keys(form.values)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {editing ? 'Save correction' : 'Log attempt'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
