// Publishing counts safely (NHS statistical practice): counts of 1 to the threshold are hidden
// as "*", others may be rounded to the nearest 5, and where a total would let a hidden cell be
// worked back a second cell in the group is hidden too. Zero is shown.
import { cellsToHide, type Cell, type SumRelation } from './secondarySuppression';
import type { SuppressionSettings } from './suppressionSettings';

export type { SuppressionSettings };

export const DEFAULT_SUPPRESSION: SuppressionSettings = { threshold: 7, roundToFive: false };

export type Published = number | '*';

/**
 * Suppresses one group of counts that add up to a total (published unless told otherwise).
 * Returns the published cells in the same order. A lone hidden cell is protected by also hiding
 * another (see secondarySuppression.ts, which the monthly return uses across all its groups).
 */
export function suppressGroup(counts: number[], settings: SuppressionSettings, totalPublished = true): Published[] {
  const cells: Cell[] = counts.map((value, i) => ({ id: String(i), value }));
  const total = counts.reduce((a, b) => a + b, 0);
  // An unpublished total is a difference a reader cannot take: without it there is no relation.
  const relations: SumRelation[] = totalPublished ? [{ total: 'total', parts: cells.map((c) => c.id) }] : [];
  const hidden = cellsToHide(totalPublished ? [...cells, { id: 'total', value: total }] : cells, relations, settings);
  return counts.map((c, i) => (hidden.has(String(i)) ? '*' : settings.roundToFive ? roundFive(c) : c));
}

export function suppressCount(count: number, settings: SuppressionSettings): Published {
  if (count >= 1 && count <= settings.threshold) return '*';
  return settings.roundToFive ? roundFive(count) : count;
}

/** Nearest multiple of 5 (halves up). */
export function roundFive(n: number): number {
  return Math.round(n / 5) * 5;
}

/** A percentage from the published numbers (never from hidden ones): "*" if either is hidden. */
export function publishedPercent(numerator: Published, denominator: Published): Published | null {
  if (numerator === '*' || denominator === '*') return '*';
  if (denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/** Attended contacts per person, to one decimal place, from the published numbers. */
export function publishedAverage(contacts: Published, people: Published): Published | null {
  if (contacts === '*' || people === '*') return '*';
  if (people === 0) return null;
  return Math.round((contacts / people) * 10) / 10;
}
