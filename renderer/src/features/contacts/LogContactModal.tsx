// Log a contact in a few keystrokes: today, 1-to-1, in clinic, attended are already chosen, so
// Enter saves a typical session. Also edits a contact, and is opened from My day with just the
// person and episode: <LogContactModal opened onClose personId episodeId />.
import { Button, Chip, Group, Input, Modal, NumberInput, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { schemaResolver, useForm } from '@mantine/form';
import { useId } from 'react';
import { attendance, contactMode, contactTopic, contactType } from '../../../../core/domain/codes';
import { newContactSchema, type Contact } from '../../../../core/domain/contact';
import { todayIso } from '../../../../core/domain/dates';
import type { PersonRecord } from '../../../../core/domain/record';
import { call } from '../../shared/api';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { CodeRadios } from '../../shared/CodeRadios';
import { DateField } from '../../shared/DateField';
import { FormFailure } from '../../shared/FormFailure';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';

/** Attendance is null while a contact is only planned; the radio group needs a value for that. */
const PLANNED = 'planned';

interface Values {
  contactOn: string | null;
  startTime: string;
  minutes: number | string;
  mode: string;
  type: string;
  attendance: string;
  topics: string[];
  note: string;
}

export interface LogContactModalProps {
  opened: boolean;
  onClose: () => void;
  personId: number;
  episodeId: number;
  /** Given to edit an existing contact instead of logging a new one. */
  contact?: Contact;
  onSaved?: (record: PersonRecord) => void;
}

export function LogContactModal({ opened, onClose, contact, ...rest }: LogContactModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={contact ? 'Edit contact' : 'Log a contact'} size="xl">
      <ContactForm onClose={onClose} contact={contact} {...rest} />
    </Modal>
  );
}

function initialValues(contact: Contact | undefined): Values {
  if (!contact) return { contactOn: todayIso(), startTime: '', minutes: '', mode: 'in_clinic', type: 'one_to_one', attendance: 'attended', topics: [], note: '' };
  return {
    contactOn: contact.contactOn,
    startTime: contact.startTime ?? '',
    minutes: contact.minutes ?? '',
    mode: contact.mode,
    type: contact.type,
    attendance: contact.attendance ?? PLANNED,
    topics: contact.topics,
    note: contact.note ?? '',
  };
}

function toInput(v: Values, episodeId: number) {
  return {
    episodeId,
    contactOn: v.contactOn ?? '',
    startTime: v.startTime,
    minutes: v.minutes === '' ? null : Number(v.minutes),
    mode: v.mode as (typeof contactMode.codes)[number],
    type: v.type as (typeof contactType.codes)[number],
    attendance: v.attendance === PLANNED ? null : (v.attendance as (typeof attendance.codes)[number]),
    topics: v.topics as (typeof contactTopic.codes)[number][],
    note: v.note,
  };
}

function ContactForm({ onClose, personId, episodeId, contact, onSaved }: Omit<LogContactModalProps, 'opened'>) {
  const topicsId = useId();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initialValues(contact),
    validate: (v) => schemaResolver(newContactSchema, { sync: true })(toInput(v, episodeId)),
    onValuesChange: (v, previous) => {
      // A date in the future can only be a planned contact: say so by choosing it, unless the
      // worker has picked an attendance themselves.
      if (v.contactOn !== previous.contactOn && !form.isTouched('attendance')) {
        const future = (v.contactOn ?? '') > todayIso();
        if (future && v.attendance === 'attended') form.setFieldValue('attendance', PLANNED);
        if (!future && v.attendance === PLANNED && !contact) form.setFieldValue('attendance', 'attended');
      }
    },
  });
  const save = useSaveRecord(
    personId,
    ({ id, ...input }: ReturnType<typeof toInput> & { id?: number }) => {
      if (id === undefined) return call('contacts.create', input);
      const { episodeId: _episode, ...fields } = input;
      return call('contacts.update', { id, ...fields });
    },
    {
      success: contact ? 'Contact updated' : 'Contact logged',
      form,
      onSaved: (record) => {
        onClose();
        onSaved?.(record);
      },
    },
  );
  const submit = form.onSubmit((v) => save.mutate({ ...toInput(v, episodeId), id: contact?.id }), focusFirstInvalid);
  const topicsError = form.errors.topics;
  return (
    <form onSubmit={submit} noValidate>
      {/* Tighter than other forms: it should fit a clinic laptop's screen without scrolling. */}
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label="Date" required data-autofocus {...form.getInputProps('contactOn')} />
          <TimeInput label="Start time (optional)" {...form.getInputProps('startTime')} />
          <NumberInput label="Minutes (optional)" allowDecimal={false} allowNegative={false} clampBehavior="none" hideControls {...form.getInputProps('minutes')} />
        </SimpleGrid>
        <CodeRadios codes={contactType} label="Type" required {...form.getInputProps('type')} />
        <CodeRadios codes={contactMode} label="Mode" required {...form.getInputProps('mode')} />
        <CodeRadios codes={attendance} extra={[{ code: PLANNED, label: 'Planned: not happened yet' }]} label="Attendance" required {...form.getInputProps('attendance')} />
        <Input.Wrapper id={topicsId} label="Topics" description="Choose any that came up. Space toggles a topic." labelElement="div" error={topicsError}>
          <Group gap="xs" mt={6} role="group" aria-labelledby={`${topicsId}-label`} aria-describedby={`${topicsId}-description`}>
            <Chip.Group multiple value={form.values.topics} onChange={(v) => form.setFieldValue('topics', v)}>
              {contactTopic.list.map((t) => (
                <Chip key={t.code} value={t.code} size="sm">
                  {t.label}
                </Chip>
              ))}
            </Chip.Group>
          </Group>
        </Input.Wrapper>
        <Textarea
          label="Private note (optional)"
          description="Stays in this caseload and is never exported. Ctrl+Enter saves."
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('note')}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <FormFailure error={save.error} fields={Object.keys(form.values)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {contact ? 'Save changes' : 'Log contact'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
