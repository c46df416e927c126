// An episode of support: it starts with a referral and ends with a closure. Contact attempts
// move the referral through received → contact attempted → engaged | declined | not contactable.
import { z } from 'zod';
import { attemptMethod, attemptOutcome, borough, pathway, referralStatus, type ReferralStatus } from './codes';
import { listCode } from './programmeLists';
import { isRealIsoDate, todayIso } from './dates';
import { id, isoDate, optionalLine, optionalText, pastDate, requiredText } from './fields';
import { fixed, input, inputShape, patchSchema, show, type Editable, type RecordOf } from './recordFields';

/** An episode, declared once (see recordFields.ts): the referral a worker enters, then what the app keeps. */
export const episodeFields = {
  referralReceivedOn: input(isoDate('Enter the date the referral was received.'), show.date('Referral received on')),
  referralSource: input(listCode, show.listCode('Referred by', 'referral_source')),
  pathway: input(pathway.schema, show.code('Pathway', pathway)),
  referrerOrganisation: input(optionalLine(120), show.text('Referring organisation')),
  referralReasons: input(optionalText(2000), show.long('Reasons for referral')),
  /** Re-engaging in care after being lost to follow-up (always true on the re-engagement pathway). */
  reEngaging: input(z.boolean().optional().default(false), show.yesNo('Re-engaging in care')),
  /** A fact of the episode, worked out from the diagnosis month when the referral is recorded. */
  // Not known, never "No", while the person has no diagnosis month (newlyDiagnosedKnown, below).
  newlyDiagnosed: fixed<boolean>((v, record, ctx) => show.yesNo('Newly diagnosed')(newlyDiagnosedKnown(v, ctx.diagnosisMonth), record, ctx)),
  /** The person's borough when the referral was recorded: the return counts referrals by it. */
  boroughAtReferral: fixed<string | null>(show.code('Borough at referral', borough)),
  referralStatus: fixed<string>(show.code('Referral status', referralStatus)),
  /** First attended contact or first attempt where the person was reached. */
  firstContactOn: fixed<string | null>(show.date('First contact on')),
  open: fixed<boolean>(show.text('Support', (open: boolean) => (open ? 'Open' : 'Closed'))),
  createdAt: fixed<string>(show.stamp('Referral recorded')),
  createdByName: fixed<string>(show.text('Referral recorded by')),
};

/** The referral's fields, for zod. */
export const referralFields = inputShape(episodeFields);
export type Referral = Editable<typeof episodeFields>;
/** The referral's own rule, on a whole referral. */
export const checkReferral = (v: { referralReceivedOn: string }, ctx: z.RefinementCtx) => checkReferralDates(v, ctx, null, 'referralReceivedOn');

export function checkReferralDates(v: { referralReceivedOn: string }, ctx: z.RefinementCtx, dateOfBirth: string | null, path: string): void {
  if (!isRealIsoDate(v.referralReceivedOn)) return;
  if (v.referralReceivedOn > todayIso()) ctx.addIssue({ code: 'custom', path: [path], message: 'The referral date cannot be in the future.' });
  else if (dateOfBirth && v.referralReceivedOn < dateOfBirth)
    ctx.addIssue({ code: 'custom', path: [path], message: 'The referral date cannot be before the date of birth.' });
}

/** A new referral for someone already on the caseload (a new episode). */
export const newEpisodeSchema = z
  .object({ personId: id, ...referralFields })
  .superRefine(checkReferral);

/** A change to the referral: only the fields sent. */
export const updateReferralSchema = patchSchema(episodeFields, { episodeId: id }, checkReferral);
export type ReferralPatch = Omit<z.output<typeof updateReferralSchema>, 'episodeId'>;

export const attemptFields = {
  attemptedOn: input(pastDate('Enter the date of the attempt.', 'An attempt cannot be in the future.'), show.date('Date')),
  method: input(attemptMethod.schema, show.code('How', attemptMethod)),
  outcome: input(attemptOutcome.schema, show.code('Outcome', attemptOutcome)),
  note: input(optionalText(1000), show.long('Note')),
  createdByName: fixed<string>(show.text('Recorded by')),
};

export const contactAttemptSchema = z.object({ episodeId: id, ...inputShape(attemptFields) });

/** The worker may set the outcome of a referral directly, e.g. not contactable after attempts. */
export const setReferralStatusSchema = z.object({
  episodeId: id,
  status: referralStatus.schema,
});

export const closureFields = {
  closedOn: input(pastDate('Enter the date support ended.', 'The closure date cannot be in the future.'), show.date('Closed on')),
  reason: input(listCode, show.listCode('Reason', 'closure_reason')),
  summary: input(optionalText(5000), show.long('Summary')),
  createdByName: fixed<string>(show.text('Closed by')),
  reopenedAt: fixed<string | null>(show.stamp('Reopened')),
  reopenedByName: fixed<string | null>(show.text('Reopened by')),
  reopenReason: fixed<string | null>(show.long('Reason for reopening')),
};

export const closeEpisodeSchema = z.object({ episodeId: id, ...inputShape(closureFields) });

export const reopenEpisodeSchema = z.object({
  episodeId: id,
  reason: requiredText(1000, 'Say why the episode is being reopened.'),
});

/** What an attempt's outcome means for the referral's status, if anything. */
export function statusAfterAttempt(current: ReferralStatus, outcome: string): ReferralStatus {
  if (outcome === 'spoke_engaged') return 'engaged';
  if (outcome === 'spoke_declined') return 'declined';
  if (current === 'received') return 'contact_attempted';
  return current;
}

/** Newly diagnosed: diagnosed within `months` months before the referral (a setting, default 12). */
export function isNewlyDiagnosed(diagnosisMonth: string | null, referralReceivedOn: string, months: number): boolean {
  if (!diagnosisMonth) return false;
  const [ry, rm] = referralReceivedOn.split('-').map(Number);
  const [dy, dm] = diagnosisMonth.split('-').map(Number);
  const gap = (ry - dy) * 12 + (rm - dm);
  return gap >= 0 && gap <= months;
}

/**
 * Newly diagnosed as shown and exported: not known (null) while no diagnosis month is recorded.
 * The stored fact is false then, which the figures rightly do not count as newly diagnosed; shown
 * as "No", it would hide that the month is missing and the person may belong in the figure.
 */
export function newlyDiagnosedKnown(newlyDiagnosed: boolean, diagnosisMonth: string | null): boolean | null {
  return diagnosisMonth ? newlyDiagnosed : null;
}

export interface ContactAttempt extends RecordOf<typeof attemptFields> {
  id: number;
  episodeId: number;
  createdAt: string;
}

export interface Closure extends RecordOf<typeof closureFields> {
  id: number;
  createdAt: string;
}
