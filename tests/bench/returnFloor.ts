// The floor for the monthly report (reports.monthly, db/queries/returns.ts): the same aggregates
// as one hand-written SQL statement per group, with the counting and the wellbeing comparison
// done inside SQLite. Run for the period and the one before, as the report is.
import type { Database } from 'better-sqlite3';
import { AGE_BANDS } from '../../core/domain/codes';
import type { Period } from '../../core/domain/export/periods';
import { INSTRUMENTS } from '../../core/domain/instruments/definitions';

const ageBandSql = (dob: string, on: string) =>
  `CASE ${AGE_BANDS.map((b) => `WHEN (CAST(substr(${on}, 1, 4) AS INTEGER) - CAST(substr(${dob}, 1, 4) AS INTEGER) - (substr(${on}, 6, 5) < substr(${dob}, 6, 5))) BETWEEN ${b.min} AND ${b.max} THEN '${b.code}'`).join(' ')} ELSE 'Not known' END`;

// Per instrument: the direction of "better" and the meaningful change on its primary score.
const rules = Object.values(INSTRUMENTS)
  .map((def) => {
    const s = def.scores.find((x) => x.id === def.primaryScore)!;
    return `SELECT '${def.id}' AS instrument, ${s.higherIsBetter ? 1 : -1} AS direction, ${s.meaningfulChange} AS threshold`;
  })
  .join(' UNION ALL ');

const SQL = {
  referrals: `SELECT referral_source, pathway, count(*), sum(newly_diagnosed = 1), sum(newly_diagnosed = 1 AND referral_status = 'engaged')
                FROM episodes WHERE referral_received_on BETWEEN @start AND @end GROUP BY 1, 2`,
  contacts: `SELECT type, mode, attendance, count(*) FROM contacts WHERE contact_on BETWEEN @start AND @end GROUP BY 1, 2, 3`,
  people: `WITH seen AS (SELECT DISTINCT e.person_id AS id FROM contacts c JOIN episodes e ON e.id = c.episode_id
                      WHERE c.attendance = 'attended' AND c.contact_on BETWEEN @start AND @end),
                first AS (SELECT e.person_id AS id, min(c.contact_on) AS first FROM contacts c JOIN episodes e ON e.id = c.episode_id
                      WHERE c.attendance = 'attended' AND e.person_id IN (SELECT id FROM seen) GROUP BY e.person_id)
           SELECT p.gender_identity, p.ethnic_category, p.sexual_orientation, p.borough, ${ageBandSql('p.date_of_birth', '@end')}, f.first >= @start, count(*)
             FROM seen s JOIN people p ON p.id = s.id JOIN first f ON f.id = s.id GROUP BY 1, 2, 3, 4, 5, 6`,
  groups: `SELECT g.type, coalesce(sum(gp.registered = 1), 0), coalesce(sum(gp.attended = 1), 0)
             FROM group_events g LEFT JOIN group_participants gp ON gp.event_id = g.id WHERE g.held_on BETWEEN @start AND @end GROUP BY 1`,
  wellbeing: `WITH rules AS (${rules}),
                episodes_in AS (SELECT episode_id FROM assessments WHERE completed_on BETWEEN @start AND @end UNION SELECT id FROM episodes WHERE closed_on BETWEEN @start AND @end),
                series AS (SELECT a.instrument, a.completed_on, a.primary_score, e.closed_on,
                                  row_number() OVER w AS n, count(*) OVER (PARTITION BY a.episode_id, a.instrument) AS total,
                                  first_value(a.primary_score) OVER w AS baseline
                             FROM assessments a JOIN episodes e ON e.id = a.episode_id
                            WHERE a.completed_on <= @end AND a.episode_id IN (SELECT episode_id FROM episodes_in)
                           WINDOW w AS (PARTITION BY a.episode_id, a.instrument ORDER BY a.completed_on, a.id))
              SELECT s.instrument,
                     sum(s.total > 1 AND s.completed_on >= @start AND (s.primary_score - s.baseline) * r.direction >= r.threshold),
                     sum(s.total > 1 AND s.completed_on >= @start),
                     sum(s.total = 1 AND s.closed_on BETWEEN @start AND @end)
                FROM series s JOIN rules r ON r.instrument = s.instrument WHERE s.n = s.total GROUP BY s.instrument`,
};

/** Prepares the statements once; the returned function runs them for a period and the one before. */
export function returnFloor(db: Database): (period: Period, before: Period) => number {
  const statements = Object.values(SQL).map((sql) => db.prepare(sql).raw());
  return (period, before) => {
    let rows = 0;
    for (const p of [period, before]) for (const s of statements) rows += s.all({ start: p.start, end: p.end }).length;
    return rows;
  };
}
