// Records past retention, and deleting them. A person is past retention when no episode of
// theirs is open and their latest closure (or, never referred, the day the record was made) is
// more than the retention setting ago. Deleting removes every row of theirs in one transaction;
// the audit log keeps one entry per person deleted (append-only: its entries are never removed).
import { retentionCutoff, yearsSince, type RetentionCandidate } from '../../core/domain/retention';
import { DomainError } from '../../core/domain/result';
import type { Orm } from '../types';
import { appendAudit } from './audit';
import type { Actor } from './stamps';

/** When the person's care ended, or null while an episode is open. `p` is the people row. */
const ENDED_SQL = `CASE WHEN EXISTS (SELECT 1 FROM episodes o WHERE o.person_id = p.id AND o.closed_on IS NULL) THEN NULL
  ELSE coalesce((SELECT max(c.closed_on) FROM episodes c WHERE c.person_id = p.id), substr(p.created_at, 1, 10)) END`;

/** For people.list's filter: compares with @retentionCutoff (see retentionCutoff). */
export const PAST_RETENTION_SQL = `(${ENDED_SQL}) < @retentionCutoff`;

export function listPastRetention(orm: Orm, today: string, years: number, ids?: number[]): RetentionCandidate[] {
  const only = ids ? 'AND p.id IN (SELECT value FROM json_each(@ids))' : '';
  const rows = orm.$client
    .prepare(
      `SELECT id, caseId, endedOn, basis FROM (
         SELECT p.id, p.case_id AS caseId, (${ENDED_SQL}) AS endedOn,
                CASE WHEN EXISTS (SELECT 1 FROM episodes x WHERE x.person_id = p.id) THEN 'closed' ELSE 'created' END AS basis
           FROM people p WHERE 1 ${only})
        WHERE endedOn < @retentionCutoff
        ORDER BY endedOn, id`,
    )
    .all({ retentionCutoff: retentionCutoff(today, years), ...(ids ? { ids: JSON.stringify(ids) } : {}) }) as Omit<RetentionCandidate, 'yearsSince'>[];
  return rows.map((r) => ({ ...r, yearsSince: yearsSince(r.endedOn, today) }));
}

/**
 * Every table holding a person's rows, children before parents (foreign keys are on). A new
 * table that refers to people or episodes must be added here: a test compares this list with
 * the schema's foreign keys, and until then a deletion fails whole rather than leave rows.
 */
const THEIR_EPISODES = 'SELECT id FROM episodes WHERE person_id IN (SELECT value FROM json_each(@ids))';
const THEM = 'SELECT value FROM json_each(@ids)';
export const PURGE_STATEMENTS: { table: string; sql: string }[] = [
  { table: 'goal_reviews', sql: `DELETE FROM goal_reviews WHERE goal_id IN (SELECT id FROM goals WHERE episode_id IN (${THEIR_EPISODES}))` },
  // assessment_schedule is kept by triggers too; deleted here so the list stays complete on its own.
  ...['goals', 'contact_attempts', 'contacts', 'signposting', 'assessments', 'assessment_schedule', 'engagement_reviews', 'episode_closures'].map((table) => ({
    table,
    sql: `DELETE FROM ${table} WHERE episode_id IN (${THEIR_EPISODES})`,
  })),
  { table: 'risk_flags', sql: `DELETE FROM risk_flags WHERE person_id IN (${THEM})` },
  { table: 'group_participants', sql: `DELETE FROM group_participants WHERE person_id IN (${THEM})` },
  // Records marked entered in error are part of the person's record: they go with it.
  { table: 'entered_in_error', sql: `DELETE FROM entered_in_error WHERE person_id IN (${THEM})` },
  { table: 'episodes', sql: `DELETE FROM episodes WHERE person_id IN (${THEM})` },
  { table: 'people', sql: `DELETE FROM people WHERE id IN (${THEM})` },
];

/**
 * Deletes these people's records, all or none: every id must still be past retention now (a
 * new referral since the list was shown keeps the record). The caller runs this inside one
 * transaction with nothing else.
 */
export function purgePastRetention(orm: Orm, ids: number[], today: string, years: number, actor: Actor): number {
  const eligible = new Set(listPastRetention(orm, today, years, ids).map((r) => r.id));
  const refused = ids.filter((i) => !eligible.has(i));
  if (refused.length > 0) {
    throw new DomainError(
      'CONFLICT',
      `${refused.length === 1 ? '1 of these records is' : `${refused.length} of these records are`} no longer past retention (it may have a new referral, or it is already deleted). Nothing was deleted. Look at the list again and try again.`,
    );
  }
  const params = { ids: JSON.stringify(ids) };
  for (const s of PURGE_STATEMENTS) orm.$client.prepare(s.sql).run(params);
  const at = actor.now.toISOString();
  for (const id of ids) appendAudit(orm, { at, memberId: actor.memberId, action: 'person.purged', entity: 'person', entityId: id });
  return ids.length;
}
