// Putting mistakes right: editing a saved record, removing one, marking one "entered in error",
// merging two records of the same person, and deleting a person added by mistake.
//
// Removal and "entered in error" differ on purpose, as an IG lead would expect:
// - removal deletes a record that should never have existed (a contact logged twice); the audit
//   log says what kind of record, which id and its date, never its words;
// - "entered in error" keeps the record whole, with who marked it, when and why, out of every
//   figure, list and export, shown struck through on the person's record and included, marked,
//   in their subject access copy. It is the only way to correct a closed episode.
import { z } from 'zod';
import { assessmentFields, checkEngagement, engagementFields } from './assessment';
import { attemptMethod, attemptOutcome, attendance, contactMode, contactType, pathway, serviceType } from './codes';
import { INSTRUMENTS } from './instruments/definitions';
import type { InstrumentId } from './instruments/types';
import { attemptFields } from './episode';
import { id, requiredText } from './fields';
import { patchSchema, someFields } from './recordFields';
import type { InstrumentDefinition } from './instruments/types';
import { scoreAssessment, type Responses, type ScoreResult } from './instruments/scoring';

/** Records that may be marked "entered in error", with their words for the person screen. */
export const CORRECTABLE_KINDS = ['referral', 'attempt', 'contact', 'assessment', 'engagement', 'goal', 'signposting', 'risk'] as const;
export type CorrectableKind = (typeof CORRECTABLE_KINDS)[number];

export const KIND_LABELS: Record<CorrectableKind, string> = {
  referral: 'Referral (with everything recorded in it)',
  attempt: 'Contact attempt',
  contact: 'Contact',
  assessment: 'Assessment',
  engagement: 'Engagement review',
  goal: 'Goal',
  signposting: 'Signposting',
  risk: 'Risk flag',
};

export const markEnteredInErrorSchema = z
  .object({
    kind: z.enum(CORRECTABLE_KINDS, { error: 'Choose which kind of record.' }),
    id,
    reason: requiredText(500, 'Say why this record was entered in error.'),
  })
  .strict();
export type MarkEnteredInErrorInput = z.output<typeof markEnteredInErrorSchema>;

export const removeRecordSchema = z.object({ id }).strict();

/** Editing a saved assessment: its date, how it was done, its answers. The instrument stays. */
export const updateAssessmentSchema = patchSchema(someFields(assessmentFields, ['completedOn', 'method', 'responses']), { id });
export type AssessmentPatch = Omit<z.output<typeof updateAssessmentSchema>, 'id'>;

export const updateAttemptSchema = patchSchema(attemptFields, { id });
export type AttemptPatch = Omit<z.output<typeof updateAttemptSchema>, 'id'>;

export const updateEngagementSchema = patchSchema(engagementFields, { id }, checkEngagement);
export type EngagementPatch = Omit<z.output<typeof updateEngagementSchema>, 'id'>;

export const mergePeopleSchema = z
  .object({
    /** The record kept. */
    survivorId: id,
    /** The record whose episodes, risks and groups move to the survivor; then it goes. */
    duplicateId: id,
  })
  .strict()
  .refine((v) => v.survivorId !== v.duplicateId, { error: 'Choose two different records.', path: ['duplicateId'] });

export const deletePersonSchema = z.object({ id }).strict();

/** A record marked "entered in error", as the person screen and the copy show it. */
export interface EnteredInErrorView {
  id: number;
  kind: CorrectableKind;
  recordId: number;
  episodeId: number | null;
  /** The record's own date. */
  recordedOn: string;
  /** What it was, in a line: "Contact, face to face: Attended". */
  summary: string;
  /** The record's own note as it was (a contact's note, a referral's reasons), for the person and their copy. */
  note: string | null;
  /** For a referral: how many records recorded in it were kept with it. */
  recordsWithIt: number;
  reason: string;
  markedAt: string;
  markedByName: string;
}

/**
 * An assessment's answers changed: everything derived is worked out again with the instrument's
 * own scoring (as recording it does), and whether the change newly answers the risk item above
 * its threshold (PHQ-9 item 9), which raises a risk flag as recording it would.
 */
export function rescore(def: InstrumentDefinition, before: Responses, after: Responses): ScoreResult & { newlyAtRisk?: boolean; responses?: Record<string, number | null> } {
  // Only the instrument's own items are kept, as when recording.
  const responses = Object.fromEntries(def.items.map((i) => [i.id, after[i.id] ?? null]));
  const scored = scoreAssessment(def, responses);
  if (!scored.ok) return scored;
  const wasAtRisk = def.riskItem ? (before[def.riskItem.item] ?? 0) > def.riskItem.above : false;
  return { ...scored, responses, newlyAtRisk: scored.value.risk && !wasAtRisk };
}

/** Why a person cannot be deleted, in plain words, or null when nothing is recorded about them. */
export function deleteRefusal(recorded: { episodes: number; activity: number; risks: number; groups: number; enteredInError: number }): string | null {
  if (recorded.episodes > 1 || recorded.activity > 0 || recorded.risks > 0 || recorded.groups > 0 || recorded.enteredInError > 0)
    return 'Something has been recorded for this person since they were added, so their record cannot be deleted. Mark the wrong records as entered in error, or merge this record into the right person’s.';
  return null;
}

/** A record marked in error in a line, from the row as it was kept (the person screen's words). */
export function summaryOf(kind: CorrectableKind, row: Record<string, unknown>): string {
  const t = (k: string) => String(row[k] ?? '');
  switch (kind) {
    case 'referral':
      return `Referral received: ${pathway.label(t('pathway'))}`;
    case 'attempt':
      return `Contact attempt (${attemptMethod.label(t('method')).toLowerCase()}): ${attemptOutcome.label(t('outcome'))}`;
    case 'contact':
      return `${contactType.label(t('type'))}, ${contactMode.label(t('mode')).toLowerCase()}: ${row.attendance ? attendance.label(t('attendance')) : 'Planned'}`;
    case 'assessment': {
      const def = INSTRUMENTS[t('instrument') as InstrumentId];
      return def ? `${def.shortName}: ${String(row.primaryScore ?? '')}` : 'Assessment';
    }
    case 'engagement':
      return 'Engagement with care reviewed';
    case 'goal':
      return `Goal set: ${t('description')}`;
    case 'signposting':
      return `Signposted to ${serviceType.label(t('serviceType')).toLowerCase()}`;
    case 'risk':
      return `Risk flag raised: ${t('description')}`;
  }
}

/** The free text a kept record held, by the column each kind keeps it in. */
export function noteOf(kind: CorrectableKind, row: Record<string, unknown>): string | null {
  const column = kind === 'referral' ? 'referralReasons' : kind === 'risk' ? 'actionTaken' : kind === 'goal' ? null : 'note';
  const v = column ? row[column] : null;
  return typeof v === 'string' && v !== '' ? v : null;
}
