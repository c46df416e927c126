// Creating or editing a group event. What was typed stays when the app refuses it, with the
// reason beside the field.
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../../core/api/contract';
import { todayIso } from '../../../../core/domain/dates';
import { readTypedTime } from '../../../../core/domain/typedTime';
import { newGroupEventSchema, type GroupEvent } from '../../../../core/domain/group';
import { ApiFailure, call } from '../../shared/api';
import { CodeSelect } from '../../shared/CodeSelect';
import { DateField } from '../../shared/DateField';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';
import { TimeField } from '../../shared/TimeField';
import { siteOptions, useSites } from '../../shared/useSites';
import { notifySuccess } from '../../shared/notify';
import { cachedAnswer, refresh, setAnswer } from '../../shared/queryKeys';
import { FormFailure } from '../../shared/FormFailure';
import { useProgrammeList } from '../../shared/useProgrammeLists';

type Values = { type: string | null; mode: string | null; title: string; heldOn: string | null; startTime: string; facilitator: string; siteId: string | null; notes: string };

function toInput(v: Values): MethodInput<'groups.create'> {
  const time = readTypedTime(v.startTime);
  return {
    type: v.type ?? '',
    mode: v.mode,
    title: v.title,
    heldOn: v.heldOn ?? '',
    // A time that does not read is sent as typed only to be refused: it is never dropped.
    startTime: time.ok ? (time.time ?? '') : v.startTime,
    facilitator: v.facilitator,
    siteId: v.siteId ? Number(v.siteId) : null,
    notes: v.notes,
  };
}

interface Props {
  event: GroupEvent | null;
  onClose: () => void;
  onSaved?: (event: GroupEvent) => void;
}

export function EventFormModal({ event, onClose, onSaved }: Props) {
  const queryClient = useQueryClient();
  const sites = useSites();
  const types = useProgrammeList('event_type');
  const modes = useProgrammeList('event_mode');
  // The worker running the event is usually the one signed in.
  const me = cachedAnswer(queryClient, 'workspace.status', {})?.memberName ?? '';
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: event
      ? {
          type: event.type,
          mode: event.mode,
          title: event.title ?? '',
          heldOn: event.heldOn,
          startTime: event.startTime ?? '',
          facilitator: event.facilitator,
          siteId: event.siteId ? String(event.siteId) : null,
          notes: event.notes ?? '',
        }
      : { type: null, mode: null, title: '', heldOn: todayIso(), startTime: '', facilitator: me, siteId: null, notes: '' },
    validate: (v) => {
      const errors = schemaResolver(newGroupEventSchema, { sync: true })(toInput(v));
      const time = readTypedTime(v.startTime);
      return time.ok ? errors : { ...errors, startTime: time.message };
    },
    validateInputOnBlur: ['startTime'],
  });
  const save = useMutation({
    mutationFn: (v: Values) => (event ? call('groups.update', { id: event.id, ...toInput(v) }) : call('groups.create', toInput(v))),
    onSuccess: (saved) => {
      setAnswer(queryClient, 'groups.get', { id: saved.id }, saved);
      refresh(queryClient, 'groups.list');
      notifySuccess(event ? 'Event saved' : 'Event added');
      onClose();
      onSaved?.(saved);
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) form.setErrors(e.error.fields);
    },
  });
  return (
    <Modal opened onClose={onClose} title={event ? 'Edit event' : 'New group or workshop'} size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)} noValidate>
        <ErrorSummary errors={form.errors} />
        <Stack>
          <CodeSelect label="Type of event" codes={types.codes(event?.type)} required data-autofocus {...form.getInputProps('type')} />
          <CodeSelect label="How it is held (optional)" codes={modes.codes(event?.mode)} placeholder="Choose online or in person" clearable {...form.getInputProps('mode')} />
          <TextInput label="Title (optional)" description="For example “Living well with HIV, week 2”" autoComplete="off" {...form.getInputProps('title')} />
          <Group grow align="flex-start">
            <DateField label="Date" description="DD/MM/YYYY" required {...form.getInputProps('heldOn')} />
            {/* The contact form's time field: one tab stop, 24-hour clock, nothing typed dropped. */}
            <TimeField label="Start time (optional)" {...form.getInputProps('startTime')} />
          </Group>
          <TextInput label="Facilitator" required autoComplete="off" {...form.getInputProps('facilitator')} />
          <Select
            label="Clinic site (optional)"
            data={siteOptions(sites.data, form.values.siteId ? Number(form.values.siteId) : null)}
            placeholder={sites.data?.length === 0 ? 'No sites yet: add them in Settings' : 'Choose a site'}
            clearable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('siteId')}
          />
          <Textarea label="Notes (optional)" description="Room, what to bring, who is co-facilitating" autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
          <FormFailure error={save.error} fields={Object.keys(form.values)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {event ? 'Save event' : 'Add event'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
