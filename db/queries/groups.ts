// Groups and workshops: events, registrations and attendance.
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { eventFields, type GroupEvent, type GroupEventDetails, type GroupEventPatch, type GroupEventSummary } from '../../core/domain/group';
import { editableKeys, pick, sentFields } from '../../core/domain/recordFields';
import { DomainError } from '../../core/domain/result';
import { groupEvents, groupParticipants, people } from '../schema';
import type { Orm } from '../types';
import { created, updated, type Actor } from './stamps';

/** The event's fields a form enters (core/domain/group.ts). */
const DETAILS = editableKeys(eventFields);

const summaryColumns = {
  id: groupEvents.id,
  ...pick(groupEvents, DETAILS),
  registered: sql<number>`(SELECT count(*) FROM group_participants gp WHERE gp.event_id = "group_events"."id" AND gp.registered = 1)`,
  attended: sql<number>`(SELECT count(*) FROM group_participants gp WHERE gp.event_id = "group_events"."id" AND gp.attended = 1)`,
  // Registered and marked as not attending: walk-ins and not-yet-recorded do not count as drop-out.
  droppedOut: sql<number>`(SELECT count(*) FROM group_participants gp WHERE gp.event_id = "group_events"."id" AND gp.registered = 1 AND gp.attended = 0)`,
};

export function listGroupEvents(orm: Orm, range: { from?: string; to?: string }): GroupEventSummary[] {
  return orm
    .select(summaryColumns)
    .from(groupEvents)
    .where(and(range.from ? gte(groupEvents.heldOn, range.from) : undefined, range.to ? lte(groupEvents.heldOn, range.to) : undefined))
    .orderBy(desc(groupEvents.heldOn), desc(groupEvents.id))
    .all();
}

export function getGroupEvent(orm: Orm, id: number): GroupEvent {
  const event = orm.select(summaryColumns).from(groupEvents).where(eq(groupEvents.id, id)).get();
  if (!event) throw new DomainError('NOT_FOUND', 'That event no longer exists.');
  const participants = orm
    .select({ personId: people.id, caseId: people.caseId, preferredName: people.preferredName, registered: groupParticipants.registered, attended: groupParticipants.attended })
    .from(groupParticipants)
    .innerJoin(people, eq(people.id, groupParticipants.personId))
    .where(eq(groupParticipants.eventId, id))
    .orderBy(asc(people.preferredName))
    .all();
  return { ...event, participants };
}

export function createGroupEvent(orm: Orm, input: GroupEventDetails, actor: Actor): number {
  return orm.insert(groupEvents).values({ ...pick(input, DETAILS), ...created(actor) }).returning({ id: groupEvents.id }).get().id;
}

/** Writes only the fields sent. */
export function updateGroupEvent(orm: Orm, id: number, patch: GroupEventPatch, actor: Actor): void {
  const found = orm.update(groupEvents).set({ ...sentFields(patch), ...updated(actor) }).where(eq(groupEvents.id, id)).returning({ id: groupEvents.id }).get();
  if (!found) throw new DomainError('NOT_FOUND', 'That event no longer exists.');
}

export function setRegistration(orm: Orm, input: { eventId: number; personId: number; registered: boolean; attended: boolean | null }, actor: Actor): void {
  orm.transaction((tx) => {
    if (!tx.select({ id: groupEvents.id }).from(groupEvents).where(eq(groupEvents.id, input.eventId)).get())
      throw new DomainError('NOT_FOUND', 'That event no longer exists.');
    if (!tx.select({ id: people.id }).from(people).where(eq(people.id, input.personId)).get())
      throw new DomainError('NOT_FOUND', 'That person is no longer on the caseload.');
    tx.insert(groupParticipants)
      .values({ ...input, ...created(actor) })
      .onConflictDoUpdate({
        target: [groupParticipants.eventId, groupParticipants.personId],
        set: { registered: input.registered, attended: input.attended, ...updated(actor) },
      })
      .run();
  });
}

export function removeRegistration(orm: Orm, input: { eventId: number; personId: number }): void {
  orm.delete(groupParticipants).where(and(eq(groupParticipants.eventId, input.eventId), eq(groupParticipants.personId, input.personId))).run();
}
