// The raw counts behind the monthly return and the in-app reports. Suppression happens in
// core/domain/export/monthlyReturn; these are the true numbers and never leave the app as they are.
import { ageBand } from '../../core/domain/age';
import type { CountGroup, ReturnInputs } from '../../core/domain/export/monthlyReturn';
import type { Period } from '../../core/domain/export/periods';
import { improvedByRule, improvementRule } from '../../core/domain/instruments/improvement';
import type { InstrumentId } from '../../core/domain/instruments/types';
import { meanChange } from '../../core/domain/stats/meanChange';
import type { Orm } from '../types';
import { categoryOf, ENGAGED_BY_END, SELECTIONS, siteFilter, type SelectionParams } from './returnMeasures';
import { FIRST_CONTACT_TARGET_WORKING_DAYS, median } from '../../core/domain/export/returnMeasures';
import { workingDaysBetween } from '../../core/domain/workingDays';
import { developmentFigures } from './development';

type Count = { category: string | null; n: number };

function group(measure: string, breakdown: string, rows: Count[]): CountGroup {
  const categories = rows.map((r) => ({ category: r.category ?? 'not_recorded', count: r.n })).sort((a, b) => a.category.localeCompare(b.category));
  return { measure, breakdown, categories, total: categories.reduce((a, c) => a + c.count, 0) };
}

/** The period and, for one site's return, the site: every query binds these. */
export type ReturnParams = SelectionParams;
export const returnParams = (period: { start: string; end: string }, siteId: number | null = null): ReturnParams => ({ start: period.start, end: period.end, siteId });

/**
 * Narrows a selection to one site's people (their clinic site) when the return is for one site:
 * "" for all sites, so the all-sites queries are exactly as they were.
 */
export const personAtSite = (personId: string, p: { siteId: number | null }) => (p.siteId === null ? '' : ` AND ${personId} IN (SELECT id FROM people WHERE clinic_site_id = @siteId)`);
export const episodeAtSite = (episodeId: string, p: { siteId: number | null }) =>
  p.siteId === null ? '' : ` AND ${episodeId} IN (SELECT id FROM episodes WHERE person_id IN (SELECT id FROM people WHERE clinic_site_id = @siteId))`;
export const eventAtSite = (p: { siteId: number | null }) => (p.siteId === null ? '' : ' AND g.site_id = @siteId');

/** The selections each figure counts; drillDown.ts lists the same rows, so the two agree. */
export const REFERRALS_IN = 'FROM episodes e WHERE e.referral_received_on BETWEEN @start AND @end';
export const REFERRAL_BREAKDOWNS: Record<string, string> = { source: 'e.referral_source', pathway: 'e.pathway' };
/** Narrow REFERRALS_IN to the newly diagnosed, and those of them who engaged. */
export const NEWLY_DIAGNOSED = 'e.newly_diagnosed = 1';
/** Engaged as at the period's end (dated records), never as the status stands today. */
export const ENGAGED = ENGAGED_BY_END;
const CONTACTS_IN = 'FROM contacts c WHERE c.contact_on BETWEEN @start AND @end';
const ATTENDED = "c.attendance = 'attended'";
const NOT_ATTENDED = "c.attendance = 'dna'";
export const ATTENDED_IN = `${CONTACTS_IN} AND ${ATTENDED}`;
export const NOT_ATTENDED_IN = `${CONTACTS_IN} AND ${NOT_ATTENDED}`;
export const CONTACT_BREAKDOWNS: Record<string, string> = { type: 'c.type', mode: 'c.mode' };
export const GROUPS_IN = 'FROM group_events g JOIN group_participants gp ON gp.event_id = g.id WHERE g.held_on BETWEEN @start AND @end';

export interface SupportedPerson {
  personId: number;
  gender: string | null;
  ethnicity: string | null;
  orientation: string | null;
  borough: string | null;
  /** The ODS code of their clinic site (null: none recorded). */
  site: string | null;
  dob: string;
  /** Their first attended contact ever, and their first in the period. */
  firstEver: string;
  firstInPeriod: string;
}

/**
 * People supported: an attended contact in the period. New: their first ever attended contact.
 * The first ever is one GROUP BY over the people seen: their episodes, then each episode's attended
 * contacts from contacts_attended_idx alone. CROSS JOIN fixes that order whatever the planner's
 * statistics, so it is never a walk of every attended contact ever recorded.
 */
export function supportedPeople(orm: Orm, period: Period, siteId: number | null = null): SupportedPerson[] {
  const params = returnParams(period, siteId);
  return orm.$client
    .prepare(
      `WITH seen AS (
         SELECT e.person_id AS personId, min(c.contact_on) AS firstInPeriod
           FROM contacts c JOIN episodes e ON e.id = c.episode_id
          WHERE ${ATTENDED} AND c.contact_on BETWEEN @start AND @end${personAtSite('e.person_id', params)} GROUP BY e.person_id)
       SELECT s.personId, s.firstInPeriod, p.gender_identity AS gender, p.ethnic_category AS ethnicity, p.sexual_orientation AS orientation, p.borough, p.date_of_birth AS dob,
              (SELECT ods_code FROM sites WHERE id = p.clinic_site_id) AS site, min(c.contact_on) AS firstEver
         FROM seen s CROSS JOIN episodes e ON e.person_id = s.personId CROSS JOIN contacts c ON c.episode_id = e.id AND ${ATTENDED}
         JOIN people p ON p.id = s.personId
        GROUP BY s.personId`,
    )
    .all(params) as SupportedPerson[];
}

/** Each breakdown of people supported: the category a person falls in (null: not recorded). */
export const SUPPORTED_BREAKDOWNS: Record<string, (x: SupportedPerson, period: Period) => string | null> = {
  new_or_continuing: (x, period) => (x.firstEver >= period.start ? 'new' : 'continuing'),
  gender_identity: (x) => x.gender,
  ethnic_category: (x) => x.ethnicity,
  sexual_orientation: (x) => x.orientation,
  age_band: (x, period) => ageBand(x.dob, period.end),
  borough: (x) => x.borough,
  site: (x) => x.site,
};

/** Adds n to a category's count. */
function add(tally: Map<string | null, number>, category: string | null, n: number) {
  tally.set(category, (tally.get(category) ?? 0) + n);
}

const counted = (tally: Map<string | null, number>): Count[] => [...tally].map(([category, n]) => ({ category, n }));

/** Referrals received: by source and pathway, and the newly diagnosed offered and engaged, in one pass. */
function referralCounts(db: Orm['$client'], p: ReturnParams) {
  const rows = db
    .prepare(
      `SELECT ${REFERRAL_BREAKDOWNS.source} AS source, ${REFERRAL_BREAKDOWNS.pathway} AS pathway, ${NEWLY_DIAGNOSED} AS nd, ${NEWLY_DIAGNOSED} AND ${ENGAGED} AS ndEngaged, count(*) AS n
         ${REFERRALS_IN}${personAtSite('e.person_id', p)} GROUP BY 1, 2, 3, 4`,
    )
    .all(p) as { source: string | null; pathway: string | null; nd: number; ndEngaged: number; n: number }[];
  const source = new Map<string | null, number>();
  const pathway = new Map<string | null, number>();
  let offered = 0;
  let engaged = 0;
  for (const r of rows) {
    add(source, r.source, r.n);
    add(pathway, r.pathway, r.n);
    if (r.nd) offered += r.n;
    if (r.ndEngaged) engaged += r.n;
  }
  return { source: counted(source), pathway: counted(pathway), offered, engaged };
}

/** Contacts attended and not attended, and the attended by type and mode, in one pass. */
function contactCounts(db: Orm['$client'], p: ReturnParams) {
  const rows = db
    .prepare(
      `SELECT ${ATTENDED} AS attended, ${CONTACT_BREAKDOWNS.type} AS type, ${CONTACT_BREAKDOWNS.mode} AS mode, count(*) AS n
         ${CONTACTS_IN} AND (${ATTENDED} OR ${NOT_ATTENDED})${episodeAtSite('c.episode_id', p)} GROUP BY 1, 2, 3`,
    )
    .all(p) as { attended: number; type: string | null; mode: string | null; n: number }[];
  const type = new Map<string | null, number>();
  const mode = new Map<string | null, number>();
  let attended = 0;
  let dna = 0;
  for (const r of rows) {
    if (!r.attended) {
      dna += r.n;
      continue;
    }
    attended += r.n;
    add(type, r.type, r.n);
    add(mode, r.mode, r.n);
  }
  return { type: counted(type), mode: counted(mode), attended, dna };
}

const PEOPLE_BREAKDOWNS = ['new_or_continuing', 'gender_identity', 'ethnic_category', 'sexual_orientation', 'age_band', 'borough', 'site'] as const;

/**
 * The return's figures for the period: for all sites (siteId null), or for one site's people
 * (their clinic site) and events.
 */
export function returnInputs(orm: Orm, period: Period, siteId: number | null = null): ReturnInputs {
  const db = orm.$client;
  const p = returnParams(period, siteId);
  const people = supportedPeople(orm, period, siteId);
  const tallies = new Map(PEOPLE_BREAKDOWNS.map((b) => [b, new Map<string | null, number>()]));
  for (const x of people) for (const [b, tally] of tallies) add(tally, SUPPORTED_BREAKDOWNS[b](x, period), 1);
  const supportedBy = (breakdown: (typeof PEOPLE_BREAKDOWNS)[number]) => group('people_supported', breakdown, counted(tallies.get(breakdown)!));
  const referrals = referralCounts(db, p);
  const contacts = contactCounts(db, p);
  const groupRows = db
    .prepare(
      `SELECT g.type AS category, coalesce(sum(gp.registered = 1), 0) AS registered, coalesce(sum(gp.attended = 1), 0) AS attended
         FROM group_events g LEFT JOIN group_participants gp ON gp.event_id = g.id
        WHERE g.held_on BETWEEN @start AND @end${eventAtSite(p)} GROUP BY g.type`,
    )
    .all(p) as { category: string; registered: number; attended: number }[];

  return {
    groups: [
      group('referrals_received', 'source', referrals.source),
      group('referrals_received', 'pathway', referrals.pathway),
      supportedBy('new_or_continuing'),
      group('contacts_attended', 'type', contacts.type),
      group('contacts_attended', 'mode', contacts.mode),
      group('group_registrations', 'event_type', groupRows.map((g) => ({ category: g.category, n: g.registered }))),
      group('group_attendance', 'event_type', groupRows.map((g) => ({ category: g.category, n: g.attended }))),
      ...(['gender_identity', 'ethnic_category', 'sexual_orientation', 'age_band', 'borough'] as const).map(supportedBy),
      // Issue 15's measures, after the return's older ones so their rows stay as they were.
      supportedBy('site'),
      ...newGroups(db, p, people.length),
    ],
    firstContact: firstContactFigures(db, p),
    attended: contacts.attended,
    dna: contacts.dna,
    peopleSupported: people.length,
    newlyDiagnosedOffered: referrals.offered,
    newlyDiagnosedEngaged: referrals.engaged,
    ...wellbeing(orm, period, siteId),
    // The team's training and supervision: staff totals, kept on no site, so only in all sites' return.
    ...(siteId === null ? { development: developmentFigures(orm, period) } : {}),
  };
}

/** Counts of each of issue 15's selections (returnMeasures.ts): the drill-down lists the same rows. */
function newGroups(db: Orm['$client'], p: ReturnParams, peopleSupported: number): CountGroup[] {
  return SELECTIONS.map((s) => {
    let rows: Count[];
    if (s.classify) {
      const tally = new Map<string | null, number>();
      for (const [a, b] of db.prepare(`SELECT ${s.a}, ${s.b} ${s.from}${siteFilter(s, p)}`).raw().iterate(p) as IterableIterator<[string, string]>) add(tally, s.classify(a, b), 1);
      rows = counted(tally);
    } else rows = db.prepare(`SELECT ${categoryOf(s)} AS category, count(*) AS n ${s.from}${siteFilter(s, p)} GROUP BY 1`).all(p) as Count[];
    const g = group(s.measure, s.breakdown, rows);
    // One person may have had several support types: the total is the people supported.
    return s.overlapping ? { ...g, total: peopleSupported, overlapping: true } : g;
  });
}

/** The median working days from referral to first contact, of the episodes first contacted in the period. */
function firstContactFigures(db: Orm['$client'], p: ReturnParams): NonNullable<ReturnInputs['firstContact']> {
  const s = SELECTIONS.find((x) => x.measure === 'first_contact')!;
  const waits = (db.prepare(`SELECT ${s.a}, ${s.b} ${s.from}${siteFilter(s, p)}`).raw().all(p) as [string, string][]).map(([a, b]) => workingDaysBetween(a, b));
  return { medianWorkingDays: median(waits), targetWorkingDays: FIRST_CONTACT_TARGET_WORKING_DAYS };
}

/**
 * The headline counts alone (no breakdown by person), for the trend's many spans: referrals and
 * the newly diagnosed, contacts, groups, how many people were supported, and wellbeing. Each is the
 * return's own selection, so a span that is the return's period gives the return's numbers.
 */
export function headlineInputs(orm: Orm, period: Period, pairs?: ReturnInputs['wellbeing']): ReturnInputs {
  const db = orm.$client;
  const p = returnParams(period);
  const referrals = referralCounts(db, p);
  const contacts = contactCounts(db, p);
  const supported = db
    .prepare(`SELECT count(DISTINCT e.person_id) FROM contacts c JOIN episodes e ON e.id = c.episode_id WHERE ${ATTENDED} AND c.contact_on BETWEEN @start AND @end`)
    .pluck()
    .get(p) as number;
  const groups = db
    .prepare(
      `SELECT coalesce(sum(gp.registered = 1), 0) AS registered, coalesce(sum(gp.attended = 1), 0) AS attended
         FROM group_events g JOIN group_participants gp ON gp.event_id = g.id WHERE g.held_on BETWEEN @start AND @end`,
    )
    .get(p) as { registered: number; attended: number };
  const total = (measure: string, n: number): CountGroup => ({ measure, breakdown: 'all', categories: [], total: n });
  return {
    groups: [
      total('referrals_received', referrals.source.reduce((a, c) => a + c.n, 0)),
      total('group_registrations', groups.registered),
      total('group_attendance', groups.attended),
    ],
    attended: contacts.attended,
    dna: contacts.dna,
    peopleSupported: supported,
    newlyDiagnosedOffered: referrals.offered,
    newlyDiagnosedEngaged: referrals.engaged,
    ...(pairs ? { wellbeing: pairs, wellbeingChange: [], sustained: [] } : wellbeing(orm, period)),
  };
}

/**
 * Pairs followed up, and improved, in each of many spans at once (the trend's 26): one pass over
 * the support series of every episode with an assessment in any span. By the period's rule a pair
 * counts in a span when the series' latest follow-up up to the span's end falls in it, which is
 * its last follow-up inside the span.
 */
export function pairsBySpan(orm: Orm, spans: { start: string; end: string }[]): ReturnInputs['wellbeing'][] {
  const start = spans.reduce((a, s) => (s.start < a ? s.start : a), spans[0].start);
  const end = spans.reduce((a, s) => (s.end > a ? s.end : a), spans[0].end);
  const rows = orm.$client
    .prepare(
      `SELECT a.episode_id, a.instrument, a.completed_on, a.primary_score
         FROM assessments a
        WHERE a.completed_on <= @end AND a.after_closure = 0
          AND a.episode_id IN (SELECT episode_id FROM assessments WHERE completed_on BETWEEN @start AND @end)
        ORDER BY a.episode_id, a.instrument, a.completed_on, a.id`,
    )
    .raw()
    .iterate({ start, end }) as IterableIterator<[number, InstrumentId, string, number]>;
  const tallies = spans.map(() => new Map<string, { instrument: string; improved: number; followedUp: number; noFollowUp: number }>());
  let key = '';
  let instrument: InstrumentId | null = null;
  let baseline = 0;
  let count = 0;
  const last: (number | null)[] = spans.map(() => null);
  const finish = () => {
    if (instrument === null) return;
    const rule = improvementRule(instrument);
    last.forEach((score, i) => {
      if (score === null) return;
      const t = tallies[i];
      let entry = t.get(instrument!);
      if (!entry) t.set(instrument!, (entry = { instrument: instrument!, improved: 0, followedUp: 0, noFollowUp: 0 }));
      entry.followedUp++;
      if (improvedByRule(rule, changeOf(baseline, score))) entry.improved++;
      last[i] = null;
    });
  };
  for (const [e, i, on, score] of rows) {
    if (`${e}|${i}` !== key) {
      finish();
      key = `${e}|${i}`;
      instrument = i;
      baseline = score;
      count = 0;
    }
    if (count++ === 0) continue;
    spans.forEach((s, k) => {
      if (on >= s.start && on <= s.end) last[k] = score;
    });
  }
  finish();
  return tallies.map((t) => [...t.values()].sort((a, b) => a.instrument.localeCompare(b.instrument)));
}

export type WellbeingOutcome = 'improved' | 'not_improved' | 'no_follow_up';
export type WellbeingResult = {
  episodeId: number;
  instrument: InstrumentId;
  outcome: WellbeingOutcome | null;
  on: string;
  /** The first assessment in the episode, and the follow-up it is paired with (none: null). */
  baseline: number;
  latest: number | null;
};
/** A follow-up after closure in the period, paired with the baseline of the support it followed. */
export type SustainedResult = { episodeId: number; instrument: InstrumentId; improved: boolean; on: string; baseline: number; latest: number };

/** follow-up − baseline to two decimals (scores are kept to two), so sums do not drift. */
const changeOf = (baseline: number, latest: number) => Math.round((latest - baseline) * 100) / 100;

/**
 * The period's rule for wellbeing, per episode and instrument. During support: the baseline is the
 * first assessment in the episode; it is paired with the latest follow-up up to the period's end
 * when that follow-up falls in the period ("improved" or "not improved" by the instrument's rule,
 * improvement.ts), and an episode closed in the period with only a baseline is "no follow-up".
 * Episodes that are neither have no outcome but still put the instrument on the return (with
 * zeros), as it was used in the period. A follow-up recorded after closure is never part of the
 * support series: the latest one in the period is paired with the same baseline as sustained change.
 *
 * The series are read in order from assessments_episode_idx alone (it carries the id, the
 * primary score and the after-closure mark) and each is reduced as it streams past: its first
 * score, its count and its latest row, never an array of its rows.
 */
function eachWellbeingOutcome(orm: Orm, period: Period, visit: (result: WellbeingResult) => void, visitSustained: (result: SustainedResult) => void = () => {}, siteId: number | null = null): void {
  const p = returnParams(period, siteId);
  const db = orm.$client;
  // Episodes closed in the period, with the date: a series of one closed in it has no follow-up.
  const closedIn = new Map(db.prepare(`SELECT id, closed_on FROM episodes WHERE closed_on BETWEEN @start AND @end${personAtSite('person_id', p)}`).raw().all(p) as [number, string][]);
  const rows = db
    .prepare(
      `SELECT a.episode_id, a.instrument, a.completed_on, a.primary_score, a.after_closure
         FROM assessments a
        WHERE a.completed_on <= @end AND a.episode_id IN (
              SELECT episode_id FROM assessments WHERE completed_on BETWEEN @start AND @end
              UNION SELECT id FROM episodes WHERE closed_on BETWEEN @start AND @end)${episodeAtSite('a.episode_id', p)}
        ORDER BY a.episode_id, a.instrument, a.completed_on, a.id`,
    )
    .raw()
    .iterate(p) as IterableIterator<[number, InstrumentId, string, number, number]>;
  // The series under way: its key, its first score, how many rows and its latest row, and its
  // latest follow-up after closure.
  let episodeId = -1;
  let instrument: InstrumentId | null = null;
  let count = 0;
  let firstScore = 0;
  let lastScore = 0;
  let lastOn = '';
  let afterScore: number | null = null;
  let afterOn = '';
  const finish = () => {
    if (instrument === null) return;
    const rule = improvementRule(instrument);
    const closedOn = closedIn.get(episodeId);
    if (count > 1 && lastOn >= period.start) {
      const improved = improvedByRule(rule, changeOf(firstScore, lastScore));
      visit({ episodeId, instrument, outcome: improved ? 'improved' : 'not_improved', on: lastOn, baseline: firstScore, latest: lastScore });
    } else if (count === 1 && closedOn) visit({ episodeId, instrument, outcome: 'no_follow_up', on: closedOn, baseline: firstScore, latest: null });
    else visit({ episodeId, instrument, outcome: null, on: lastOn, baseline: firstScore, latest: null });
    if (count > 0 && afterScore !== null && afterOn >= period.start) {
      visitSustained({ episodeId, instrument, improved: improvedByRule(rule, changeOf(firstScore, afterScore)), on: afterOn, baseline: firstScore, latest: afterScore });
    }
  };
  for (const [e, i, on, value, after] of rows) {
    if (e !== episodeId || i !== instrument) {
      finish();
      episodeId = e;
      instrument = i;
      count = 0;
      afterScore = null;
    }
    if (after) {
      afterScore = value;
      afterOn = on;
      continue;
    }
    if (count === 0) firstScore = value;
    count++;
    lastScore = value;
    lastOn = on;
  }
  finish();
}

/** Every episode's outcome per instrument (drill-down lists them). */
export function wellbeingOutcomes(orm: Orm, period: Period, siteId: number | null = null): WellbeingResult[] {
  const out: WellbeingResult[] = [];
  eachWellbeingOutcome(orm, period, (o) => out.push(o), undefined, siteId);
  return out;
}

/** Every follow-up after closure the period counts (drill-down lists them). */
export function sustainedOutcomes(orm: Orm, period: Period, siteId: number | null = null): SustainedResult[] {
  const out: SustainedResult[] = [];
  eachWellbeingOutcome(orm, period, () => {}, (o) => out.push(o), siteId);
  return out;
}

type WellbeingInputs = Pick<ReturnInputs, 'wellbeing' | 'wellbeingChange' | 'sustained'>;

function wellbeing(orm: Orm, period: Period, siteId: number | null = null): WellbeingInputs {
  const out = new Map<string, { instrument: string; improved: number; followedUp: number; noFollowUp: number; changes: number[] }>();
  const sustained = new Map<string, { instrument: string; improved: number; followedUp: number; changes: number[] }>();
  eachWellbeingOutcome(
    orm,
    period,
    (o) => {
      let entry = out.get(o.instrument);
      if (!entry) out.set(o.instrument, (entry = { instrument: o.instrument, improved: 0, followedUp: 0, noFollowUp: 0, changes: [] }));
      if (o.outcome === 'no_follow_up') entry.noFollowUp++;
      else if (o.outcome) {
        entry.followedUp++;
        entry.changes.push(changeOf(o.baseline, o.latest!));
        if (o.outcome === 'improved') entry.improved++;
      }
    },
    (o) => {
      let entry = sustained.get(o.instrument);
      if (!entry) sustained.set(o.instrument, (entry = { instrument: o.instrument, improved: 0, followedUp: 0, changes: [] }));
      entry.followedUp++;
      entry.changes.push(changeOf(o.baseline, o.latest));
      if (o.improved) entry.improved++;
    },
    siteId,
  );
  const byInstrument = <T extends { instrument: string }>(m: Map<string, T>) => [...m.values()].sort((a, b) => a.instrument.localeCompare(b.instrument));
  const series = byInstrument(out);
  return {
    wellbeing: series.map(({ changes: _c, ...w }) => w),
    wellbeingChange: series.map((w) => ({ instrument: w.instrument, ...meanChange(w.changes) })),
    sustained: byInstrument(sustained).map(({ changes, ...w }) => ({ ...w, change: meanChange(changes) })),
  };
}

/**
 * Each instrument's changes (follow-up − baseline), paired and after closure, by the return's own
 * rule: what a workstation's return data file sums, so a coordinator can combine means.
 */
export function wellbeingChanges(orm: Orm, period: Period): { wellbeing: Map<string, number[]>; sustained: Map<string, number[]> } {
  const wellbeing = new Map<string, number[]>();
  const sustained = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, instrument: string, d: number) => m.set(instrument, [...(m.get(instrument) ?? []), d]);
  eachWellbeingOutcome(
    orm,
    period,
    (o) => {
      if (o.outcome === 'improved' || o.outcome === 'not_improved') push(wellbeing, o.instrument, changeOf(o.baseline, o.latest!));
    },
    (o) => push(sustained, o.instrument, changeOf(o.baseline, o.latest)),
  );
  return { wellbeing, sustained };
}
