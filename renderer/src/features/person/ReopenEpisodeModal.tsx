// Reopening a closed episode, with the reason: the closure and the reopening both stay on record.
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { reopenEpisodeSchema } from '../../../../core/domain/episode';
import type { EpisodeView } from '../../../../core/domain/record';
import { call } from '../../shared/api';
import { FormFailure } from '../../shared/FormFailure';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';

interface Props {
  opened: boolean;
  onClose: () => void;
  personId: number;
  episode: EpisodeView;
}

export function ReopenEpisodeModal({ opened, onClose, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Reopen this episode">
      <ReopenForm onClose={onClose} {...rest} />
    </Modal>
  );
}

function ReopenForm({ onClose, personId, episode }: Omit<Props, 'opened'>) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: (v) => schemaResolver(reopenEpisodeSchema, { sync: true })({ episodeId: episode.id, reason: v.reason }),
  });
  const save = useSaveRecord(personId, (v: { reason: string }) => call('episodes.reopen', { episodeId: episode.id, reason: v.reason }), {
    success: 'Episode reopened',
    form,
    onSaved: onClose,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)} noValidate>
      <Stack>
        <Textarea label="Why is it being reopened?" required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
        <FormFailure error={save.error} fields={['reason']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Reopen episode
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
