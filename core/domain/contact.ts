// A contact with a person: a session held, planned, missed or cancelled.
import { z } from 'zod';
import { attendance, contactTopic } from './codes';
import { listCode } from './programmeLists';
import { isRealIsoDate, todayIso } from './dates';
import { clockTime, id, isoDate, optionalText } from './fields';
import { fixed, input, inputShape, patchSchema, show, type Editable, type RecordOf } from './recordFields';

/** A contact, declared once (see recordFields.ts). */
export const contactFields = {
  contactOn: input(isoDate('Enter the date of the contact.'), show.date('Date')),
  startTime: input(clockTime, show.text('Start time')),
  minutes: input(
    z
      .number({ error: 'Enter the length in minutes.' })
      .int({ error: 'Enter whole minutes.' })
      .min(1, { error: 'Enter at least 1 minute.' })
      .max(600, { error: 'A contact is at most 600 minutes (10 hours).' })
      .optional()
      .nullable()
      .transform((v) => v ?? null),
    show.text('Minutes'),
  ),
  type: input(listCode, show.listCode('Kind of contact', 'contact_type')),
  mode: input(listCode, show.listCode('How', 'contact_mode')),
  /** Null while the contact is planned and has not happened yet. */
  attendance: input(attendance.schema.nullable(), show.text('Attendance', (v: string | null) => (v ? attendance.label(v) : 'Planned'))),
  topics: input(
    z
      .array(contactTopic.schema)
      .max(contactTopic.codes.length)
      .transform((t) => [...new Set(t)])
      .optional()
      .default([]),
    show.codes('Topics', contactTopic),
  ),
  /** Private to the caseload: never exported. */
  note: input(optionalText(5000), show.long('Note')),
  createdByName: fixed<string>(show.text('Recorded by')),
  createdAt: fixed<string>(show.stamp('Recorded')),
  updatedAt: fixed<string>(show.stamp('Last changed')),
};

export function checkContact(v: { contactOn: string; attendance: string | null }, ctx: z.RefinementCtx) {
  if (isRealIsoDate(v.contactOn) && v.contactOn > todayIso() && v.attendance !== null) {
    ctx.addIssue({ code: 'custom', path: ['attendance'], message: 'A contact in the future can only be planned: leave attendance blank until it happens.' });
  }
}

export const newContactSchema = z.object({ episodeId: id, ...inputShape(contactFields) }).superRefine(checkContact);
export type NewContactInput = z.input<typeof newContactSchema>;
/** A change to a contact: only the fields sent. */
export const updateContactSchema = patchSchema(contactFields, { id }, checkContact);
export type ContactPatch = Omit<z.output<typeof updateContactSchema>, 'id'>;
export type ContactDetails = Editable<typeof contactFields>;

export interface Contact extends RecordOf<typeof contactFields> {
  id: number;
  episodeId: number;
}
