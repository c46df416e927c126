// The monthly activity return: aggregate counts in long format (period, measure, breakdown,
// category, value), suppressed for publication, with rates worked out from published numbers.
import { ageBandOf } from './catalogue';
import type { Period } from './periods';
import { publishedPercent, suppressCount, suppressGroup, type Published, type SuppressionSettings } from './suppression';

export interface CountGroup {
  measure: string;
  breakdown: string;
  /** Categories that add up to the total. */
  categories: { category: string; count: number }[];
  total: number;
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

export interface ReturnRow {
  period: string;
  measure: string;
  breakdown: string;
  category: string;
  value: Published | null;
}

export const RETURN_HEADER = ['period', 'measure', 'breakdown', 'category', 'value'];

/** "2026-10-01/2026-10-31": an ISO 8601 interval, readable and sortable. */
export const periodCode = (p: Period) => `${p.start}/${p.end}`;

export function buildReturn(period: Period, inputs: ReturnInputs, settings: SuppressionSettings): ReturnRow[] {
  const rows: ReturnRow[] = [];
  const at = periodCode(period);
  const push = (measure: string, breakdown: string, category: string, value: Published | null) => rows.push({ period: at, measure, breakdown, category, value });
  for (const g of inputs.groups) {
    const total = suppressCount(g.total, settings);
    push(g.measure, g.breakdown, 'total', total);
    const cells = suppressGroup(g.categories.map((c) => c.count), settings, total !== '*');
    g.categories.forEach((c, i) => push(g.measure, g.breakdown, c.category, total === '*' ? '*' : cells[i]));
  }
  const attended = suppressCount(inputs.attended, settings);
  const dna = suppressCount(inputs.dna, settings);
  // Attended contacts are published below: with the booked total beside them, a hidden DNA
  // count could be worked out by subtraction, so the total is hidden with it.
  const booked = dna === '*' ? '*' : suppressCount(inputs.attended + inputs.dna, settings);
  push('dna_rate', 'all', 'not_attended', dna);
  push('dna_rate', 'all', 'attended_or_not', booked);
  push('dna_rate', 'all', 'percent', publishedPercent(dna, booked));
  const supported = suppressCount(inputs.peopleSupported, settings);
  push('average_contacts_per_person', 'all', 'contacts_attended', attended);
  push('average_contacts_per_person', 'all', 'people_supported', supported);
  push('average_contacts_per_person', 'all', 'average', attended === '*' || supported === '*' ? '*' : supported === 0 ? null : Math.round((attended / supported) * 10) / 10);
  const offered = suppressCount(inputs.newlyDiagnosedOffered, settings);
  const engaged = suppressCount(inputs.newlyDiagnosedEngaged, settings);
  push('newly_diagnosed', 'all', 'offered', offered);
  push('newly_diagnosed', 'all', 'engaged', engaged);
  push('newly_diagnosed', 'all', 'percent_engaged', publishedPercent(engaged, offered));
  for (const w of inputs.wellbeing) {
    const improved = suppressCount(w.improved, settings);
    const followed = suppressCount(w.followedUp, settings);
    push('improved_wellbeing', w.instrument, 'improved', improved);
    push('improved_wellbeing', w.instrument, 'followed_up', followed);
    push('improved_wellbeing', w.instrument, 'no_follow_up', suppressCount(w.noFollowUp, settings));
    push('improved_wellbeing', w.instrument, 'percent_improved', publishedPercent(improved, followed));
  }
  return rows;
}

export { ageBandOf };
