// My day: who is waiting, who is booked, what is due, what has gone quiet, what is at risk.
import type { MyDay } from '../../core/domain/myDay';
import type { Settings } from '../../core/domain/settings';
import { isWorkingDay, workingDaysBetween } from '../../core/domain/workingDays';
import type { Orm } from '../workspace';
import { INACTIVE_SQL, inactiveCutoff, WAITING_SQL } from './people';
import { dueAssessments } from '../../core/domain/instruments/schedule';
import type { InstrumentId } from '../../core/domain/instruments/types';

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
    assessmentsDue: assessmentsDue.slice(0, MY_DAY_LIMIT),
    counts: {
      assessmentsDue: assessmentsDue.length,
      assessmentsOverdue: assessmentsDue.filter((a) => a.overdue).length,
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

/** Every due assessment across open, started episodes, oldest due first. */
function dueAcrossCaseload(orm: Orm, today: string, settings: Settings): MyDay['assessmentsDue'] {
  if (settings.enabledInstruments.length === 0) return [];
  const db = orm.$client;
  const last = new Map<number, { instrument: InstrumentId; completedOn: string }[]>();
  const rows = db
    .prepare(
      `SELECT a.episode_id AS episodeId, a.instrument, max(a.completed_on) AS completedOn
         FROM assessments a
        WHERE a.episode_id IN (SELECT e.id FROM episodes e INDEXED BY episodes_inactive_idx WHERE e.closed_on IS NULL AND e.first_contact_on IS NOT NULL)
        GROUP BY a.episode_id, a.instrument`,
    )
    .all() as { episodeId: number; instrument: InstrumentId; completedOn: string }[];
  for (const r of rows) last.set(r.episodeId, [...(last.get(r.episodeId) ?? []), r]);
  // The inactive index holds exactly the open, started episodes.
  const episodes = db
    .prepare(`SELECT ${PERSON}, e.id AS episodeId, e.first_contact_on AS firstContactOn FROM episodes e INDEXED BY episodes_inactive_idx JOIN people p ON p.id = e.person_id WHERE e.closed_on IS NULL AND e.first_contact_on IS NOT NULL`)
    .all() as { personId: number; caseId: string; preferredName: string; episodeId: number; firstContactOn: string }[];
  const due: MyDay['assessmentsDue'] = [];
  for (const e of episodes) {
    for (const d of dueAssessments({ firstContactOn: e.firstContactOn, open: true }, settings.enabledInstruments, last.get(e.episodeId) ?? [], settings.assessmentIntervalWeeks, today)) {
      due.push({ personId: e.personId, caseId: e.caseId, preferredName: e.preferredName, episodeId: e.episodeId, ...d });
    }
  }
  return due.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.episodeId - b.episodeId));
}
