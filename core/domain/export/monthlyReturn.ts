// The monthly activity return: aggregate counts in long format (period, measure, breakdown,
// category, value), suppressed for publication, with rates worked out from published numbers.
import { ageBandOf } from './catalogue';
import type { Period } from './periods';
import { publishReturn, type PublishedChange, type PublishedReturn } from './publishedReturn';
import { fewPairs } from '../stats/groupComparison';
import { publishTrend, trendRows, type TrendInputs } from './trends';
import type { CountGroup, ReturnInputs } from './returnInputs';
import type { DevelopmentFigures } from '../development';
import { publishedAverage, publishedPercent, type Published, type SuppressionSettings } from './suppression';

export type { CountGroup, ReturnInputs };

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

export function buildReturn(period: Period, inputs: ReturnInputs, settings: SuppressionSettings, trend?: TrendInputs): ReturnRow[] {
  const rows = publishedRows(period, publishReturn(inputs, settings));
  // The team's training and supervision: staff totals, not people supported, so not suppressed.
  const at = periodCode(period);
  if (inputs.development) for (const [category, value] of developmentRows(inputs.development)) rows.push({ period: at, measure: 'staff_development', breakdown: 'all', category, value });
  if (trend) rows.push(...trendRows(publishTrend(trend, inputs, settings)));
  return rows;
}

/** The return's rows from figures already published (one site's, or several sites' combined). */
export function publishedRows(period: Period, p: PublishedReturn): ReturnRow[] {
  const rows: ReturnRow[] = [];
  const at = periodCode(period);
  const push = (measure: string, breakdown: string, category: string, value: Published | null) => rows.push({ period: at, measure, breakdown, category, value });
  for (const g of p.groups) {
    push(g.measure, g.breakdown, 'total', g.total);
    for (const c of g.categories) push(g.measure, g.breakdown, c.category, c.count);
  }
  // Rates and averages from the published numbers only, so they give nothing hidden away.
  push('dna_rate', 'all', 'not_attended', p.dna);
  push('dna_rate', 'all', 'attended_or_not', p.booked);
  push('dna_rate', 'all', 'percent', publishedPercent(p.dna, p.booked));
  push('average_contacts_per_person', 'all', 'contacts_attended', p.attended);
  push('average_contacts_per_person', 'all', 'people_supported', p.peopleSupported);
  push('average_contacts_per_person', 'all', 'average', publishedAverage(p.attended, p.peopleSupported));
  push('newly_diagnosed', 'all', 'offered', p.newlyDiagnosedOffered);
  push('newly_diagnosed', 'all', 'engaged', p.newlyDiagnosedEngaged);
  push('newly_diagnosed', 'all', 'percent_engaged', publishedPercent(p.newlyDiagnosedEngaged, p.newlyDiagnosedOffered));
  const change = (measure: string, instrument: string, pairs: Published, c: PublishedChange | undefined) => {
    push(measure, instrument, 'mean_change', c?.mean ?? null);
    push(measure, instrument, 'mean_change_ci95_lower', c?.lower ?? null);
    push(measure, instrument, 'mean_change_ci95_upper', c?.upper ?? null);
    push(measure, instrument, 'fewer_than_30_pairs', fewPairsFlag(pairs));
  };
  for (const w of p.wellbeing) {
    push('improved_wellbeing', w.instrument, 'improved', w.improved);
    push('improved_wellbeing', w.instrument, 'followed_up', w.followedUp);
    push('improved_wellbeing', w.instrument, 'no_follow_up', w.noFollowUp);
    push('improved_wellbeing', w.instrument, 'percent_improved', publishedPercent(w.improved, w.followedUp));
    // Paired beside all with a baseline, the mean change of the pairs with its 95% CI, and the
    // SWEMWBS authors' warning against comparing groups on fewer than 30 pairs.
    push('improved_wellbeing', w.instrument, 'with_baseline', w.withBaseline);
    change('improved_wellbeing', w.instrument, w.followedUp, p.wellbeingChange.find((c) => c.instrument === w.instrument));
  }
  for (const w of p.sustained) {
    push('sustained_wellbeing', w.instrument, 'followed_up_after_closure', w.followedUp);
    push('sustained_wellbeing', w.instrument, 'improved', w.improved);
    push('sustained_wellbeing', w.instrument, 'percent_improved', publishedPercent(w.improved, w.followedUp));
    change('sustained_wellbeing', w.instrument, w.followedUp, w.change);
  }
  return rows;
}

/**
 * The team's development, published as counted: these are figures about staff, not about people
 * supported, so small numbers are not hidden; they are totals across the team, never a member's own.
 */
export function developmentRows(d: DevelopmentFigures): [string, number][] {
  return [
    ['workers', d.workers],
    ['workers_supervised', d.workersSupervised],
    ['supervisions', d.supervisions],
    ['joint_supervisions', d.jointSupervisions],
    ['training_sessions', d.trainingSessions],
    ['training_hours', d.trainingHours],
    ['other_cpd_hours', d.cpdHours],
  ];
}

/** 1 where groups should not be compared on these pairs (fewer than 30, or too few to publish). */
function fewPairsFlag(pairs: Published): number {
  return pairs === '*' || fewPairs(pairs) ? 1 : 0;
}

export { ageBandOf };
