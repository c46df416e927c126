// The measures the return gained for issue 15, as the domain sees them: their names (the drill-
// down accepts exactly these), the first-contact target, and the rows worked out from published
// numbers (drop-out %, the number of boroughs, time to first contact).
import type { Published } from './suppression';

/**
 * First contact within this many working days of the referral counts as within the target.
 * Programmes set their own (confirm per deployment); kept here, in one place.
 */
export const FIRST_CONTACT_TARGET_WORKING_DAYS = 5;

/** The measures the drill-down serves from returnMeasures' selections, beside the return's older ones. */
export const NEW_DRILL_MEASURES = [
  'contacts_cancelled',
  'events_held',
  'signposting_made',
  'closures',
  'waiting_list_at_period_end',
  'first_contact',
  'opt_out_offered',
  'engagement_with_care',
  'reengaged_in_care',
  'goals_set',
  'goals_achieved',
  'open_caseload_at_period_end',
] as const;

export const NEW_DRILL_BREAKDOWNS = [
  'support_type',
  'site',
  'borough_at_referral',
  'by',
  'outcome',
  'category',
  'reason',
  'target',
  'outcome_at_period_end',
  'clinic_appointments',
  'area',
] as const;

/** A London borough's ONS code (E09…), as opposed to "outside London" or "not known". */
export const isLondonBorough = (code: string) => /^E09\d{6}$/.test(code);

/** Time to first contact: the median of the working days waited, by the people first contacted in the period. */
export interface FirstContactFigures {
  /** Median working days from referral to first contact; null when nobody was first contacted. */
  medianWorkingDays: number | null;
}

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A median published only with the count it is of: hidden ("*") where that count is. */
export function publishedMedian(count: Published, value: number | null): Published | null {
  if (count === '*') return '*';
  return value;
}
