// The records behind one figure of the monthly return. Every list is built from the selection
// its count uses (returns.ts), so "Show the people" always lists exactly what the figure counts.
import { attendance, goalArea, pathway, referralStatus, signpostingOutcome } from '../../core/domain/codes';
import type { ListKey } from '../../core/domain/programmeLists';
import { workingDaysBetween } from '../../core/domain/workingDays';
import { allListLabels } from './programmeLists';
import { DRILL_LIMIT, type DrillDownRequest, type DrillResult, type DrillRow } from '../../core/domain/export/drill';
import type { Period } from '../../core/domain/export/periods';
import { DomainError } from '../../core/domain/result';
import type { Orm } from '../types';
import {
  ATTENDED_IN,
  CONTACT_BREAKDOWNS,
  ENGAGED,
  GROUPS_IN,
  NEWLY_DIAGNOSED,
  NOT_ATTENDED_IN,
  REFERRALS_IN,
  REFERRAL_BREAKDOWNS,
  SUPPORTED_BREAKDOWNS,
  episodeAtSite,
  eventAtSite,
  personAtSite,
  returnParams,
  supportedPeople,
  sustainedOutcomes,
  wellbeingOutcomes,
} from './returns';
import { INSTRUMENTS } from '../../core/domain/instruments/definitions';
import { categoryOf, findSelection, siteFilter, type Selection } from './returnMeasures';

const NOT_RECORDED = 'not_recorded';

/** Each of issue 15's measures by its first breakdown (all its records). */
const SELECTION_BREAKDOWN: Record<string, string> = {
  contacts_cancelled: 'by',
  events_held: 'event_type',
  signposting_made: 'category',
  closures: 'reason',
  waiting_list_at_period_end: 'pathway',
  first_contact: 'target',
  opt_out_offered: 'outcome_at_period_end',
  engagement_with_care: 'clinic_appointments',
  reengaged_in_care: 'pathway',
  goals_set: 'area',
  goals_achieved: 'area',
  open_caseload_at_period_end: 'pathway',
};

/** The request with its period labelled (the handler adds the label). */
type Request = DrillDownRequest & { period: Period };

function unknownBreakdown(): never {
  throw new DomainError('VALIDATION', 'This figure cannot be broken down that way.', { breakdown: 'This figure cannot be broken down that way.' });
}

/** " AND column = @category" (or IS NULL for "not recorded"), checked against the allowed columns. */
function categoryFilter(columns: Record<string, string>, req: DrillDownRequest): string {
  if (!req.breakdown) return '';
  // Own properties only: a name such as "constructor" is no breakdown.
  const column = Object.hasOwn(columns, req.breakdown) ? columns[req.breakdown] : undefined;
  if (!column) unknownBreakdown();
  if (!req.category) return '';
  return req.category === NOT_RECORDED ? ` AND ${column} IS NULL` : ` AND ${column} = @category`;
}

type Raw = { personId: number | null; caseId: string | null; preferredName: string | null; on: string | null; a: string | null; b: string | null; c: number | null };

const PERSON = 'p.id AS personId, p.case_id AS caseId, p.preferred_name AS preferredName';

function select(orm: Orm, sql: string, req: DrillDownRequest): Raw[] {
  return orm.$client.prepare(sql).all({ ...returnParams(req.period, req.siteId ?? null), category: req.category ?? null }) as Raw[];
}

const site = (req: DrillDownRequest) => ({ siteId: req.siteId ?? null });

const joinWords = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(' · ');

function referrals(orm: Orm, req: DrillDownRequest, extra = ''): DrillRow[] {
  const rows = select(
    orm,
    `SELECT ${PERSON}, e.referral_received_on AS "on", e.referral_source AS a, e.pathway AS b, e.newly_diagnosed AS c, e.referral_status AS status
       ${REFERRALS_IN.replace('FROM episodes e', 'FROM episodes e JOIN people p ON p.id = e.person_id')}${extra}${personAtSite('e.person_id', site(req))}${categoryFilter(REFERRAL_BREAKDOWNS, req)}
      ORDER BY e.referral_received_on DESC, e.id DESC`,
    req,
  ) as (Raw & { status: string })[];
  const label = allListLabels(orm.$client);
  return rows.map((r) => ({
    ...person(r),
    what: joinWords(r.a && label('referral_source', r.a), pathway.label(r.b), r.c === 1 && 'Newly diagnosed', referralStatus.label(r.status)),
  }));
}

function contacts(orm: Orm, req: DrillDownRequest, selection: string): DrillRow[] {
  const rows = select(
    orm,
    `SELECT ${PERSON}, c.contact_on AS "on", c.type AS a, c.mode AS b, NULL AS c, c.attendance AS status
       ${selection.replace('FROM contacts c', 'FROM contacts c JOIN episodes e ON e.id = c.episode_id JOIN people p ON p.id = e.person_id')}${episodeAtSite('c.episode_id', site(req))}${categoryFilter(CONTACT_BREAKDOWNS, req)}
      ORDER BY c.contact_on DESC, c.id DESC`,
    req,
  ) as (Raw & { status: string })[];
  const label = allListLabels(orm.$client);
  return rows.map((r) => ({ ...person(r), what: joinWords(r.a && label('contact_type', r.a), r.b && label('contact_mode', r.b), attendance.label(r.status)) }));
}

function groups(orm: Orm, req: DrillDownRequest, attended: boolean): DrillRow[] {
  const rows = select(
    orm,
    `SELECT ${PERSON}, g.held_on AS "on", g.type AS a, g.title AS b, NULL AS c
       ${GROUPS_IN.replace('JOIN group_participants gp ON gp.event_id = g.id', 'JOIN group_participants gp ON gp.event_id = g.id JOIN people p ON p.id = gp.person_id')}
        AND ${attended ? 'gp.attended = 1' : 'gp.registered = 1'}${eventAtSite(site(req))}${categoryFilter({ event_type: 'g.type' }, req)}
      ORDER BY g.held_on DESC, g.id DESC, p.id`,
    req,
  );
  const label = allListLabels(orm.$client);
  return rows.map((r) => ({ ...person(r), what: joinWords(r.a && label('event_type', r.a), r.b) }));
}

function supported(orm: Orm, req: Request): DrillRow[] {
  const by = req.breakdown ? (Object.hasOwn(SUPPORTED_BREAKDOWNS, req.breakdown) ? SUPPORTED_BREAKDOWNS[req.breakdown] : unknownBreakdown()) : null;
  const chosen = supportedPeople(orm, req.period, req.siteId ?? null).filter((x) => !by || !req.category || (by(x, req.period) ?? NOT_RECORDED) === req.category);
  if (chosen.length === 0) return [];
  const ids = new Map(chosen.map((x) => [x.personId, x]));
  const names = orm.$client
    .prepare(`SELECT ${PERSON} FROM people p WHERE p.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify([...ids.keys()])) as { personId: number; caseId: string; preferredName: string }[];
  return names
    .map((n) => {
      const x = ids.get(n.personId)!;
      const isNew = SUPPORTED_BREAKDOWNS.new_or_continuing(x, req.period) === 'new';
      return { ...n, on: x.firstInPeriod, what: isNew ? 'First supported in this period' : 'Supported before this period too' };
    })
    .sort((a, b) => b.on.localeCompare(a.on) || b.personId - a.personId);
}

const WELLBEING_CATEGORIES = ['improved', 'followed_up', 'no_follow_up', 'with_baseline'];
const SUSTAINED_CATEGORIES = ['improved', 'followed_up_after_closure'];

/** Each episode's person, for the episodes a wellbeing figure counts. */
function peopleOfEpisodes(orm: Orm, episodeIds: number[]) {
  const rows = orm.$client
    .prepare(`SELECT e.id AS episodeId, ${PERSON} FROM episodes e JOIN people p ON p.id = e.person_id WHERE e.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify([...new Set(episodeIds)])) as { episodeId: number; personId: number; caseId: string; preferredName: string }[];
  return new Map(rows.map(({ episodeId, ...who }) => [episodeId, who]));
}

const score = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
/** "14 → 6 (−8)": the pair and its change, as the mean change is worked out from them. */
function pairWords(baseline: number, latest: number): string {
  const change = Math.round((latest - baseline) * 100) / 100;
  return `${score(baseline)} → ${score(latest)} (${change > 0 ? '+' : change < 0 ? '−' : '±'}${score(Math.abs(change))})`;
}

function wellbeing(orm: Orm, req: Request): DrillRow[] {
  if (req.breakdown && !Object.hasOwn(INSTRUMENTS, req.breakdown)) unknownBreakdown();
  if (req.category && !WELLBEING_CATEGORIES.includes(req.category)) unknownBreakdown();
  const followedUp = (o: string) => o === 'improved' || o === 'not_improved';
  const wanted = (o: string | null) =>
    o !== null &&
    (!req.category ||
      req.category === o ||
      (req.category === 'followed_up' && followedUp(o)) ||
      (req.category === 'with_baseline' && (followedUp(o) || o === 'no_follow_up')));
  const chosen = wellbeingOutcomes(orm, req.period, req.siteId ?? null).filter((o) => (!req.breakdown || o.instrument === req.breakdown) && wanted(o.outcome));
  if (chosen.length === 0) return [];
  const people = peopleOfEpisodes(orm, chosen.map((o) => o.episodeId));
  const words = { improved: 'Improved by its rule', not_improved: 'Followed up, not improved by its rule', no_follow_up: 'Closed with only a baseline' } as const;
  return chosen
    .map((o) => ({
      ...people.get(o.episodeId)!,
      on: o.on,
      what: joinWords(INSTRUMENTS[o.instrument].shortName, o.latest !== null && pairWords(o.baseline, o.latest), words[o.outcome!]),
    }))
    .sort((a, b) => b.on.localeCompare(a.on) || b.personId - a.personId);
}

function sustained(orm: Orm, req: Request): DrillRow[] {
  if (req.breakdown && !Object.hasOwn(INSTRUMENTS, req.breakdown)) unknownBreakdown();
  if (req.category && !SUSTAINED_CATEGORIES.includes(req.category)) unknownBreakdown();
  const chosen = sustainedOutcomes(orm, req.period, req.siteId ?? null).filter((o) => (!req.breakdown || o.instrument === req.breakdown) && (req.category !== 'improved' || o.improved));
  if (chosen.length === 0) return [];
  const people = peopleOfEpisodes(orm, chosen.map((o) => o.episodeId));
  return chosen
    .map((o) => ({
      ...people.get(o.episodeId)!,
      on: o.on,
      what: joinWords(INSTRUMENTS[o.instrument].shortName, 'Follow-up after closure', pairWords(o.baseline, o.latest), o.improved ? 'Still improved by its rule' : 'Not improved by its rule'),
    }))
    .sort((a, b) => b.on.localeCompare(a.on) || b.personId - a.personId);
}

/** What a record of one of issue 15's selections is, in words (the programme lists' labels as they are now). */
function selectionWords(s: Selection, r: Raw & { category: string | null }, labels: ReturnType<typeof allListLabels>): string {
  const label = (list: ListKey, code: string | null) => code && labels(list, code);
  switch (s.kind) {
    case 'support_type':
      return joinWords(label('contact_type', r.a), 'Attended in this period');
    case 'referral':
      return joinWords(label('referral_source', r.a), pathway.label(r.b), s.measure === 'opt_out_offered' && OPT_OUT_WORDS[r.category ?? '']);
    case 'contact':
      return joinWords(label('contact_type', r.a), s.breakdown === 'site' ? label('contact_mode', r.b) : attendance.label(r.b));
    case 'event':
      return joinWords(label('event_type', r.a), r.b, s.breakdown === 'mode' && label('event_mode', r.category));
    case 'registration':
      return joinWords(label('event_type', r.a), r.b, r.category === 'attended' ? 'Registered and came' : r.category === 'dropped_out' ? 'Registered, did not come' : 'Attendance not recorded');
    case 'signposting':
      return joinWords(label('signposting_category', r.a), signpostingOutcome.label(r.b));
    case 'closure':
      return joinWords('Closed', label('closure_reason', r.a));
    case 'episode':
      return joinWords(pathway.label(r.a), label('referral_source', r.b));
    case 'first_contact': {
      const days = workingDaysBetween(r.a!, r.b!);
      return joinWords(`Referred ${r.a!.split('-').reverse().join('/')}`, `${days} working ${days === 1 ? 'day' : 'days'} to first contact`);
    }
    case 'engagement':
      return joinWords(`Clinic appointments kept: ${r.a ?? 'not recorded'}`, `missed: ${r.b ?? 'not recorded'}`);
    case 'goal':
      return joinWords(goalArea.label(r.a), r.b);
  }
}

const OPT_OUT_WORDS: Record<string, string> = {
  accepted: 'Accepted by the period’s end',
  declined: 'Declined by the period’s end',
  not_contactable: 'Not contactable by the period’s end',
  no_outcome_yet: 'No outcome yet at the period’s end',
};

/** The records behind one of issue 15's figures, from the selection its count uses. */
function selected(orm: Orm, s: Selection, req: Request): DrillRow[] {
  const params = { ...returnParams(req.period, req.siteId ?? null), category: req.category ?? null };
  const category = categoryOf(s);
  const sql = `SELECT p.id AS personId, p.case_id AS caseId, p.preferred_name AS preferredName, ${s.on} AS "on", ${s.a} AS a, ${s.b} AS b, ${category} AS category
       ${s.from}${siteFilter(s, params)}${req.category && !s.classify ? ` AND coalesce(${category}, '${NOT_RECORDED}') = @category` : ''}
      ORDER BY 4 DESC, 1 DESC`;
  const rows = (orm.$client.prepare(sql).all(params) as (Raw & { category: string | null })[])
    .map((r) => (s.classify ? { ...r, category: s.classify(r.a!, r.b!) } : r))
    .filter((r) => !s.classify || !req.category || r.category === req.category);
  const labels = allListLabels(orm.$client);
  return rows.map((r) => ({ ...person(r), what: selectionWords(s, r, labels) }));
}

function person(r: Raw): Omit<DrillRow, 'what'> {
  return { personId: r.personId, caseId: r.caseId, preferredName: r.preferredName, on: r.on };
}

function rowsFor(orm: Orm, req: Request): DrillRow[] {
  const s = findSelection(req.measure, req.breakdown);
  // People by support type: the whole figure is the people supported (one may have had several types).
  if (s?.overlapping && !req.category) return supported(orm, { ...req, breakdown: undefined });
  if (s) return selected(orm, s, req);
  // A new measure asked for without a breakdown: its first breakdown lists every record it counts.
  const first = req.breakdown ? undefined : findSelection(req.measure, SELECTION_BREAKDOWN[req.measure]);
  if (first) return selected(orm, first, req);
  switch (req.measure) {
    case 'referrals_received':
      return referrals(orm, req);
    case 'newly_diagnosed_offered':
      return referrals(orm, req, ` AND ${NEWLY_DIAGNOSED}`);
    case 'newly_diagnosed_engaged':
      return referrals(orm, req, ` AND ${NEWLY_DIAGNOSED} AND ${ENGAGED}`);
    case 'contacts_attended':
      return contacts(orm, req, ATTENDED_IN);
    case 'contacts_not_attended':
      return contacts(orm, req, NOT_ATTENDED_IN);
    case 'people_supported':
      return supported(orm, req);
    case 'improved_wellbeing':
      return wellbeing(orm, req);
    case 'sustained_wellbeing':
      return sustained(orm, req);
    case 'group_registrations':
      return groups(orm, req, false);
    case 'group_attendance':
      return groups(orm, req, true);
    default:
      return unknownBreakdown();
  }
}

export function drillDown(orm: Orm, req: DrillDownRequest & { period: Period }): DrillResult {
  const rows = rowsFor(orm, req);
  return { total: rows.length, rows: rows.slice(0, DRILL_LIMIT) };
}
