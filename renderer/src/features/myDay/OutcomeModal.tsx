// Records what happened at a planned contact: attended, did not attend or cancelled, with the
// length, topics and a private note. The rest of the contact (date, time, type) is kept as it
// was planned, so the whole contact is read first and sent back with only these changed.
import { Alert, Button, Chip, Fieldset, Group, Loader, Modal, NumberInput, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { attendance, contactMode, contactTopic } from '../../../../core/domain/codes';
import type { Contact } from '../../../../core/domain/contact';
import { updateContactSchema } from '../../../../core/domain/contact';
import { displayDate } from '../../../../core/domain/dates';
import type { PlannedContact } from '../../../../core/domain/myDay';
import type { MethodInput } from '../../../../core/api/contract';
import { call, errorMessage } from '../../shared/api';
import { CodeSelect } from '../../shared/CodeSelect';
import { useSaveRecord } from '../../shared/useSaveRecord';
import { callQuery } from '../../shared/queryKeys';
import { FormFailure } from '../../shared/FormFailure';

type Attendance = (typeof attendance.codes)[number];
type Mode = (typeof contactMode.codes)[number];
type Topic = (typeof contactTopic.codes)[number];
type Values = { attendance: Attendance; minutes: number | string; mode: Mode; topics: Topic[]; note: string };

export function OutcomeModal({ planned, onClose }: { planned: PlannedContact; onClose: () => void }) {
  const record = useQuery(callQuery('people.get', { id: planned.personId }));
  const contact = record.data?.episodes.flatMap((e) => e.contacts).find((c) => c.id === planned.contactId);
  const when = `${displayDate(planned.contactOn)}${planned.startTime ? ` at ${planned.startTime}` : ''}`;
  return (
    <Modal opened onClose={onClose} title="Log the outcome" size="lg">
      <Text size="sm" mb="md">
        {planned.preferredName} ({planned.caseId}), planned for {when}
      </Text>
      {record.isPending && <Loader aria-label="Loading the contact" />}
      {record.isError && <Alert color="red" role="alert">{errorMessage(record.error)}</Alert>}
      {record.data && !contact && <Alert color="red" role="alert">This contact is no longer on the person’s record. It may have been changed elsewhere.</Alert>}
      {contact && <OutcomeForm personId={planned.personId} contact={contact} onDone={onClose} />}
    </Modal>
  );
}

function OutcomeForm({ personId, contact, onDone }: { personId: number; contact: Contact; onDone: () => void }) {
  const toInput = (v: Values): MethodInput<'contacts.update'> => ({
    id: contact.id,
    contactOn: contact.contactOn,
    startTime: contact.startTime,
    type: contact.type as MethodInput<'contacts.update'>['type'],
    mode: v.mode,
    attendance: v.attendance,
    minutes: typeof v.minutes === 'number' ? v.minutes : null,
    topics: v.attendance === 'attended' ? v.topics : [],
    note: v.note,
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { attendance: 'attended', minutes: contact.minutes ?? '', mode: contact.mode as Mode, topics: contact.topics as Topic[], note: contact.note ?? '' },
    validate: (v) => schemaResolver(updateContactSchema, { sync: true })(toInput(v)),
  });
  // A recorded contact changes My day, the caseload's last contact and any open record.
  const save = useSaveRecord(personId, (v: Values) => call('contacts.update', toInput(v)), { success: attendance.label(form.values.attendance), successTitle: 'Outcome saved', form, onSaved: onDone });
  const attended = form.values.attendance === 'attended';
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <Radio.Group label="What happened?" required {...form.getInputProps('attendance')}>
          <SimpleGrid mt={6} cols={2} spacing="xs">
            {attendance.list.map((a) => (
              <Radio key={a.code} value={a.code} label={a.label} data-autofocus={a.code === 'attended' || undefined} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        {attended && (
          <>
            <Group align="flex-start" grow>
              <NumberInput label="Length in minutes" min={1} max={600} clampBehavior="none" allowDecimal={false} allowNegative={false} {...form.getInputProps('minutes')} />
              <CodeSelect label="How it was held" codes={contactMode} required {...form.getInputProps('mode')} />
            </Group>
            <Fieldset legend="Topics talked about" variant="unstyled">
              <Chip.Group multiple {...form.getInputProps('topics')}>
                <Group gap={6}>
                  {contactTopic.list.map((t) => (
                    <Chip key={t.code} value={t.code} size="sm" variant="outline">
                      {t.label}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Fieldset>
          </>
        )}
        <Textarea label="Private note (optional)" description="Kept in the caseload, never exported." autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
        <FormFailure error={save.error} fields={Object.keys(form.values)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save outcome
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
