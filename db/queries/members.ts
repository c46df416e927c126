// Members and their roles. The rules that keep a caseload manageable live here, beside the
// rows they protect: there is always at least one coordinator, nobody removes themselves, and a
// removed member's row stays (records name their author) while their way in goes.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { MemberView } from '../../core/domain/members';
import { DomainError } from '../../core/domain/result';
import type { Role } from '../../core/domain/roles';
import { members } from '../schema';
import type { Queryable } from '../types';

export function listMembers(orm: Queryable, youId: number): MemberView[] {
  return orm
    .select()
    .from(members)
    .orderBy(sql`${members.removedAt} IS NOT NULL`, asc(members.displayName))
    .all()
    .map((m) => ({ id: m.id, name: m.displayName, role: m.role, addedAt: m.createdAt, removedAt: m.removedAt, isYou: m.id === youId }));
}

/** The member's role, or null when they are unknown or removed (such a member may do nothing). */
export function activeRole(orm: Queryable, memberId: number): Role | null {
  const row = orm.select({ role: members.role, removedAt: members.removedAt }).from(members).where(eq(members.id, memberId)).get();
  return row && !row.removedAt ? row.role : null;
}

function activeMember(orm: Queryable, id: number) {
  const row = orm.select().from(members).where(eq(members.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', 'That member could not be found.');
  if (row.removedAt) throw new DomainError('CONFLICT', 'That member has already been removed.');
  return row;
}

function activeCoordinators(orm: Queryable): number {
  return orm.select({ n: sql<number>`count(*)` }).from(members).where(and(eq(members.role, 'coordinator'), isNull(members.removedAt))).get()!.n;
}

const LAST_COORDINATOR = 'A caseload needs at least one coordinator. Make someone else a coordinator first.';

export function addMember(orm: Queryable, input: { name: string; role: Role }, now: Date): number {
  const clash = orm
    .select({ id: members.id })
    .from(members)
    .where(and(sql`lower(${members.displayName}) = lower(${input.name})`, isNull(members.removedAt)))
    .get();
  // Names are what people pick on the lock screen: two the same would be a guess.
  if (clash) throw new DomainError('CONFLICT', 'There is already a member with this name. Add a surname or initial.', { name: 'There is already a member with this name. Add a surname or initial.' });
  return orm.insert(members).values({ displayName: input.name, role: input.role, createdAt: now.toISOString() }).returning({ id: members.id }).get().id;
}

/** Changes a member's role; answers with the role they had. */
export function setMemberRole(orm: Queryable, id: number, role: Role): Role {
  const row = activeMember(orm, id);
  if (row.role === 'coordinator' && role !== 'coordinator' && activeCoordinators(orm) <= 1) throw new DomainError('CONFLICT', LAST_COORDINATOR);
  orm.update(members).set({ role }).where(eq(members.id, id)).run();
  return row.role;
}

/** Marks a member removed; answers with the role they had. */
/**
 * Members revoked in the key file but still active in this file (a backup restored from before
 * their removal): removed here too. The ids newly removed.
 */
export function removeRevoked(orm: Queryable, ids: number[], now: Date): number[] {
  if (ids.length === 0) return [];
  const still = orm.select({ id: members.id }).from(members).where(and(inArray(members.id, ids), isNull(members.removedAt))).all().map((r) => r.id);
  if (still.length) orm.update(members).set({ removedAt: now.toISOString() }).where(inArray(members.id, still)).run();
  return still;
}

export function removeMember(orm: Queryable, id: number, byMemberId: number, now: Date): Role {
  if (id === byMemberId) throw new DomainError('CONFLICT', 'You cannot remove yourself. Ask another coordinator.');
  const row = activeMember(orm, id);
  if (row.role === 'coordinator' && activeCoordinators(orm) <= 1) throw new DomainError('CONFLICT', LAST_COORDINATOR);
  orm.update(members).set({ removedAt: now.toISOString() }).where(eq(members.id, id)).run();
  return row.role;
}
