// The raw counts behind the monthly return and the in-app reports. Suppression happens in
// core/domain/export/monthlyReturn; these are the true numbers and never leave the app as they are.
import { ageBand } from '../../core/domain/age';
import type { CountGroup, ReturnInputs } from '../../core/domain/export/monthlyReturn';
import type { Period } from '../../core/domain/export/periods';
import { INSTRUMENTS } from '../../core/domain/instruments/definitions';
import type { InstrumentId } from '../../core/domain/instruments/types';
import type { Orm } from '../workspace';

type Count = { category: string | null; n: number };

function group(measure: string, breakdown: string, rows: Count[]): CountGroup {
  const categories = rows.map((r) => ({ category: r.category ?? 'not_recorded', count: r.n })).sort((a, b) => a.category.localeCompare(b.category));
  return { measure, breakdown, categories, total: categories.reduce((a, c) => a + c.count, 0) };
}

/** The selections each figure counts; drillDown.ts lists the same rows, so the two agree. */
export const REFERRALS_IN = 'FROM episodes e WHERE e.referral_received_on BETWEEN @start AND @end';
export const REFERRAL_BREAKDOWNS: Record<string, string> = { source: 'e.referral_source', pathway: 'e.pathway' };
export const ATTENDED_IN = "FROM contacts c WHERE c.contact_on BETWEEN @start AND @end AND c.attendance = 'attended'";
export const NOT_ATTENDED_IN = "FROM contacts c WHERE c.contact_on BETWEEN @start AND @end AND c.attendance = 'dna'";
export const CONTACT_BREAKDOWNS: Record<string, string> = { type: 'c.type', mode: 'c.mode' };
/** Narrows REFERRALS_IN to the newly diagnosed. */
export const NEWLY_DIAGNOSED = ' AND e.newly_diagnosed = 1';
export const GROUPS_IN = 'FROM group_events g JOIN group_participants gp ON gp.event_id = g.id WHERE g.held_on BETWEEN @start AND @end';

export interface SupportedPerson {
  personId: number;
  gender: string | null;
  ethnicity: string | null;
  orientation: string | null;
  borough: string | null;
  dob: string;
  /** Their first attended contact ever, and their first in the period. */
  firstEver: string;
  firstInPeriod: string;
}

/** People supported: an attended contact in the period. New: their first ever attended contact. */
export function supportedPeople(orm: Orm, period: Period): SupportedPerson[] {
  return orm.$client
    .prepare(
      `WITH seen AS (
         SELECT e.person_id AS personId, min(c.contact_on) AS firstInPeriod
           FROM contacts c JOIN episodes e ON e.id = c.episode_id
          WHERE c.attendance = 'attended' AND c.contact_on BETWEEN @start AND @end GROUP BY e.person_id)
       SELECT s.personId, s.firstInPeriod, p.gender_identity AS gender, p.ethnic_category AS ethnicity, p.sexual_orientation AS orientation, p.borough, p.date_of_birth AS dob,
              (SELECT min(c2.contact_on) FROM contacts c2 JOIN episodes e2 ON e2.id = c2.episode_id WHERE e2.person_id = s.personId AND c2.attendance = 'attended') AS firstEver
         FROM seen s JOIN people p ON p.id = s.personId`,
    )
    .all({ start: period.start, end: period.end }) as SupportedPerson[];
}

/** Each breakdown of people supported: the category a person falls in (null: not recorded). */
export const SUPPORTED_BREAKDOWNS: Record<string, (x: SupportedPerson, period: Period) => string | null> = {
  new_or_continuing: (x, period) => (x.firstEver >= period.start ? 'new' : 'continuing'),
  gender_identity: (x) => x.gender,
  ethnic_category: (x) => x.ethnicity,
  sexual_orientation: (x) => x.orientation,
  age_band: (x, period) => ageBand(x.dob, period.end),
  borough: (x) => x.borough,
};

export function returnInputs(orm: Orm, period: Period): ReturnInputs {
  const db = orm.$client;
  const p = { start: period.start, end: period.end };
  const counts = (sql: string) => db.prepare(sql).all(p) as Count[];
  const people = supportedPeople(orm, period);
  const tally = (breakdown: string): Count[] => {
    const m = new Map<string | null, number>();
    for (const x of people) {
      const v = SUPPORTED_BREAKDOWNS[breakdown](x, period);
      m.set(v, (m.get(v) ?? 0) + 1);
    }
    return [...m.entries()].map(([category, n]) => ({ category, n }));
  };
  const attendance = db
    .prepare("SELECT sum(attendance = 'attended') AS attended, sum(attendance = 'dna') AS dna FROM contacts WHERE contact_on BETWEEN @start AND @end")
    .get(p) as { attended: number | null; dna: number | null };
  const nd = db
    .prepare(`SELECT count(*) AS offered, coalesce(sum(e.referral_status = 'engaged'), 0) AS engaged ${REFERRALS_IN}${NEWLY_DIAGNOSED}`)
    .get(p) as { offered: number; engaged: number };
  const groupRows = db
    .prepare(
      `SELECT g.type AS category, coalesce(sum(gp.registered = 1), 0) AS registered, coalesce(sum(gp.attended = 1), 0) AS attended
         FROM group_events g LEFT JOIN group_participants gp ON gp.event_id = g.id
        WHERE g.held_on BETWEEN @start AND @end GROUP BY g.type`,
    )
    .all(p) as { category: string; registered: number; attended: number }[];
  const referralsBy = (breakdown: string) => group('referrals_received', breakdown, counts(`SELECT ${REFERRAL_BREAKDOWNS[breakdown]} AS category, count(*) AS n ${REFERRALS_IN} GROUP BY 1`));
  const contactsBy = (breakdown: string) => group('contacts_attended', breakdown, counts(`SELECT ${CONTACT_BREAKDOWNS[breakdown]} AS category, count(*) AS n ${ATTENDED_IN} GROUP BY 1`));

  return {
    groups: [
      referralsBy('source'),
      referralsBy('pathway'),
      group('people_supported', 'new_or_continuing', tally('new_or_continuing')),
      contactsBy('type'),
      contactsBy('mode'),
      group('group_registrations', 'event_type', groupRows.map((g) => ({ category: g.category, n: g.registered }))),
      group('group_attendance', 'event_type', groupRows.map((g) => ({ category: g.category, n: g.attended }))),
      ...['gender_identity', 'ethnic_category', 'sexual_orientation', 'age_band', 'borough'].map((b) => group('people_supported', b, tally(b))),
    ],
    attended: attendance.attended ?? 0,
    dna: attendance.dna ?? 0,
    peopleSupported: people.length,
    newlyDiagnosedOffered: nd.offered,
    newlyDiagnosedEngaged: nd.engaged,
    wellbeing: wellbeing(orm, period),
  };
}

export type WellbeingOutcome = 'improved' | 'not_improved' | 'no_follow_up';

/**
 * Per episode and instrument: whether its latest assessment in the period is a follow-up that
 * improved meaningfully on the primary score (or not), or the episode closed in the period with
 * only a baseline. Episodes that are neither have no outcome but still put the instrument on
 * the return (with zeros), as it was used in the period.
 */
export function wellbeingOutcomes(orm: Orm, period: Period): { episodeId: number; instrument: InstrumentId; outcome: WellbeingOutcome | null; on: string }[] {
  const rows = orm.$client
    .prepare(
      `SELECT a.episode_id AS episodeId, a.instrument, a.completed_on AS completedOn, a.primary_score AS score, e.closed_on AS closedOn
         FROM assessments a JOIN episodes e ON e.id = a.episode_id
        WHERE a.completed_on <= @end AND a.episode_id IN (
              SELECT episode_id FROM assessments WHERE completed_on BETWEEN @start AND @end
              UNION SELECT id FROM episodes WHERE closed_on BETWEEN @start AND @end)
        ORDER BY a.episode_id, a.instrument, a.completed_on, a.id`,
    )
    .all({ start: period.start, end: period.end }) as { episodeId: number; instrument: InstrumentId; completedOn: string; score: number; closedOn: string | null }[];
  const series = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.episodeId}|${r.instrument}`;
    const list = series.get(key);
    if (list) list.push(r);
    else series.set(key, [r]);
  }
  const out: { episodeId: number; instrument: InstrumentId; outcome: WellbeingOutcome | null; on: string }[] = [];
  for (const list of series.values()) {
    const def = INSTRUMENTS[list[0].instrument];
    const score = def.scores.find((s) => s.id === def.primaryScore)!;
    const last = list[list.length - 1];
    const base = { episodeId: last.episodeId, instrument: def.id };
    if (list.length > 1 && last.completedOn >= period.start) {
      const better = (last.score - list[0].score) * (score.higherIsBetter ? 1 : -1);
      out.push({ ...base, outcome: better >= score.meaningfulChange ? 'improved' : 'not_improved', on: last.completedOn });
    } else if (list.length === 1 && last.closedOn && last.closedOn >= period.start && last.closedOn <= period.end) {
      out.push({ ...base, outcome: 'no_follow_up', on: last.closedOn });
    } else out.push({ ...base, outcome: null, on: last.completedOn });
  }
  return out;
}

function wellbeing(orm: Orm, period: Period): ReturnInputs['wellbeing'] {
  const out = new Map<string, { instrument: string; improved: number; followedUp: number; noFollowUp: number }>();
  for (const o of wellbeingOutcomes(orm, period)) {
    const entry = out.get(o.instrument) ?? { instrument: o.instrument, improved: 0, followedUp: 0, noFollowUp: 0 };
    if (o.outcome === 'no_follow_up') entry.noFollowUp++;
    else if (o.outcome) {
      entry.followedUp++;
      if (o.outcome === 'improved') entry.improved++;
    }
    out.set(o.instrument, entry);
  }
  return [...out.values()].sort((a, b) => a.instrument.localeCompare(b.instrument));
}
