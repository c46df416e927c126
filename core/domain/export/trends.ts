// The monthly return's headline measures month by month across the financial year (April to
// March), the year to date beside the same months of the year before: on Reports as a chart and
// in the return as rows. Counts go through the same suppression as the return, together with it:
// a month that is the return's own period is the return's own cell, and a year to date is the sum
// of its months, so no arithmetic across the two gives a hidden count away.
import { cellId, returnCells } from './returnRelations';
import type { SiteSetSuppression } from './siteSet';
import type { ReturnInputs } from './returnInputs';
import { cellsToHide, type Cell, type SumRelation } from './secondarySuppression';
import { roundFive, type Published, type SuppressionSettings } from './suppression';

/** One measure followed over the year: its key in the return's trend rows and how it is read. */
export interface TrendMeasure {
  key: string;
  label: string;
  /** The year to date is the sum of its months (people and pairs are counted once a period, so are not). */
  additive: boolean;
  /** For wellbeing: the instrument. */
  instrument?: string;
}

const FIXED: (TrendMeasure & { cell: string; of: (i: ReturnInputs) => number })[] = [
  { key: 'referrals_received', label: 'Referrals received', additive: true, cell: cellId.total('referrals_received'), of: (i) => i.groups.find((g) => g.measure === 'referrals_received')?.total ?? 0 },
  { key: 'people_supported', label: 'People supported', additive: false, cell: cellId.peopleSupported, of: (i) => i.peopleSupported },
  { key: 'contacts_attended', label: 'Contacts attended', additive: true, cell: cellId.attended, of: (i) => i.attended },
  { key: 'contacts_not_attended', label: 'Contacts not attended (DNA)', additive: true, cell: cellId.notAttended, of: (i) => i.dna },
  { key: 'newly_diagnosed_offered', label: 'Newly diagnosed offered peer support', additive: true, cell: cellId.offered, of: (i) => i.newlyDiagnosedOffered },
  // Engaged as at each span's end: a referral in April engaged in May is engaged by the year to
  // date's end but not by April's, so the months do not add up to the year to date.
  { key: 'newly_diagnosed_engaged', label: 'Newly diagnosed engaged', additive: false, cell: cellId.engaged, of: (i) => i.newlyDiagnosedEngaged },
  { key: 'group_registrations', label: 'Group registrations', additive: true, cell: cellId.total('group_registrations'), of: (i) => i.groups.find((g) => g.measure === 'group_registrations')?.total ?? 0 },
  { key: 'group_attendance', label: 'Group attendance', additive: true, cell: cellId.total('group_attendance'), of: (i) => i.groups.find((g) => g.measure === 'group_attendance')?.total ?? 0 },
];

const followedUpKey = (instrument: string) => `improved_wellbeing_${instrument}_followed_up`;
const improvedKey = (instrument: string) => `improved_wellbeing_${instrument}_improved`;

/** A stretch of the trend: a month (the last one cut at the period's end) or a year to date. */
export interface TrendSpan {
  start: string;
  end: string;
}

/** What the queries give: each span's return inputs, from which the headline counts are read. */
export interface TrendInputs {
  /** Financial year of the period's end: "2026/27" starts on 1 April 2026. */
  financialYear: number;
  /** April to the month holding the period's end (that one cut at the end). */
  thisYear: (TrendSpan & { inputs: ReturnInputs })[];
  /** All twelve months of the year before; the month matching the cut one is cut a year earlier. */
  lastYear: (TrendSpan & { inputs: ReturnInputs })[];
  ytd: TrendSpan & { inputs: ReturnInputs };
  ytdLastYear: TrendSpan & { inputs: ReturnInputs };
  /** The return's own period. */
  period: TrendSpan;
}

/** The trend as the screen and the file show it. */
export interface Trend<N = Published> {
  financialYear: string;
  measures: TrendMeasure[];
  /** Twelve months, April first: `thisYear` null for months still to come. */
  months: { label: string; thisYear: (TrendSpan & { values: Record<string, N> }) | null; lastYear: TrendSpan & { values: Record<string, N> } }[];
  ytd: TrendSpan & { values: Record<string, N> };
  ytdLastYear: TrendSpan & { values: Record<string, N> };
}

const MONTHS = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'];

/** Every measure the trend follows: the fixed ones, and wellbeing for each instrument used in any span. */
export function trendMeasures(t: TrendInputs): (TrendMeasure & { cell: string; of: (i: ReturnInputs) => number })[] {
  const spans = [...t.thisYear, ...t.lastYear, t.ytd, t.ytdLastYear];
  const instruments = [...new Set(spans.flatMap((s) => s.inputs.wellbeing.map((w) => w.instrument)))].sort();
  const find = (i: ReturnInputs, instrument: string) => i.wellbeing.find((w) => w.instrument === instrument);
  return [
    ...FIXED,
    ...instruments.flatMap((instrument) => [
      { key: followedUpKey(instrument), label: 'Wellbeing: pairs followed up', additive: false, instrument, cell: cellId.followedUp(instrument), of: (i: ReturnInputs) => find(i, instrument)?.followedUp ?? 0 },
      { key: improvedKey(instrument), label: 'Wellbeing: improved', additive: false, instrument, cell: cellId.improved(instrument), of: (i: ReturnInputs) => find(i, instrument)?.improved ?? 0 },
    ]),
  ];
}

const fyLabel = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;

/** The true counts (for those who may see them), in the trend's shape. */
export function exactTrend(t: TrendInputs): Trend<number> {
  const measures = trendMeasures(t);
  const values = (i: ReturnInputs) => Object.fromEntries(measures.map((m) => [m.key, m.of(i)]));
  return shape(t, measures, (span) => values(span.inputs));
}

function shape<N>(t: TrendInputs, measures: TrendMeasure[], values: (span: TrendSpan & { inputs: ReturnInputs }, series: string) => Record<string, N>): Trend<N> {
  const strip = ({ key, label, additive, instrument }: TrendMeasure): TrendMeasure => ({ key, label, additive, ...(instrument ? { instrument } : {}) });
  return {
    financialYear: fyLabel(t.financialYear),
    measures: measures.map(strip),
    months: MONTHS.map((label, i) => ({
      label,
      thisYear: t.thisYear[i] ? { start: t.thisYear[i].start, end: t.thisYear[i].end, values: values(t.thisYear[i], 'month') } : null,
      lastYear: { start: t.lastYear[i].start, end: t.lastYear[i].end, values: values(t.lastYear[i], 'month_last_year') },
    })),
    ytd: { start: t.ytd.start, end: t.ytd.end, values: values(t.ytd, 'year_to_date') },
    ytdLastYear: { start: t.ytdLastYear.start, end: t.ytdLastYear.end, values: values(t.ytdLastYear, 'year_to_date_last_year') },
  };
}

/**
 * The trend as it may be published, suppressed together with the return (`inputs`, the period's
 * own). The return's cells are published exactly as the return alone publishes them; should the
 * trend's relations ever call for hiding one of them, the whole trend is hidden instead, so the
 * return and a reporting-only member's Reports screen still agree cell for cell.
 */
export function publishTrend(t: TrendInputs, inputs: ReturnInputs, settings: SuppressionSettings, acrossSites?: SiteSetSuppression): Trend {
  const measures = trendMeasures(t);
  // Published beside the sites' returns, the return is suppressed across them (siteSet.ts): the
  // trend is then suppressed together with the whole set.
  const main = acrossSites ?? returnCells(inputs);
  const mainIds = new Set(returnCells(inputs).cells.map((c) => c.id));
  const alone = acrossSites?.hidden ?? cellsToHide(main.cells, main.relations, settings);
  const cells = new Map<string, Cell>(main.cells.map((c) => [c.id, c]));
  const relations: SumRelation[] = [...main.relations];
  const seen = new Set<string>();
  const relate = (total: string, parts: string[]) => {
    const key = JSON.stringify([total, parts]);
    if (parts.length === 0 || (parts.length === 1 && parts[0] === total) || seen.has(key)) return;
    seen.add(key);
    relations.push({ total, parts });
  };
  const samePeriod = (s: TrendSpan) => s.start === t.period.start && s.end === t.period.end;
  /** The cell holding a measure over a span: the return's own where it is the same count. */
  const idOf = (m: (typeof measures)[number], span: TrendSpan, series: string) =>
    series !== 'month_last_year' && series !== 'year_to_date_last_year' && samePeriod(span) && mainIds.has(m.cell) ? m.cell : `trend/${m.key}/${series}/${span.start}`;
  const ids = new Map<string, string>();
  const place = (m: (typeof measures)[number], span: TrendSpan & { inputs: ReturnInputs }, series: string) => {
    const id = idOf(m, span, series);
    if (!cells.has(id)) cells.set(id, { id, value: m.of(span.inputs) });
    ids.set(`${m.key}|${series}|${span.start}`, id);
    return id;
  };
  for (const m of measures) {
    const months = t.thisYear.map((s) => place(m, s, 'month'));
    const before = t.lastYear.map((s) => place(m, s, 'month_last_year'));
    const ytd = place(m, t.ytd, 'year_to_date');
    const ytdBefore = place(m, t.ytdLastYear, 'year_to_date_last_year');
    if (!m.additive) continue;
    relate(ytd, months);
    relate(ytdBefore, before.slice(0, months.length));
    // The return's period made of whole trend months (a quarter, say) is their sum.
    const first = t.thisYear.findIndex((s) => s.start === t.period.start);
    const last = t.thisYear.findIndex((s) => s.end === t.period.end);
    if (first >= 0 && last > first && mainIds.has(m.cell)) relate(m.cell, months.slice(first, last + 1));
  }
  const together = cellsToHide([...cells.values()], relations, settings);
  const agrees = [...mainIds].every((id) => together.has(id) === alone.has(id));
  const show = (id: string): Published => {
    if (mainIds.has(id) ? alone.has(id) : !agrees || together.has(id)) return '*';
    const v = cells.get(id)!.value;
    return settings.roundToFive ? roundFive(v) : v;
  };
  return shape(t, measures, (span, series) => Object.fromEntries(measures.map((m) => [m.key, show(ids.get(`${m.key}|${series}|${span.start}`)!)])));
}

/** The trend as rows of the return: each with its own dates in the period column. */
export function trendRows(trend: Trend): { period: string; measure: string; breakdown: string; category: string; value: Published }[] {
  const rows: { period: string; measure: string; breakdown: string; category: string; value: Published }[] = [];
  const at = (s: TrendSpan) => `${s.start}/${s.end}`;
  for (const m of trend.measures) {
    for (const month of trend.months) if (month.thisYear) rows.push({ period: at(month.thisYear), measure: 'trend', breakdown: m.key, category: 'month', value: month.thisYear.values[m.key] });
    for (const month of trend.months) rows.push({ period: at(month.lastYear), measure: 'trend', breakdown: m.key, category: 'month_last_year', value: month.lastYear.values[m.key] });
    rows.push({ period: at(trend.ytd), measure: 'trend', breakdown: m.key, category: 'year_to_date', value: trend.ytd.values[m.key] });
    rows.push({ period: at(trend.ytdLastYear), measure: 'trend', breakdown: m.key, category: 'year_to_date_last_year', value: trend.ytdLastYear.values[m.key] });
  }
  return rows;
}
