// The one contact form, wherever a contact is logged: from the person's record (a new contact, or
// an edit) and from My day (the outcome of a planned one). Same fields, same labels, same checks.
// Today, 1-to-1, in clinic, attended are already chosen, so Enter saves a typical session.
import { Button, Chip, Group, Input, NumberInput, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useEffect, useId, useRef } from 'react';
import { attendance, contactTopic } from '../../../../core/domain/codes';
import { useProgrammeList } from '../../shared/useProgrammeLists';
import { newContactSchema, type Contact } from '../../../../core/domain/contact';
import { todayIso } from '../../../../core/domain/dates';
import type { PersonRecord } from '../../../../core/domain/record';
import { readTypedTime } from '../../../../core/domain/typedTime';
import { call } from '../../shared/api';
import { CodeRadios } from '../../shared/CodeRadios';
import { DateField } from '../../shared/DateField';
import { DialogFooter } from '../../shared/DialogFooter';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { focusFirstInvalid } from '../../shared/focusFirstInvalid';
import { FormFailure } from '../../shared/FormFailure';
import { TimeField } from '../../shared/TimeField';
import { useSaveRecord } from '../../shared/useSaveRecord';

/** Attendance is null while a contact is only planned; the radio group needs a value for that. */
const PLANNED = 'planned';

/** A new contact, a correction to one, or what happened at a planned one. */
export type ContactPurpose = 'log' | 'edit' | 'outcome';

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

export interface ContactFormProps {
  personId: number;
  episodeId: number;
  purpose: ContactPurpose;
  /** The contact being edited, or the planned one whose outcome is logged. */
  contact?: Contact;
  onDone: () => void;
  onSaved?: (record: PersonRecord) => void;
}

const SUBMIT: Record<ContactPurpose, string> = { log: 'Log contact', edit: 'Save changes', outcome: 'Save outcome' };

function initialValues(contact: Contact | undefined, purpose: ContactPurpose): Values {
  if (!contact) return { contactOn: todayIso(), startTime: '', minutes: '', mode: 'in_clinic', type: 'one_to_one', attendance: 'attended', topics: [], note: '' };
  return {
    contactOn: contact.contactOn,
    startTime: contact.startTime ?? '',
    minutes: contact.minutes ?? '',
    mode: contact.mode,
    type: contact.type,
    // Logging an outcome is saying it happened: start from "Attended", one arrow key from the rest.
    attendance: contact.attendance ?? (purpose === 'outcome' ? 'attended' : PLANNED),
    topics: contact.topics,
    note: contact.note ?? '',
  };
}

/** A new contact starts on the usual type and mode, or the first offered where the coordinator retired those. */
function withOffered(v: Values, types: { code: string }[], modes: { code: string }[]): Values {
  const pick = (value: string, offered: { code: string }[]) => (offered.some((o) => o.code === value) ? value : (offered[0]?.code ?? value));
  return { ...v, type: pick(v.type, types), mode: pick(v.mode, modes) };
}

function toInput(v: Values, episodeId: number) {
  const time = readTypedTime(v.startTime);
  return {
    episodeId,
    contactOn: v.contactOn ?? '',
    // A time that does not read is sent as typed only to be refused: it is never dropped.
    startTime: time.ok ? time.time : v.startTime,
    minutes: v.minutes === '' ? null : Number(v.minutes),
    mode: v.mode ?? '',
    type: v.type ?? '',
    attendance: v.attendance === PLANNED ? null : (v.attendance as (typeof attendance.codes)[number]),
    topics: v.topics as (typeof contactTopic.codes)[number][],
    note: v.note,
  };
}

function validate(v: Values, episodeId: number) {
  const errors = schemaResolver(newContactSchema, { sync: true })(toInput(v, episodeId));
  const time = readTypedTime(v.startTime);
  return time.ok ? errors : { ...errors, startTime: time.message };
}

export function ContactForm({ personId, episodeId, purpose, contact, onDone, onSaved }: ContactFormProps) {
  const types = useProgrammeList('contact_type');
  const modes = useProgrammeList('contact_mode');
  const topicsId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // From My day the form appears only once the contact has been read, after the dialog took
    // focus (to its close button): start where the form says, as a dialog that opened with it does.
    if (!formRef.current?.contains(document.activeElement)) formRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: withOffered(initialValues(contact, purpose), types.offered(contact?.type), modes.offered(contact?.mode)),
    validate: (v) => validate(v, episodeId),
    // Said on leaving the field, while the worker still has the time in mind.
    validateInputOnBlur: ['startTime'],
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
      success: purpose === 'outcome' ? attendance.label(form.values.attendance) : purpose === 'edit' ? 'Contact updated' : 'Contact logged',
      successTitle: purpose === 'outcome' ? 'Outcome saved' : undefined,
      form,
      onSaved: (record) => {
        onDone();
        onSaved?.(record);
      },
    },
  );
  const submit = form.onSubmit((v) => save.mutate({ ...toInput(v, episodeId), id: contact?.id }), focusFirstInvalid);
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <ErrorSummary errors={form.errors} />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label="Date" description="DD/MM/YYYY" required data-autofocus={purpose !== 'outcome' || undefined} {...form.getInputProps('contactOn')} />
          <TimeField label="Start time (optional)" {...form.getInputProps('startTime')} />
          <NumberInput label="Length in minutes (optional)" description="Whole minutes, for example 45" allowDecimal={false} allowNegative={false} clampBehavior="none" hideControls {...form.getInputProps('minutes')} />
        </SimpleGrid>
        <CodeRadios
          codes={attendance}
          extra={[{ code: PLANNED, label: 'Planned: not happened yet' }]}
          label="What happened?"
          required
          focusChosen={purpose === 'outcome'}
          {...form.getInputProps('attendance')}
        />
        <CodeRadios codes={types.codes(contact?.type)} label="Type" required {...form.getInputProps('type')} />
        <CodeRadios codes={modes.codes(contact?.mode)} label="How it was held" required {...form.getInputProps('mode')} />
        <Input.Wrapper id={topicsId} label="Topics talked about" description="Choose any that came up. Space toggles a topic." labelElement="div" error={form.errors.topics}>
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
        <DialogFooter>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {SUBMIT[purpose]}
          </Button>
        </DialogFooter>
      </Stack>
    </form>
  );
}
