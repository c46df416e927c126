// Closing an episode when support ends. It becomes read-only until someone reopens it.
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useProgrammeList } from '../../shared/useProgrammeLists';
import { todayIso } from '../../../../core/domain/dates';
import { closeEpisodeSchema } from '../../../../core/domain/episode';
import type { EpisodeView, PersonRecord } from '../../../../core/domain/record';
import { ClosingAssessmentReminder } from '../outcomes';
import { call } from '../../shared/api';
import { CodeRadios } from '../../shared/CodeRadios';
import { DateField } from '../../shared/DateField';
import { FormFailure } from '../../shared/FormFailure';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';

interface Values {
  closedOn: string | null;
  reason: string;
  summary: string;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  personId: number;
  episode: EpisodeView;
  record: PersonRecord;
}

export function CloseEpisodeModal({ opened, onClose, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Close this episode" size="lg">
      <CloseForm onClose={onClose} {...rest} />
    </Modal>
  );
}

function CloseForm({ onClose, personId, episode, record }: Omit<Props, 'opened'>) {
  const reasons = useProgrammeList('closure_reason');
  const toInput = (v: Values) => ({ episodeId: episode.id, closedOn: v.closedOn ?? '', reason: v.reason ?? '', summary: v.summary });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { closedOn: todayIso(), reason: '', summary: '' },
    validate: (v) => ({ ...schemaResolver(closeEpisodeSchema, { sync: true })(toInput(v)), ...(v.reason ? {} : { reason: 'Choose why support ended.' }) }),
  });
  const save = useSaveRecord(personId, (v: Values) => call('episodes.close', toInput(v)), { success: 'Episode closed', form, onSaved: onClose });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)} noValidate>
      <Stack>
        <Text size="sm">Once closed, the episode is read-only. It can be reopened later, and the reopening is recorded.</Text>
        <ClosingAssessmentReminder record={record} episode={episode} today={todayIso()} />
        <DateField label="Date support ended" required data-autofocus {...form.getInputProps('closedOn')} />
        <CodeRadios codes={reasons.codes()} inline={false} label="Reason" required {...form.getInputProps('reason')} />
        <Textarea label="Closing summary (optional)" autosize minRows={3} maxRows={10} {...form.getInputProps('summary')} />
        <FormFailure error={save.error} fields={Object.keys(form.values)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Close episode
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
