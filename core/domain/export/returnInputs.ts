// The monthly return's true counts, before anything is published: what the queries give and the
// suppression works on. On their own so the suppression's files need not import the return's.

/** One breakdown of a measure: true counts, or (`Published`) as they may be published. */
export interface CountGroup<N = number> {
  measure: string;
  breakdown: string;
  /** Categories that add up to the total. */
  categories: { category: string; count: N }[];
  total: N;
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
}
