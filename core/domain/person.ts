// A person on the caseload, as the worker enters them. The same schema checks the form in the
// renderer and the input in the main process (the renderer is never trusted).
import { z } from 'zod';
import { isRealIsoDate, todayIso } from './dates';
import { nhsNumberProblem, normaliseNhsNumber } from './nhsNumber';

const isoDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine(isRealIsoDate, { error: 'Enter a real date, as DD/MM/YYYY.' });

export const newPersonSchema = z
  .object({
    preferredName: z
      .string({ error: 'Enter the name the person likes to be called.' })
      .trim()
      .min(1, { error: 'Enter the name the person likes to be called.' })
      .max(100, { error: 'Keep the name to 100 characters or fewer.' }),
    nhsNumber: z
      .string()
      .trim()
      .max(20, { error: 'An NHS Number has 10 digits.' })
      .optional()
      .nullable()
      .transform((v) => (v ? normaliseNhsNumber(v) : null)),
    dateOfBirth: isoDate('Enter the date of birth.'),
    referralReceivedOn: isoDate('Enter the date the referral was received.'),
  })
  .superRefine((v, ctx) => {
    const problem = v.nhsNumber ? nhsNumberProblem(v.nhsNumber) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['nhsNumber'], message: problem });
    const today = todayIso();
    let birthOk = isRealIsoDate(v.dateOfBirth);
    if (birthOk && v.dateOfBirth > today) {
      ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'The date of birth cannot be in the future.' });
      birthOk = false;
    } else if (birthOk && v.dateOfBirth < '1900-01-01') {
      ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'Check the year of birth: it is before 1900.' });
      birthOk = false;
    }
    if (isRealIsoDate(v.referralReceivedOn)) {
      if (v.referralReceivedOn > today)
        ctx.addIssue({ code: 'custom', path: ['referralReceivedOn'], message: 'The referral date cannot be in the future.' });
      // Compared only with a birth date that is itself right, so one mistake gives one message.
      else if (birthOk && v.referralReceivedOn < v.dateOfBirth)
        ctx.addIssue({ code: 'custom', path: ['referralReceivedOn'], message: 'The referral date cannot be before the date of birth.' });
    }
  });

export type NewPersonInput = z.input<typeof newPersonSchema>;
export type NewPerson = z.output<typeof newPersonSchema>;

/** One row of the caseload list. */
export interface PersonSummary {
  id: number;
  caseId: string;
  preferredName: string;
  nhsNumber: string | null;
  dateOfBirth: string;
  referralReceivedOn: string | null;
}

export const PEOPLE_PAGE_MAX = 500;

export const peopleListSchema = z
  .object({
    /** Case ID, name, or NHS Number (spaces allowed); blank lists everyone. */
    query: z.string().max(100).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(PEOPLE_PAGE_MAX).default(100),
  })
  .strict();

/** One page of the caseload and how many match in all, for a virtualised list. */
export interface PeoplePage {
  rows: PersonSummary[];
  total: number;
}
