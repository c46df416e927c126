// The monthly return's true counts, before anything is published: what the queries give and the
// suppression works on. On their own so the suppression's files need not import the return's.
import type { DevelopmentFigures } from '../development';
import type { MeanChange } from '../stats/meanChange';

/** One breakdown of a measure: true counts, or (`Published`) as they may be published. */
export interface CountGroup<N = number> {
  measure: string;
  breakdown: string;
  /** Categories that add up to the total (unless `overlapping`). */
  categories: { category: string; count: N }[];
  total: N;
  /** One record may fall in several categories (a person with two support types): they need not add up. */
  overlapping?: boolean;
}

export interface ReturnInputs {
  groups: CountGroup[];
  /** Attended and not-attended contacts, for the DNA rate. */
  attended: number;
  dna: number;
  /** Attended contacts and people supported, for the average. */
  peopleSupported: number;
  newlyDiagnosedOffered: number;
  newlyDiagnosedEngaged: number;
  /** Per instrument: improved meaningfully, followed up, and baseline only (no follow-up). */
  wellbeing: { instrument: string; improved: number; followedUp: number; noFollowUp: number }[];
  /** Per instrument, in the order of `wellbeing`: the mean change of its followed-up pairs, with its 95% CI. */
  wellbeingChange: ({ instrument: string } & MeanChange)[];
  /** Per instrument: follow-ups after closure in the period, paired with the baseline of the support before. */
  sustained: { instrument: string; improved: number; followedUp: number; change: MeanChange }[];
  /** Time to first contact (issue 15): absent from the trend's headline figures. */
  firstContact?: { medianWorkingDays: number | null; targetWorkingDays: number };
  /** The team's training, supervision and CPD in the period: figures about staff, in total only. */
  development?: DevelopmentFigures;
}
