// A contact with a person: a session held, planned, missed or cancelled.
import { z } from 'zod';
import { attendance, contactMode, contactTopic, contactType } from './codes';
import { isRealIsoDate, todayIso } from './dates';
import { clockTime, id, isoDate, optionalText } from './fields';

const contactFields = {
  contactOn: isoDate('Enter the date of the contact.'),
  startTime: clockTime,
  minutes: z
    .number({ error: 'Enter the length in minutes.' })
    .int({ error: 'Enter whole minutes.' })
    .min(1, { error: 'Enter at least 1 minute.' })
    .max(600, { error: 'A contact is at most 600 minutes (10 hours).' })
    .optional()
    .nullable()
    .transform((v) => v ?? null),
  mode: contactMode.schema,
  type: contactType.schema,
  /** Null while the contact is planned and has not happened yet. */
  attendance: attendance.schema.nullable(),
  topics: z.array(contactTopic.schema).max(contactTopic.codes.length).optional().default([]).transform((t) => [...new Set(t)]),
  /** Private to the caseload: never exported. */
  note: optionalText(5000),
};

function checkContact(v: { contactOn: string; attendance: string | null }, ctx: z.RefinementCtx) {
  if (isRealIsoDate(v.contactOn) && v.contactOn > todayIso() && v.attendance !== null) {
    ctx.addIssue({ code: 'custom', path: ['attendance'], message: 'A contact in the future can only be planned: leave attendance blank until it happens.' });
  }
}

export const newContactSchema = z.object({ episodeId: id, ...contactFields }).superRefine(checkContact);
export type NewContactInput = z.input<typeof newContactSchema>;
export const updateContactSchema = z.object({ id, ...contactFields }).superRefine(checkContact);

export interface Contact {
  id: number;
  episodeId: number;
  contactOn: string;
  startTime: string | null;
  minutes: number | null;
  mode: string;
  type: string;
  attendance: string | null;
  topics: string[];
  note: string | null;
  createdAt: string;
  createdByName: string;
  updatedAt: string;
}
