// Adding or correcting a goal, in the person's words.
import { Button, Group, Modal, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { goalArea } from '../../../../core/domain/codes';
import { todayIso } from '../../../../core/domain/dates';
import { newGoalSchema, type Goal } from '../../../../core/domain/goal';
import { call } from '../../shared/api';
import { CodeSelect } from '../../shared/CodeSelect';
import { DateField } from '../../shared/DateField';
import { FormFailure } from '../../shared/FormFailure';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';
import { ErrorSummary } from '../../shared/ErrorSummary';

interface Values {
  description: string;
  area: string | null;
  setOn: string | null;
  reviewBy: string | null;
}

interface Props {
  onClose: () => void;
  personId: number;
  episodeId: number;
  goal?: Goal;
}

/** Mounted only while open, so each opening starts from the goal as saved. */
export function GoalModal({ onClose, personId, episodeId, goal }: Props) {
  const toInput = (v: Values) => ({
    episodeId,
    description: v.description,
    area: (v.area ?? '') as (typeof goalArea.codes)[number],
    setOn: v.setOn ?? '',
    reviewBy: v.reviewBy,
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: goal
      ? { description: goal.description, area: goal.area, setOn: goal.setOn, reviewBy: goal.reviewBy }
      : { description: '', area: null, setOn: todayIso(), reviewBy: null },
    validate: (v) => ({ ...schemaResolver(newGoalSchema, { sync: true })(toInput(v)), ...(v.area ? {} : { area: 'Choose the area of life the goal is about.' }) }),
  });
  const save = useSaveRecord(
    personId,
    (v: Values) => {
      const { episodeId: _episode, ...fields } = toInput(v);
      return goal ? call('goals.update', { id: goal.id, ...fields }) : call('goals.create', toInput(v));
    },
    { success: goal ? 'Goal updated' : 'Goal added', form, onSaved: onClose },
  );
  return (
    <Modal opened onClose={onClose} title={goal ? 'Edit goal' : 'Add a goal'} size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)} noValidate>
        <ErrorSummary errors={form.errors} />
        <Stack>
          <Textarea label="Goal" description="In the person’s own words" required autosize minRows={2} data-autofocus {...form.getInputProps('description')} />
          <CodeSelect codes={goalArea} label="Area" placeholder="Choose an area" required {...form.getInputProps('area')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label="Set on" required {...form.getInputProps('setOn')} />
            <DateField label="Review by (optional)" clearable {...form.getInputProps('reviewBy')} />
          </SimpleGrid>
          <FormFailure error={save.error} fields={Object.keys(form.values)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {goal ? 'Save goal' : 'Add goal'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
