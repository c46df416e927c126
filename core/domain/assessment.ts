// Recording an outcome assessment and the clinic's engagement figures.
import { z } from 'zod';
import { id, optionalIsoDate, optionalText, pastDate } from './fields';
import { INSTRUMENT_IDS } from './instruments/definitions';
import type { Band, InstrumentId } from './instruments/types';
import type { InstrumentOutcome, TalkingTherapiesOutcome } from './instruments/outcome';
import type { DueAssessment } from './instruments/schedule';
import { codeSet } from './codeSet';

export const assessmentMethod = codeSet([
  ['self_completed', 'Self-completed'],
  ['read_aloud', 'Read aloud'],
  ['phone', 'By phone'],
] as const);

export const instrumentSchema = z.enum(INSTRUMENT_IDS as [InstrumentId, ...InstrumentId[]], { error: 'Choose an instrument.' });

export const recordAssessmentSchema = z.object({
  episodeId: id,
  instrument: instrumentSchema,
  completedOn: pastDate('Enter the date it was completed.', 'An assessment cannot be in the future.'),
  method: assessmentMethod.schema,
  /** Item id → answer; null or absent for an item left unanswered. */
  responses: z.record(z.string().max(20), z.number().int().min(0).max(10).nullable()),
  /** Set after the worker has seen the "too soon to repeat" warning and chosen to go on. */
  allowEarly: z.boolean().optional().default(false),
  /** A follow-up 6–12 months after the episode closed (sustained change): only on a closed episode. */
  afterClosure: z.boolean().optional().default(false),
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

export const engagementReviewSchema = z
  .object({
    episodeId: id,
    reviewedOn: pastDate('Enter the date of the review.', 'A review cannot be in the future.'),
    /** As told by the clinic. */
    viralLoadUndetectable: z.boolean().nullable().optional().transform((v) => v ?? null),
    viralLoadOn: optionalIsoDate,
    adherence: z.union([adherence.schema, z.null()]).optional().transform((v) => v ?? null),
    appointmentsKept: count,
    appointmentsMissed: count,
    /** For re-engagement referrals: back in care. */
    reengagedInCare: z.boolean().nullable().optional().transform((v) => v ?? null),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.viralLoadUndetectable !== null && !v.viralLoadOn) ctx.addIssue({ code: 'custom', path: ['viralLoadOn'], message: 'Enter the date of the viral load result.' });
    if (v.viralLoadOn && v.viralLoadOn > v.reviewedOn) ctx.addIssue({ code: 'custom', path: ['viralLoadOn'], message: 'The result cannot be after the review.' });
  });
export type EngagementReviewInput = z.input<typeof engagementReviewSchema>;

export interface Assessment {
  id: number;
  episodeId: number;
  instrument: InstrumentId;
  completedOn: string;
  method: string;
  responses: Record<string, number | null>;
  scores: Record<string, number>;
  bands: Record<string, Band | undefined>;
  prorated: boolean;
  risk: boolean;
  scoringVersion: number;
  /** Recorded 6–12 months after the episode closed: sustained change, not part of support. */
  afterClosure: boolean;
  createdByName: string;
}

export interface EngagementReview {
  id: number;
  episodeId: number;
  reviewedOn: string;
  viralLoadUndetectable: boolean | null;
  viralLoadOn: string | null;
  adherence: string | null;
  appointmentsKept: number | null;
  appointmentsMissed: number | null;
  reengagedInCare: boolean | null;
  note: string | null;
  createdByName: string;
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
