// The small-number rule's two settings, shared by the primary and the secondary suppression.
export interface SuppressionSettings {
  /** Counts from 1 to this are hidden. */
  threshold: number;
  /** Round other counts to the nearest 5. */
  roundToFive: boolean;
}
