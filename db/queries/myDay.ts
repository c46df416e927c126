// My day: who is waiting, who is booked, what is due, what has gone quiet, what is at risk.
import type { MyDay } from '../../core/domain/myDay';
import type { Settings } from '../../core/domain/settings';
import { isWorkingDay, workingDaysBetween } from '../../core/domain/workingDays';
import type { Orm } from '../workspace';
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
 * Assessments due across open, started episodes, oldest first, with counts. The same rule as
 * core/domain/instruments/schedule (baseline from first contact, then every interval, overdue
 * two weeks after), worked out in SQL so a large caseload is not walked in JavaScript.
 */
function dueAcrossCaseload(orm: Orm, today: string, settings: Settings): { items: MyDay['assessmentsDue']; count: number; overdue: number } {
  if (settings.enabledInstruments.length === 0) return { items: [], count: 0, overdue: 0 };
  const params = {
    instruments: JSON.stringify(settings.enabledInstruments),
    interval: `+${settings.assessmentIntervalWeeks * 7} days`,
    grace: `+${OVERDUE_AFTER_DAYS} days`,
    today,
  };
  // The inactive index holds exactly the open, started episodes.
  const dated = `WITH due AS (
      SELECT e.id AS episodeId, e.person_id AS personId, i.value AS instrument, e.first_contact_on AS first,
             (SELECT max(a.completed_on) FROM assessments a WHERE a.episode_id = e.id AND a.instrument = i.value) AS last
        FROM episodes e INDEXED BY episodes_inactive_idx CROSS JOIN json_each(@instruments) i
       WHERE e.closed_on IS NULL AND e.first_contact_on IS NOT NULL),
    dated AS (SELECT *, CASE WHEN last IS NULL THEN first ELSE date(last, @interval) END AS dueOn FROM due)`;
  // One pass: the window totals are taken over every due row before the list is cut short.
  const rows = orm.$client
    .prepare(
      `${dated} SELECT ${PERSON}, d.episodeId, d.instrument, CASE WHEN d.last IS NULL THEN 'baseline' ELSE 'follow_up' END AS kind, d.dueOn,
              date(d.dueOn, @grace) < @today AS overdue,
              count(*) OVER () AS total, sum(date(d.dueOn, @grace) < @today) OVER () AS totalOverdue
         FROM dated d JOIN people p ON p.id = d.personId WHERE d.dueOn <= @today ORDER BY d.dueOn, d.episodeId LIMIT ${MY_DAY_LIMIT}`,
    )
    .all(params) as (Omit<MyDay['assessmentsDue'][number], 'overdue'> & { overdue: number; total: number; totalOverdue: number })[];
  const items = rows.map(({ total: _t, totalOverdue: _o, ...r }) => ({ ...r, overdue: r.overdue === 1 }));
  return { items, count: rows[0]?.total ?? 0, overdue: rows[0]?.totalOverdue ?? 0 };
}
