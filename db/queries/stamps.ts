// Who recorded a change and when: every record carries these.
import { members } from '../schema';
import type { Queryable } from '../types';

export interface Actor {
  memberId: number;
  now: Date;
}

export function created(actor: Actor) {
  const at = actor.now.toISOString();
  return { createdAt: at, createdBy: actor.memberId, updatedAt: at, updatedBy: actor.memberId };
}

export function updated(actor: Actor) {
  return { updatedAt: actor.now.toISOString(), updatedBy: actor.memberId };
}

/** Member id → display name; the members table is small, so it is read whole. */
export function memberNames(orm: Queryable): (id: number | null | undefined) => string {
  const names = new Map(orm.select({ id: members.id, name: members.displayName }).from(members).all().map((m) => [m.id, m.name]));
  return (id) => (id == null ? '' : (names.get(id) ?? 'Former member'));
}
