// My day: who is waiting, who is booked, what is due, what has gone quiet, what is at risk.
import type { MyDay } from '../../core/domain/myDay';
import type { Settings } from '../../core/domain/settings';
import { isWorkingDay, workingDaysBetween } from '../../core/domain/workingDays';
import type { Orm } from '../types';
import { INACTIVE_SQL, inactiveCutoff, WAITING_SQL } from './people';
import { OVERDUE_AFTER_DAYS } from '../../core/domain/instruments/schedule';

/** Each list is capped for the screen; counts give the whole. */
export const MY_DAY_LIMIT = 50;

/** The date a referral must be received before to have waited more than `days` working days. */
export function overdueBefore(today: string, days: number): string {
  const d = new Date(`${today}T12:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() - 1);
    if (isWorkingDay(d.toISOString().slice(0, 10))) left--;
  }
  return d.toISOString().slice(0, 10);
}

const PERSON = 'p.id AS personId, p.case_id AS caseId, p.preferred_name AS preferredName';

export function getMyDay(orm: Orm, today: string, settings: Settings): MyDay {
  const db = orm.$client;
  const overdue = overdueBefore(today, settings.firstContactOverdueWorkingDays);
  const inactiveBefore = inactiveCutoff(today, settings.inactiveWeeks);
  const count = (sql: string, params: Record<string, unknown> = {}) => (db.prepare(`SELECT count(*) AS n ${sql}`).get(params) as { n: number }).n;

  // Lists join people for names; counts need only the episode (every episode has its person).
  const waitingFrom = `FROM episodes e JOIN people p ON p.id = e.person_id WHERE ${WAITING_SQL}`;
  const waitingCount = `FROM episodes e WHERE ${WAITING_SQL}`;
  const waiting = (
    db
      .prepare(
        `SELECT ${PERSON}, e.id AS episodeId, e.referral_received_on AS referralReceivedOn, e.pathway, e.referral_status AS referralStatus,
                (SELECT count(*) FROM contact_attempts a WHERE a.episode_id = e.id) AS attempts
           ${waitingFrom} ORDER BY e.referral_received_on, e.id LIMIT ${MY_DAY_LIMIT}`,
      )
      .all() as Omit<MyDay['waiting'][number], 'workingDaysWaited' | 'overdue'>[]
  ).map((w) => ({ ...w, workingDaysWaited: workingDaysBetween(w.referralReceivedOn, today), overdue: w.referralReceivedOn < overdue }));

  const plannedWhere = (when: string) => `c.attendance IS NULL AND e.closed_on IS NULL AND ${when}`;
  const plannedFrom = (when: string) => `FROM contacts c JOIN episodes e ON e.id = c.episode_id JOIN people p ON p.id = e.person_id WHERE ${plannedWhere(when)}`;
  const plannedCount = (when: string) => `FROM contacts c JOIN episodes e ON e.id = c.episode_id WHERE ${plannedWhere(when)}`;
  const plannedColumns = `${PERSON}, c.id AS contactId, e.id AS episodeId, c.contact_on AS contactOn, c.start_time AS startTime, c.mode, c.type`;
  const plannedToday = db.prepare(`SELECT ${plannedColumns} ${plannedFrom('c.contact_on = @today')} ORDER BY c.start_time IS NULL, c.start_time LIMIT ${MY_DAY_LIMIT}`).all({ today }) as MyDay['plannedToday'];
  const needsOutcome = db.prepare(`SELECT ${plannedColumns} ${plannedFrom('c.contact_on < @today')} ORDER BY c.contact_on DESC LIMIT ${MY_DAY_LIMIT}`).all({ today }) as MyDay['needsOutcome'];

  const goalsWhere = "g.status = 'open' AND g.review_by IS NOT NULL AND g.review_by <= @today AND e.closed_on IS NULL";
  const goalsFrom = `FROM goals g JOIN episodes e ON e.id = g.episode_id JOIN people p ON p.id = e.person_id WHERE ${goalsWhere}`;
  const goalsCount = `FROM goals g JOIN episodes e ON e.id = g.episode_id WHERE ${goalsWhere}`;
  const goalsDue = db.prepare(`SELECT ${PERSON}, g.id AS goalId, g.description, g.review_by AS reviewBy ${goalsFrom} ORDER BY g.review_by LIMIT ${MY_DAY_LIMIT}`).all({ today }) as MyDay['goalsDue'];

  const inactiveFrom = `FROM episodes e JOIN people p ON p.id = e.person_id WHERE ${INACTIVE_SQL}`;
  const inactiveCount = `FROM episodes e WHERE ${INACTIVE_SQL}`;
  const inactive = (
    db
      .prepare(`SELECT ${PERSON}, e.id AS episodeId, coalesce(e.last_contact_on, e.first_contact_on) AS lastContactOn ${inactiveFrom} ORDER BY lastContactOn LIMIT ${MY_DAY_LIMIT}`)
      .all({ inactiveBefore }) as Omit<MyDay['inactive'][number], 'weeksSince'>[]
  ).map((i) => ({ ...i, weeksSince: i.lastContactOn ? Math.floor((Date.parse(today) - Date.parse(i.lastContactOn)) / (7 * 86_400_000)) : 0 }));

  const risksFrom = 'FROM risk_flags r JOIN people p ON p.id = r.person_id WHERE r.resolved_on IS NULL';
  const risks = (
    db.prepare(`SELECT ${PERSON}, r.id AS riskId, r.raised_on AS raisedOn, r.description, r.escalated ${risksFrom} ORDER BY r.raised_on LIMIT ${MY_DAY_LIMIT}`).all() as (Omit<
      MyDay['risks'][number],
      'escalated'
    > & { escalated: number })[]
  ).map((r) => ({ ...r, escalated: r.escalated === 1 }));

  const assessmentsDue = dueAcrossCaseload(orm, today, settings);

  return {
    today,
    waiting,
    plannedToday,
    needsOutcome,
    goalsDue,
    inactive,
    risks,
    assessmentsDue: assessmentsDue.items,
    counts: {
      assessmentsDue: assessmentsDue.count,
      assessmentsOverdue: assessmentsDue.overdue,
      waiting: count(waitingCount),
      overdue: count(`${waitingCount} AND e.referral_received_on < @overdue`, { overdue }),
      plannedToday: count(plannedCount('c.contact_on = @today'), { today }),
      needsOutcome: count(plannedCount('c.contact_on < @today'), { today }),
      goalsDue: count(goalsCount, { today }),
      inactive: count(inactiveCount, { inactiveBefore }),
      risks: count('FROM risk_flags r WHERE r.resolved_on IS NULL'),
    },
  };
}

/**
 * Assessments due across open, started episodes, oldest first (then by episode and instrument
 * id), with counts. The same rule as
 * core/domain/instruments/schedule (baseline from first contact, then every interval, overdue
 * two weeks after), read from assessment_schedule (kept by triggers, migration 0006): baselines
 * and follow-ups each come from their own partial index in due order, so neither the list nor
 * the counts look up the latest assessment of every open episode. A follow-up falls due `interval`
 * days after the last one, so "due by today" is "last done on or before today − interval" and
 * the index on the last date serves it whatever the interval setting.
 */
function dueAcrossCaseload(orm: Orm, today: string, settings: Settings): { items: MyDay['assessmentsDue']; count: number; overdue: number } {
  if (settings.enabledInstruments.length === 0) return { items: [], count: 0, overdue: 0 };
  const days = settings.assessmentIntervalWeeks * 7;
  const params = {
    instruments: JSON.stringify(settings.enabledInstruments),
    interval: `+${days} days`,
    today,
    // Due on or before today; overdue when the due day plus the grace is before today.
    baselineOverdue: `-${OVERDUE_AFTER_DAYS} days`,
    followUpDue: `-${days} days`,
    followUpOverdue: `-${days + OVERDUE_AFTER_DAYS} days`,
  };
  const db = orm.$client;
  const enabled = 's.instrument IN (SELECT value FROM json_each(@instruments))';
  const baseline = `FROM assessment_schedule s INDEXED BY assessment_schedule_baseline_idx WHERE s.last_completed_on IS NULL AND s.started_on <= @today AND ${enabled}`;
  const followUp = `FROM assessment_schedule s INDEXED BY assessment_schedule_follow_up_idx WHERE s.last_completed_on IS NOT NULL AND s.last_completed_on <= date(@today, @followUpDue) AND ${enabled}`;
  const counts = db
    .prepare(
      `SELECT b.n + f.n AS due, b.late + f.late AS overdue
         FROM (SELECT count(*) AS n, coalesce(sum(s.started_on < date(@today, @baselineOverdue)), 0) AS late ${baseline}) b,
              (SELECT count(*) AS n, coalesce(sum(s.last_completed_on < date(@today, @followUpOverdue)), 0) AS late ${followUp}) f`,
    )
    .get(params) as { due: number; overdue: number };
  if (counts.due === 0) return { items: [], count: 0, overdue: 0 };
  // Each arm walks its index in due order and stops at a screenful; the two are then merged.
  const rows = db
    .prepare(
      `WITH due AS (
         SELECT * FROM (SELECT s.episode_id AS episodeId, s.instrument, 'baseline' AS kind, s.started_on AS dueOn ${baseline} ORDER BY s.started_on, s.episode_id, s.instrument LIMIT ${MY_DAY_LIMIT})
         UNION ALL
         SELECT * FROM (SELECT s.episode_id, s.instrument, 'follow_up', date(s.last_completed_on, @interval) ${followUp} ORDER BY s.last_completed_on, s.episode_id, s.instrument LIMIT ${MY_DAY_LIMIT}))
       SELECT ${PERSON}, d.episodeId, d.instrument, d.kind, d.dueOn, date(d.dueOn, '+${OVERDUE_AFTER_DAYS} days') < @today AS overdue
         FROM due d JOIN episodes e ON e.id = d.episodeId JOIN people p ON p.id = e.person_id
        ORDER BY d.dueOn, d.episodeId, d.instrument LIMIT ${MY_DAY_LIMIT}`,
    )
    .all(params) as (Omit<MyDay['assessmentsDue'][number], 'overdue'> & { overdue: number })[];
  return { items: rows.map((r) => ({ ...r, overdue: r.overdue === 1 })), count: counts.due, overdue: counts.overdue };
}
