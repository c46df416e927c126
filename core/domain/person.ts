// A person on the caseload, as the worker enters them. The same schemas check the form in the
// renderer and the input in the main process (the renderer is never trusted).
import { z } from 'zod';
import { borough, contactChannel, ethnicCategory, genderIdentity, sexualOrientation } from './codes';
import { isRealIsoDate, todayIso } from './dates';
import { HIDDEN_CHARACTER_MESSAGE, id, isoDate, optionalLine, optionalText, visibleLine, yearMonth } from './fields';
import { formatNhsNumber, nhsNumberProblem, normaliseNhsNumber } from './nhsNumber';
import { fixed, input, inputShape, patchSchema, show, type Editable } from './recordFields';
import { referralFields, checkReferralDates } from './episode';

const optionalCode = <T extends z.ZodType>(schema: T) =>
  z
    .union([schema, z.literal(''), z.null()], { error: 'Choose one of the options.' })
    .optional()
    .transform((v) => (v ? (v as z.output<T>) : null));

/**
 * A person's details, declared once: the details form's rules, the update patch, the record's
 * types and the "Personal details" of their subject access copy all come from here (see
 * recordFields.ts). A new field goes here, in db/schema.ts, and on the details form and screen.
 */
export const personFields = {
  preferredName: input(
    z
      .string({ error: 'Enter the name the person likes to be called.' })
      .trim()
      .min(1, { error: 'Enter the name the person likes to be called.' })
      .max(100, { error: 'Keep the name to 100 characters or fewer.' })
      .refine(visibleLine, { error: HIDDEN_CHARACTER_MESSAGE })
      // One stored form whatever the keyboard sent: "ë" as one character, not "e" and a combining
      // diaeresis. Matching goes further (nameFolding.ts); what is shown is what was typed.
      .transform((v) => v.normalize('NFC')),
    show.text('Name'),
  ),
  caseId: fixed<string>(show.text('Case ID')),
  nhsNumber: input(
    z
      .string()
      .trim()
      .max(20, { error: 'An NHS Number has 10 digits.' })
      .optional()
      .nullable()
      .transform((v) => (v ? normaliseNhsNumber(v) : null)),
    show.text('NHS Number', (v: string | null) => (v ? formatNhsNumber(v) : null)),
  ),
  /** The clinic's own number: text, so leading zeros survive. */
  hospitalNumber: input(
    optionalText(20).refine((v) => v === null || /^[A-Za-z0-9/-]+$/.test(v), {
      error: 'A hospital number has letters, digits, / or - only.',
    }),
    show.text('Hospital number'),
  ),
  dateOfBirth: input(isoDate('Enter the date of birth.'), show.date('Date of birth')),
  genderIdentity: input(optionalCode(genderIdentity.schema), show.code('Gender identity', genderIdentity)),
  sexualOrientation: input(optionalCode(sexualOrientation.schema), show.code('Sexual orientation', sexualOrientation)),
  ethnicCategory: input(optionalCode(ethnicCategory.schema), show.code('Ethnic category', ethnicCategory)),
  borough: input(optionalCode(borough.schema), show.code('Borough', borough)),
  firstLanguage: input(optionalLine(60), show.text('First language')),
  interpreterNeeded: input(z.boolean().optional().default(false), show.yesNo('Interpreter needed')),
  phone: input(
    optionalText(30).refine((v) => v === null || /^[0-9 +()-]{6,30}$/.test(v), { error: 'Enter a phone number using digits, spaces and +.' }),
    show.text('Phone'),
  ),
  email: input(
    optionalLine(120).refine((v) => v === null || /^[^\s@\p{Cf}]+@[^\s@\p{Cf}]+\.[^\s@\p{Cf}]+$/u.test(v), { error: 'Enter an email address like name@example.org.' }),
    show.text('Email'),
  ),
  /** Channels the person has agreed we may use. */
  contactConsent: input(
    z
      .array(contactChannel.schema)
      .max(4)
      .transform((v) => [...new Set(v)])
      .optional()
      .default([]),
    show.codes('Agreed ways to contact you', contactChannel),
  ),
  safeToLeaveMessage: input(z.boolean().optional().default(false), show.yesNo('Safe to leave a message')),
  /** HIV diagnosis, as month and year (CCYY-MM). */
  diagnosisMonth: input(yearMonth, show.month('HIV diagnosis (month)')),
  clinicSiteId: input(
    id.optional().nullable().transform((v) => v ?? null),
    show.text('Clinic site', (_v: number | null, r: SiteOfRecord) => (r.siteName ? `${r.siteName}${r.siteOdsCode ? ` (${r.siteOdsCode})` : ''}` : null)),
  ),
  createdAt: fixed<string>(show.stamp('Record created')),
  createdByName: fixed<string>(show.text('Record created by')),
  updatedAt: fixed<string>(show.stamp('Details last changed')),
};

/** The site's name and ODS code, which the record carries beside the site's id. */
interface SiteOfRecord {
  siteName: string | null;
  siteOdsCode: string | null;
}

/** The details form's fields, for zod: what a new person is created with, and what an update may change. */
export const personDetailsFields = inputShape(personFields);

type DetailsOut = { nhsNumber: string | null; dateOfBirth: string; diagnosisMonth: string | null; phone: string | null; email: string | null; contactConsent: string[] };

export function checkPersonDetails(v: DetailsOut, ctx: z.RefinementCtx): boolean {
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
  if (v.diagnosisMonth) {
    if (v.diagnosisMonth > today.slice(0, 7)) ctx.addIssue({ code: 'custom', path: ['diagnosisMonth'], message: 'The diagnosis cannot be in the future.' });
    else if (birthOk && v.diagnosisMonth < v.dateOfBirth.slice(0, 7))
      ctx.addIssue({ code: 'custom', path: ['diagnosisMonth'], message: 'The diagnosis cannot be before the date of birth.' });
  }
  if (v.contactConsent.includes('phone') && !v.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Add the phone number they agreed we may call.' });
  if (v.contactConsent.includes('sms') && !v.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Add the number they agreed we may text.' });
  if (v.contactConsent.includes('email') && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Add the email address they agreed we may use.' });
  return birthOk;
}

/** A new person arrives with their first referral: both are recorded together. */
export const newPersonSchema = z
  .object({
    ...personDetailsFields,
    ...referralFields,
    /** Set after the worker has seen the likely-duplicate warning and chosen to go on. */
    allowDuplicate: z.boolean().optional().default(false),
  })
  .superRefine((v, ctx) => {
    const birthOk = checkPersonDetails(v, ctx);
    checkReferralDates(v, ctx, birthOk ? v.dateOfBirth : null, 'referralReceivedOn');
  });
export type NewPersonInput = z.input<typeof newPersonSchema>;
export type NewPerson = z.output<typeof newPersonSchema>;

/** An update: the person's id and the details that changed; a detail not sent is left as it is. */
export const updatePersonSchema = patchSchema(personFields, { id }, checkPersonDetails);
export type UpdatePersonInput = z.input<typeof updatePersonSchema>;
export type PersonPatch = Omit<z.output<typeof updatePersonSchema>, 'id'>;
/** The person's details as stored. */
export type PersonDetails = Editable<typeof personFields>;

export const duplicateCheckSchema = z.object({
  nhsNumber: z.string().trim().max(20).optional().nullable(),
  preferredName: z.string().trim().max(100),
  dateOfBirth: z.string().trim().max(10).optional().nullable(),
  /** Leave this person out (when editing them). */
  excludeId: id.optional(),
});

export interface LikelyDuplicate {
  id: number;
  caseId: string;
  preferredName: string;
  dateOfBirth: string;
  reason: 'nhs_number' | 'name_and_birth';
}

/** One row of the caseload list. */
export interface PersonSummary {
  id: number;
  caseId: string;
  preferredName: string;
  nhsNumber: string | null;
  hospitalNumber: string | null;
  dateOfBirth: string;
  /** The latest episode's referral. */
  referralReceivedOn: string | null;
  referralStatus: string | null;
  pathway: string | null;
  episodeOpen: boolean;
  lastContactOn: string | null;
  siteName: string | null;
  openRisk: boolean;
}

export const PEOPLE_PAGE_MAX = 500;
export const PEOPLE_SORTS = ['recent', 'name', 'caseId', 'referred', 'waitingLongest', 'lastContact'] as const;

export const peopleListSchema = z
  .object({
    /** Case ID, name, hospital number, or NHS Number (spaces allowed); blank lists everyone. */
    query: z.string().max(100).optional(),
    status: z.enum(['open', 'closed', 'all']).optional().default('all'),
    referralStatus: z.string().max(40).optional(),
    pathway: z.string().max(40).optional(),
    siteId: z.number().int().positive().optional(),
    /** Only referrals still waiting for a first contact. */
    waiting: z.boolean().optional().default(false),
    /** Only open episodes with no contact for longer than the inactivity setting. */
    inactive: z.boolean().optional().default(false),
    /** Only records past the retention setting: no open episode, care ended long enough ago. */
    pastRetention: z.boolean().optional().default(false),
    sort: z.enum(PEOPLE_SORTS).optional().default('recent'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(PEOPLE_PAGE_MAX).default(100),
  })
  .strict();
export type PeopleListInput = z.input<typeof peopleListSchema>;
export type PeopleListQuery = z.output<typeof peopleListSchema>;

/** One page of the caseload and how many match in all, for a virtualised list. */
export interface PeoplePage {
  rows: PersonSummary[];
  total: number;
}
