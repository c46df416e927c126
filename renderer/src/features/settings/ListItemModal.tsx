// Adding an entry to one of the programme's lists, or changing one: its words, the trust's code for
// exports, and whether it is still offered. Its code never changes, so old records keep it.
import { Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ListItem, ProgrammeList } from '../../../../core/domain/programmeLists';
import { ApiFailure, call } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { FormFailure } from '../../shared/FormFailure';
import { notifySuccess } from '../../shared/notify';
import { setAnswer } from '../../shared/queryKeys';

type Values = { label: string; trustCode: string; offered: boolean };

const validate = (v: Values) => ({
  label: v.label.trim() ? null : 'Enter the words people will see.',
  trustCode: v.trustCode.trim().length > 40 ? 'Keep the trust’s code to 40 characters or fewer.' : null,
});

export function ListItemModal({ list, item, onClose }: { list: ProgrammeList; item: ListItem | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: item ? { label: item.label, trustCode: item.trustCode ?? '', offered: !item.retiredAt } : { label: '', trustCode: '', offered: true },
    validate,
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      item
        ? call('lists.change', { list: list.key, code: item.code, label: v.label, trustCode: v.trustCode, retired: !v.offered })
        : call('lists.add', { list: list.key, label: v.label, trustCode: v.trustCode }),
    onSuccess: (all) => {
      setAnswer(queryClient, 'lists.get', {}, all);
      notifySuccess(item ? 'Entry saved' : 'Entry added');
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) form.setErrors(e.error.fields);
    },
  });
  return (
    <Modal opened onClose={onClose} title={item ? `Change “${item.label}”` : `Add a ${list.item}`}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          <ErrorSummary errors={form.errors} />
          <Text size="sm">{list.name}</Text>
          <TextInput label="Words people see" required data-autofocus autoComplete="off" maxLength={80} {...form.getInputProps('label')} />
          <TextInput
            label="Trust’s code (optional)"
            description="Written in exports in place of ours when the export shows codes. Leave blank to use ours."
            autoComplete="off"
            maxLength={40}
            styles={{ wrapper: { maxWidth: 240 } }}
            {...form.getInputProps('trustCode')}
          />
          {item && (
            <>
              <Text size="sm" c="dimmed">
                Code <Text span ff="monospace">{item.code}</Text>: it stays the same when the words change, so records and reports keep their meaning.
              </Text>
              <Checkbox
                label="Offered for new records"
                description="Untick to retire it: it stays on the records that have it but is no longer offered."
                {...form.getInputProps('offered', { type: 'checkbox' })}
              />
            </>
          )}
          <FormFailure error={save.error} fields={Object.keys(form.values)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {item ? 'Save entry' : 'Add entry'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
