// Reviewing a goal with the person: where it stands now, and when to look again if still open.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { goalStatus } from '../../../../core/domain/codes';
import { todayIso } from '../../../../core/domain/dates';
import { reviewGoalSchema, type Goal } from '../../../../core/domain/goal';
import { call } from '../../shared/api';
import { CodeRadios } from '../../shared/CodeRadios';
import { DateField } from '../../shared/DateField';
import { FormFailure } from '../../shared/FormFailure';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';

interface Values {
  reviewedOn: string | null;
  status: string;
  note: string;
  nextReviewBy: string | null;
}

export function ReviewGoalModal({ onClose, personId, goal }: { onClose: () => void; personId: number; goal: Goal }) {
  const toInput = (v: Values) => ({
    goalId: goal.id,
    reviewedOn: v.reviewedOn ?? '',
    status: v.status as (typeof goalStatus.codes)[number],
    note: v.note,
    nextReviewBy: v.status === 'open' ? v.nextReviewBy : null,
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { reviewedOn: todayIso(), status: goal.status, note: '', nextReviewBy: null },
    validate: (v) => schemaResolver(reviewGoalSchema, { sync: true })(toInput(v)),
  });
  const save = useSaveRecord(personId, (v: Values) => call('goals.review', toInput(v)), { success: 'Goal reviewed', form, onSaved: onClose });
  return (
    <Modal opened onClose={onClose} title="Review a goal" size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)} noValidate>
        <Stack>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <strong>Goal:</strong> {goal.description}
          </Text>
          <DateField label="Date of review" required data-autofocus {...form.getInputProps('reviewedOn')} />
          <CodeRadios codes={goalStatus} label="Status now" required {...form.getInputProps('status')} />
          <Textarea label="Review note (optional)" autosize minRows={2} {...form.getInputProps('note')} />
          {form.values.status === 'open' && <DateField label="Next review by (optional)" clearable {...form.getInputProps('nextReviewBy')} />}
          <FormFailure error={save.error} fields={Object.keys(form.values)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save review
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
