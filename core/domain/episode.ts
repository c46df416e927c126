// An episode of support: it starts with a referral and ends with a closure. Contact attempts
// move the referral through received → contact attempted → engaged | declined | not contactable.
import { z } from 'zod';
import { attemptMethod, attemptOutcome, closureReason, pathway, referralSource, referralStatus, type ReferralStatus } from './codes';
import { isRealIsoDate, todayIso } from './dates';
import { id, isoDate, optionalLine, optionalText, pastDate, requiredText } from './fields';

export const referralFields = {
  referralReceivedOn: isoDate('Enter the date the referral was received.'),
  referralSource: referralSource.schema,
  pathway: pathway.schema,
  referrerOrganisation: optionalLine(120),
  referralReasons: optionalText(2000),
  /** Re-engaging in care after being lost to follow-up (always true on the re-engagement pathway). */
  reEngaging: z.boolean().optional().default(false),
};

export function checkReferralDates(v: { referralReceivedOn: string }, ctx: z.RefinementCtx, dateOfBirth: string | null, path: string): void {
  if (!isRealIsoDate(v.referralReceivedOn)) return;
  if (v.referralReceivedOn > todayIso()) ctx.addIssue({ code: 'custom', path: [path], message: 'The referral date cannot be in the future.' });
  else if (dateOfBirth && v.referralReceivedOn < dateOfBirth)
    ctx.addIssue({ code: 'custom', path: [path], message: 'The referral date cannot be before the date of birth.' });
}

/** A new referral for someone already on the caseload (a new episode). */
export const newEpisodeSchema = z
  .object({ personId: id, ...referralFields })
  .superRefine((v, ctx) => checkReferralDates(v, ctx, null, 'referralReceivedOn'));

export const updateReferralSchema = z
  .object({ episodeId: id, ...referralFields })
  .superRefine((v, ctx) => checkReferralDates(v, ctx, null, 'referralReceivedOn'));

export const contactAttemptSchema = z.object({
  episodeId: id,
  attemptedOn: pastDate('Enter the date of the attempt.', 'An attempt cannot be in the future.'),
  method: attemptMethod.schema,
  outcome: attemptOutcome.schema,
  note: optionalText(1000),
});

/** The worker may set the outcome of a referral directly, e.g. not contactable after attempts. */
export const setReferralStatusSchema = z.object({
  episodeId: id,
  status: referralStatus.schema,
});

export const closeEpisodeSchema = z.object({
  episodeId: id,
  closedOn: pastDate('Enter the date support ended.', 'The closure date cannot be in the future.'),
  reason: closureReason.schema,
  summary: optionalText(5000),
});

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

export interface ContactAttempt {
  id: number;
  episodeId: number;
  attemptedOn: string;
  method: string;
  outcome: string;
  note: string | null;
  createdAt: string;
  createdByName: string;
}

export interface Closure {
  id: number;
  closedOn: string;
  reason: string;
  summary: string | null;
  createdAt: string;
  createdByName: string;
  reopenedAt: string | null;
  reopenedByName: string | null;
  reopenReason: string | null;
}
