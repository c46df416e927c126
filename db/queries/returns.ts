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

export function returnInputs(orm: Orm, period: Period): ReturnInputs {
  const db = orm.$client;
  const p = { start: period.start, end: period.end };
  const counts = (sql: string) => db.prepare(sql).all(p) as Count[];

  const referrals = 'FROM episodes e WHERE e.referral_received_on BETWEEN @start AND @end';
  // People supported: an attended contact in the period. New: their first ever attended contact.
  const supported = `WITH seen AS (
      SELECT e.person_id AS personId, min(c.contact_on) AS firstInPeriod
        FROM contacts c JOIN episodes e ON e.id = c.episode_id
       WHERE c.attendance = 'attended' AND c.contact_on BETWEEN @start AND @end GROUP BY e.person_id)`;
  const people = db
    .prepare(
      `${supported}
       SELECT s.personId, p.gender_identity AS gender, p.ethnic_category AS ethnicity, p.sexual_orientation AS orientation, p.borough, p.date_of_birth AS dob,
              (SELECT min(c2.contact_on) FROM contacts c2 JOIN episodes e2 ON e2.id = c2.episode_id WHERE e2.person_id = s.personId AND c2.attendance = 'attended') AS firstEver
         FROM seen s JOIN people p ON p.id = s.personId`,
    )
    .all(p) as { personId: number; gender: string | null; ethnicity: string | null; orientation: string | null; borough: string | null; dob: string; firstEver: string }[];
  const tally = (values: (string | null)[]): Count[] => {
    const m = new Map<string | null, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m.entries()].map(([category, n]) => ({ category, n }));
  };

  const contactsIn = "FROM contacts c WHERE c.contact_on BETWEEN @start AND @end AND c.attendance = 'attended'";
  const attendance = db
    .prepare("SELECT sum(attendance = 'attended') AS attended, sum(attendance = 'dna') AS dna FROM contacts WHERE contact_on BETWEEN @start AND @end")
    .get(p) as { attended: number | null; dna: number | null };
  const nd = db
    .prepare(`SELECT count(*) AS offered, coalesce(sum(e.referral_status = 'engaged'), 0) AS engaged ${referrals} AND e.newly_diagnosed = 1`)
    .get(p) as { offered: number; engaged: number };
  const groupRows = db
    .prepare(
      `SELECT g.type AS category, coalesce(sum(gp.registered = 1), 0) AS registered, coalesce(sum(gp.attended = 1), 0) AS attended
         FROM group_events g LEFT JOIN group_participants gp ON gp.event_id = g.id
        WHERE g.held_on BETWEEN @start AND @end GROUP BY g.type`,
    )
    .all(p) as { category: string; registered: number; attended: number }[];

  return {
    groups: [
      group('referrals_received', 'source', counts(`SELECT e.referral_source AS category, count(*) AS n ${referrals} GROUP BY 1`)),
      group('referrals_received', 'pathway', counts(`SELECT e.pathway AS category, count(*) AS n ${referrals} GROUP BY 1`)),
      group('people_supported', 'new_or_continuing', tally(people.map((x) => (x.firstEver >= period.start ? 'new' : 'continuing')))),
      group('contacts_attended', 'type', counts(`SELECT c.type AS category, count(*) AS n ${contactsIn} GROUP BY 1`)),
      group('contacts_attended', 'mode', counts(`SELECT c.mode AS category, count(*) AS n ${contactsIn} GROUP BY 1`)),
      group('group_registrations', 'event_type', groupRows.map((g) => ({ category: g.category, n: g.registered }))),
      group('group_attendance', 'event_type', groupRows.map((g) => ({ category: g.category, n: g.attended }))),
      group('people_supported', 'gender_identity', tally(people.map((x) => x.gender))),
      group('people_supported', 'ethnic_category', tally(people.map((x) => x.ethnicity))),
      group('people_supported', 'sexual_orientation', tally(people.map((x) => x.orientation))),
      group('people_supported', 'age_band', tally(people.map((x) => ageBand(x.dob, period.end)))),
      group('people_supported', 'borough', tally(people.map((x) => x.borough))),
    ],
    attended: attendance.attended ?? 0,
    dna: attendance.dna ?? 0,
    peopleSupported: people.length,
    newlyDiagnosedOffered: nd.offered,
    newlyDiagnosedEngaged: nd.engaged,
    wellbeing: wellbeing(orm, period),
  };
}

/**
 * Per instrument, episodes whose latest assessment in the period is a follow-up: improved
 * meaningfully on the primary score or not; and episodes closed in the period with only a baseline.
 */
function wellbeing(orm: Orm, period: Period): ReturnInputs['wellbeing'] {
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
  const out = new Map<string, { instrument: string; improved: number; followedUp: number; noFollowUp: number }>();
  const key = (r: (typeof rows)[number]) => `${r.episodeId}|${r.instrument}`;
  const series = new Map<string, typeof rows>();
  for (const r of rows) series.set(key(r), [...(series.get(key(r)) ?? []), r]);
  for (const list of series.values()) {
    const def = INSTRUMENTS[list[0].instrument];
    const score = def.scores.find((s) => s.id === def.primaryScore)!;
    const entry = out.get(def.id) ?? { instrument: def.id, improved: 0, followedUp: 0, noFollowUp: 0 };
    const last = list[list.length - 1];
    if (list.length > 1 && last.completedOn >= period.start) {
      entry.followedUp++;
      const better = (last.score - list[0].score) * (score.higherIsBetter ? 1 : -1);
      if (better >= score.meaningfulChange) entry.improved++;
    } else if (list.length === 1 && last.closedOn && last.closedOn >= period.start && last.closedOn <= period.end) {
      entry.noFollowUp++;
    }
    out.set(def.id, entry);
  }
  return [...out.values()].sort((a, b) => a.instrument.localeCompare(b.instrument));
}
