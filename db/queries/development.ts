// Peer workers' development records (core/domain/development.ts), and the team's totals the
// monthly return counts.
import type { DevelopmentEntry, DevelopmentFigures, DevelopmentKind } from '../../core/domain/development';
import type { Period } from '../../core/domain/export/periods';
import { DomainError } from '../../core/domain/result';
import type { Orm } from '../types';
import type { Actor } from './stamps';
import { memberNames } from './stamps';

interface NewEntry {
  memberId: number;
  kind: DevelopmentKind;
  heldOn: string;
  title: string | null;
  hours: number | null;
  supervisor: string | null;
  jointWithClinic: boolean;
  note: string | null;
}

export function listDevelopment(orm: Orm, memberId: number): DevelopmentEntry[] {
  const names = memberNames(orm);
  const rows = orm.$client
    .prepare(
      `SELECT id, member_id AS memberId, kind, held_on AS heldOn, title, hours, supervisor, joint_with_clinic AS joint, note, created_by AS createdBy, created_at AS createdAt
         FROM member_development WHERE member_id = ? ORDER BY held_on DESC, id DESC`,
    )
    .all(memberId) as (Omit<DevelopmentEntry, 'jointWithClinic' | 'createdByName'> & { joint: number; createdBy: number })[];
  return rows.map(({ joint, createdBy, ...r }) => ({ ...r, jointWithClinic: joint === 1, createdByName: names(createdBy) }));
}

/** The member the entry is for must exist and still be able to sign in. */
function requireActiveMember(orm: Orm, memberId: number): void {
  const row = orm.$client.prepare('SELECT removed_at AS removedAt FROM members WHERE id = ?').get(memberId) as { removedAt: string | null } | undefined;
  if (!row) throw new DomainError('NOT_FOUND', 'That member could not be found.');
  if (row.removedAt) throw new DomainError('CONFLICT', 'That member has been removed: their development can no longer be added to.');
}

export function addDevelopment(orm: Orm, entry: NewEntry, actor: Actor): number {
  requireActiveMember(orm, entry.memberId);
  const at = actor.now.toISOString();
  const r = orm.$client
    .prepare(
      `INSERT INTO member_development (member_id, kind, held_on, title, hours, supervisor, joint_with_clinic, note, created_at, created_by, updated_at, updated_by)
       VALUES (@memberId, @kind, @heldOn, @title, @hours, @supervisor, @joint, @note, @at, @by, @at, @by)`,
    )
    .run({ ...entry, joint: entry.jointWithClinic ? 1 : 0, at, by: actor.memberId });
  return Number(r.lastInsertRowid);
}

/** Whose entry it is (to check who may remove it), or NOT_FOUND. */
export function developmentOwner(orm: Orm, id: number): number {
  const owner = orm.$client.prepare('SELECT member_id FROM member_development WHERE id = ?').pluck().get(id) as number | undefined;
  if (owner === undefined) throw new DomainError('NOT_FOUND', 'That entry no longer exists.');
  return owner;
}

export function removeDevelopment(orm: Orm, id: number): void {
  orm.$client.prepare('DELETE FROM member_development WHERE id = ?').run(id);
}

/**
 * The team's development in the period. Workers: peer workers and coordinators who could sign in
 * on some day of it (added by its end, not removed before its start; reporting-only members support
 * nobody), and anyone with development recorded in it (a month before the app was installed, or a
 * worker since removed, still had its staff). Hours are summed as recorded; an entry without hours adds none.
 */
export function developmentFigures(orm: Pick<Orm, '$client'>, period: Period): DevelopmentFigures {
  const db = orm.$client;
  const at = { start: period.start, end: period.end };
  const workers = db
    .prepare(
      `SELECT count(*) FROM members m
        WHERE (m.role IN ('peer_worker', 'coordinator') AND substr(m.created_at, 1, 10) <= @end AND (m.removed_at IS NULL OR substr(m.removed_at, 1, 10) >= @start))
           OR EXISTS (SELECT 1 FROM member_development d WHERE d.member_id = m.id AND d.held_on BETWEEN @start AND @end)`,
    )
    .pluck()
    .get(at) as number;
  const totals = db
    .prepare(
      `SELECT count(DISTINCT CASE WHEN kind = 'supervision' THEN member_id END) AS workersSupervised,
              coalesce(sum(kind = 'supervision'), 0) AS supervisions,
              coalesce(sum(kind = 'supervision' AND joint_with_clinic = 1), 0) AS jointSupervisions,
              coalesce(sum(kind = 'training'), 0) AS trainingSessions,
              coalesce(sum(CASE WHEN kind = 'training' THEN hours END), 0) AS trainingHours,
              coalesce(sum(CASE WHEN kind = 'cpd' THEN hours END), 0) AS cpdHours
         FROM member_development WHERE held_on BETWEEN @start AND @end`,
    )
    .get(at) as Omit<DevelopmentFigures, 'workers'>;
  return { workers, ...totals };
}
