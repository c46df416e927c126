// Recording an outcome assessment and the clinic's engagement figures.
import { z } from 'zod';
import { id, optionalIsoDate, optionalText, pastDate } from './fields';
import { INSTRUMENT_IDS, INSTRUMENTS } from './instruments/definitions';
import type { Band, InstrumentId } from './instruments/types';
import type { InstrumentOutcome, TalkingTherapiesOutcome } from './instruments/outcome';
import type { DueAssessment } from './instruments/schedule';
import { codeSet } from './codeSet';
import { fixed, input, inputShape, show, type CopyField, type Editable, type RecordOf } from './recordFields';

export const assessmentMethod = codeSet([
  ['self_completed', 'Self-completed'],
  ['read_aloud', 'Read aloud'],
  ['phone', 'By phone'],
] as const);

export const instrumentSchema = z.enum(INSTRUMENT_IDS as [InstrumentId, ...InstrumentId[]], { error: 'Choose an instrument.' });

const definition = (instrument: string) => INSTRUMENTS[instrument as InstrumentId];

/** An assessment, declared once (see recordFields.ts): the answers as given, the scores derived. */
export const assessmentFields = {
  instrument: input(instrumentSchema, show.text('Questionnaire', (v: string) => definition(v).name)),
  completedOn: input(pastDate('Enter the date it was completed.', 'An assessment cannot be in the future.'), show.date('Completed on')),
  method: input(assessmentMethod.schema, show.code('How it was completed', assessmentMethod)),
  /** Score id → value, with its band where the score has bands. */
  scores: fixed<Record<string, number>, { instrument: string; bands: Record<string, Band | undefined> }>((scores, a): CopyField[] =>
    definition(a.instrument)
      .scores.filter((s) => scores[s.id] !== undefined)
      .map((s) => ({ label: s.label, value: `${scores[s.id]}${a.bands[s.id] ? ` (${a.bands[s.id]!.label})` : ''}`, kind: 'text' })),
  ),
  prorated: fixed<boolean>(show.yesNo('Score pro-rated for a missed answer')),
  /** A follow-up 6–12 months after the episode closed (sustained change): only on a closed episode. */
  afterClosure: input(z.boolean().optional().default(false), show.yesNo('A follow-up after support ended')),
  /** Item id → answer; null or absent for an item left unanswered. */
  responses: input(z.record(z.string().max(20), z.number().int().min(0).max(10).nullable()), (responses, a: { instrument: string }): CopyField[] => {
    const def = definition(a.instrument);
    return def.items.map((item, k) => {
      const answer = responses[item.id];
      const option = (item.options ?? def.options).find((o) => o.value === answer);
      // Licensed wording is shown only where the licence allows it: the number is enough here.
      const question = def.licence.requiresConfirmation || !item.text ? `Question ${k + 1}` : `Question ${k + 1}: ${item.text}`;
      const value = answer === null || answer === undefined ? 'Not answered' : option && option.label !== String(answer) ? `${answer} (${option.label})` : String(answer);
      return { label: question, value, kind: 'text' };
    });
  }),
  createdByName: fixed<string>(show.text('Recorded by')),
};

export const recordAssessmentSchema = z.object({
  episodeId: id,
  ...inputShape(assessmentFields),
  /** Set after the worker has seen the "too soon to repeat" warning and chosen to go on. */
  allowEarly: z.boolean().optional().default(false),
});
export type RecordAssessmentInput = z.input<typeof recordAssessmentSchema>;

export const adherence = codeSet([
  ['all_doses', 'Taking all doses'],
  ['missed_few', 'Missed a few doses'],
  ['missed_many', 'Missed many doses'],
  ['stopped', 'Stopped treatment'],
  ['not_started', 'Not on treatment yet'],
] as const);

const count = z.number({ error: 'Enter a number.' }).int({ error: 'Enter a whole number.' }).min(0, { error: 'Cannot be negative.' }).max(99).optional().nullable().transform((v) => v ?? null);

/** An engagement review, declared once (see recordFields.ts). */
export const engagementFields = {
  reviewedOn: input(pastDate('Enter the date of the review.', 'A review cannot be in the future.'), show.date('Reviewed on')),
  /** As told by the clinic. */
  viralLoadUndetectable: input(z.boolean().nullable().optional().transform((v) => v ?? null), show.yesNo('Viral load undetectable')),
  viralLoadOn: input(optionalIsoDate, show.date('Viral load result date')),
  adherence: input(z.union([adherence.schema, z.null()]).optional().transform((v) => v ?? null), show.code('Taking treatment', adherence)),
  appointmentsKept: input(count, show.text('Clinic appointments kept')),
  appointmentsMissed: input(count, show.text('Clinic appointments missed')),
  /** For re-engagement referrals: back in care. */
  reengagedInCare: input(z.boolean().nullable().optional().transform((v) => v ?? null), show.yesNo('Back in care')),
  note: input(optionalText(2000), show.long('Note')),
  createdByName: fixed<string>(show.text('Recorded by')),
};

/** A review's own rule across its fields: checked on recording, and on the whole review when one is edited. */
export function checkEngagement(v: Pick<Editable<typeof engagementFields>, 'viralLoadUndetectable' | 'viralLoadOn' | 'reviewedOn'>, ctx: z.RefinementCtx): void {
  if (v.viralLoadUndetectable !== null && !v.viralLoadOn) ctx.addIssue({ code: 'custom', path: ['viralLoadOn'], message: 'Enter the date of the viral load result.' });
  if (v.viralLoadOn && v.viralLoadOn > v.reviewedOn) ctx.addIssue({ code: 'custom', path: ['viralLoadOn'], message: 'The result cannot be after the review.' });
}

export const engagementReviewSchema = z.object({ episodeId: id, ...inputShape(engagementFields) }).superRefine(checkEngagement);
export type EngagementReviewInput = z.input<typeof engagementReviewSchema>;

export interface Assessment extends Omit<RecordOf<typeof assessmentFields>, 'instrument'> {
  id: number;
  episodeId: number;
  instrument: InstrumentId;
  bands: Record<string, Band | undefined>;
  risk: boolean;
  scoringVersion: number;
}

export interface EngagementReview extends RecordOf<typeof engagementFields> {
  id: number;
  episodeId: number;
}

export interface EngagementChange {
  first: EngagementReview;
  latest: EngagementReview | null;
  viralLoad: 'became_undetectable' | 'stayed_undetectable' | 'became_detectable' | 'stayed_detectable' | 'unknown';
  adherenceImproved: boolean | null;
  /** Share of clinic appointments missed, first review against latest. */
  missedShareBefore: number | null;
  missedShareAfter: number | null;
}

export interface EpisodeOutcomes {
  assessments: Assessment[];
  /** During support: each instrument's baseline against its latest follow-up before closure. */
  outcomes: InstrumentOutcome[];
  /** After closure: each instrument's baseline against its latest follow-up 6–12 months on. */
  sustained: InstrumentOutcome[];
  /** When a follow-up after closure may be recorded (closed episodes only). */
  postClosureWindow: { from: string; to: string } | null;
  talkingTherapies: TalkingTherapiesOutcome | null;
  due: DueAssessment[];
  engagement: EngagementReview[];
  engagementChange: EngagementChange | null;
}
