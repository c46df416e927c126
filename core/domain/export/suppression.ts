// Publishing counts safely (NHS statistical practice): counts of 1 to the threshold are hidden
// as "*", others may be rounded to the nearest 5, and where a total would let a hidden cell be
// worked back a second cell in the group is hidden too. Zero is shown.

export interface SuppressionSettings {
  /** Counts from 1 to this are hidden. */
  threshold: number;
  /** Round other counts to the nearest 5. */
  roundToFive: boolean;
}

export const DEFAULT_SUPPRESSION: SuppressionSettings = { threshold: 7, roundToFive: false };

export type Published = number | '*';

/**
 * Suppresses one group of counts that add up to a published total. Returns the published cells
 * in the same order. A lone hidden cell is protected by also hiding the smallest other non-zero cell.
 */
export function suppressGroup(counts: number[], settings: SuppressionSettings, totalPublished = true): Published[] {
  const hidden = counts.map((c) => c >= 1 && c <= settings.threshold);
  if (totalPublished && hidden.filter(Boolean).length === 1) {
    let candidate = -1;
    counts.forEach((c, i) => {
      if (!hidden[i] && c > 0 && (candidate === -1 || c < counts[candidate])) candidate = i;
    });
    if (candidate !== -1) hidden[candidate] = true;
  }
  return counts.map((c, i) => (hidden[i] ? '*' : settings.roundToFive ? roundFive(c) : c));
}

export function suppressCount(count: number, settings: SuppressionSettings): Published {
  if (count >= 1 && count <= settings.threshold) return '*';
  return settings.roundToFive ? roundFive(count) : count;
}

function roundFive(n: number): number {
  return Math.round(n / 5) * 5;
}

/** A percentage from the published numbers (never from hidden ones): "*" if either is hidden. */
export function publishedPercent(numerator: Published, denominator: Published): Published | null {
  if (numerator === '*' || denominator === '*') return '*';
  if (denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}
