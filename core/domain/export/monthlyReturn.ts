// The monthly activity return: aggregate counts in long format (period, measure, breakdown,
// category, value), suppressed for publication, with rates worked out from published numbers.
import { ageBandOf } from './catalogue';
import type { Period } from './periods';
import { publishReturn, publishWith, type PublishedChange, type PublishedReturn } from './publishedReturn';
import type { SiteSetSuppression } from './siteSet';
import { fewPairs } from '../stats/groupComparison';
import { publishTrend, trendRows, type TrendInputs } from './trends';
import type { CountGroup, ReturnInputs } from './returnInputs';
import type { DevelopmentFigures } from '../development';
import { publishedAverage, publishedPercent, type Published, type SuppressionSettings } from './suppression';
import { FIRST_CONTACT_TARGET_WORKING_DAYS, isLondonBorough } from './returnMeasures';

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

/** All sites' return, or one site's (its ODS code): named in the built-in file's first row. */
export const ALL_SITES = 'all_sites';

/** A return published beside its caseload's other sites: suppressed across them, `prefix` naming its cells in the set. */
export interface AcrossSites {
  set: SiteSetSuppression;
  prefix: string;
}

/**
 * `site`: named in the first row; null where the caller names it otherwise (a trust's layout has
 * a site column). `across`: the caseload's sites suppressed as one set (see siteSet.ts).
 */
export function buildReturn(period: Period, inputs: ReturnInputs, settings: SuppressionSettings, trend?: TrendInputs, site: string | null = ALL_SITES, across?: AcrossSites): ReturnRow[] {
  const published = across ? publishWith(inputs, settings, across.set.hidden, across.prefix) : publishReturn(inputs, settings);
  const rows = publishedRows(period, published, site ?? undefined);
  // The team's training and supervision: staff totals, not people supported, so not suppressed.
  const at = periodCode(period);
  if (inputs.development) for (const [category, value] of developmentRows(inputs.development)) rows.push({ period: at, measure: 'staff_development', breakdown: 'all', category, value });
  if (trend) rows.push(...trendRows(publishTrend(trend, inputs, settings, across?.set)));
  return rows;
}

/**
 * The return's rows from figures already published (one site's, or several sites' combined).
 * `site`: the row naming the site, first; left out where each row carries its site in a column
 * of its own (a combined return, a trust's layout).
 */
export function publishedRows(period: Period, p: PublishedReturn, site?: string): ReturnRow[] {
  const rows: ReturnRow[] = [];
  const at = periodCode(period);
  const push = (measure: string, breakdown: string, category: string, value: Published | null) => rows.push({ period: at, measure, breakdown, category, value });
  if (site !== undefined) push('site', 'ods_code', site, null);
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
  derivedRows(p, push);
  return rows;
}

/**
 * Issue 15's rates and figures worked out from published counts: drop-out, boroughs, time to
 * first contact. The median wait is not a count, so several sites' returns added up have none to
 * give (null: an empty cell); the rest follow from the published counts wherever they come from.
 */
function derivedRows(p: PublishedReturn, push: (measure: string, breakdown: string, category: string, value: Published | null) => void) {
  const published = (measure: string, breakdown: string) => p.groups.find((g) => g.measure === measure && g.breakdown === breakdown);
  const count = (measure: string, breakdown: string, category: string): Published => {
    const g = published(measure, breakdown);
    return g?.categories.find((c) => c.category === category)?.count ?? (g?.total === '*' ? '*' : 0);
  };
  const sum = (a: Published, b: Published): Published => (a === '*' || b === '*' ? '*' : a + b);
  if (published('group_registrations', 'outcome')) {
    const dropped = count('group_registrations', 'outcome', 'dropped_out');
    push('group_registrations', 'outcome', 'percent_dropped_out', publishedPercent(dropped, sum(dropped, count('group_registrations', 'outcome', 'attended'))));
  }
  const boroughs = published('referrals_received', 'borough_at_referral');
  if (boroughs) {
    // A borough listed has at least one referral, hidden or not; with the whole breakdown withheld, so is this.
    const london = boroughs.categories.filter((c) => isLondonBorough(c.category) && c.count !== 0).length;
    push('referrals_received', 'borough_at_referral', 'number_of_london_boroughs', boroughs.total === '*' && boroughs.categories.length === 0 ? '*' : london);
  }
  const firstContact = published('first_contact', 'target');
  if (firstContact) {
    push('first_contact', 'target', 'target_working_days', p.firstContact?.targetWorkingDays ?? FIRST_CONTACT_TARGET_WORKING_DAYS);
    push('first_contact', 'target', 'median_working_days', p.firstContact?.medianWorkingDays ?? null);
    push('first_contact', 'target', 'percent_within_target', publishedPercent(count('first_contact', 'target', 'within_target'), firstContact.total));
  }
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
