// Two records of the same person made one, and a person added by mistake deleted. Both are
// coordinator decisions (core/api/contract.ts), audited by case ID, never by name.
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { deleteRefusal } from '../../core/domain/corrections';
import { personFields } from '../../core/domain/person';
import { editableKeys } from '../../core/domain/recordFields';
import { DomainError } from '../../core/domain/result';
import {
  assessments,
  contactAttempts,
  contacts,
  engagementReviews,
  enteredInError,
  episodeClosures,
  episodes,
  goals,
  groupParticipants,
  people,
  riskFlags,
  signposting,
} from '../schema';
import type { Orm, Queryable } from '../types';
import { appendAudit } from './audit';
import { refreshLatestEpisode } from './enteredInError';
import { withFoldedNames } from './people';
import { updated, type Actor } from './stamps';

const DETAILS = editableKeys(personFields);

function requirePerson(tx: Queryable, id: number) {
  const person = tx.select().from(people).where(eq(people.id, id)).get();
  if (!person) throw new DomainError('NOT_FOUND', 'That person is no longer on the caseload.');
  return person;
}

/**
 * Moves every episode (with all recorded in it), risk flag, group registration and record marked
 * in error from the duplicate to the survivor, fills the survivor's blank details from the
 * duplicate (a phone number only one record had is not lost), then removes the duplicate's own row.
 * Refused while both have an open episode: a person has one open episode at a time.
 */
export function mergePeople(orm: Orm, input: { survivorId: number; duplicateId: number }, actor: Actor): number {
  return orm.transaction((tx) => {
    const survivor = requirePerson(tx, input.survivorId);
    const duplicate = requirePerson(tx, input.duplicateId);
    const openOf = (personId: number) => tx.select({ id: episodes.id }).from(episodes).where(and(eq(episodes.personId, personId), isNull(episodes.closedOn))).get();
    if (openOf(survivor.id) && openOf(duplicate.id)) {
      throw new DomainError('CONFLICT', `Both records have an open episode of support. Close the one on ${duplicate.caseId} (or mark its referral as entered in error) before merging.`);
    }
    const moved = tx.update(episodes).set({ personId: survivor.id }).where(eq(episodes.personId, duplicate.id)).run().changes;
    tx.update(riskFlags).set({ personId: survivor.id }).where(eq(riskFlags.personId, duplicate.id)).run();
    tx.update(enteredInError).set({ personId: survivor.id }).where(eq(enteredInError.personId, duplicate.id)).run();
    // The same event on both records: one registration, attended if either says so.
    const survivorEvents = tx.select({ eventId: groupParticipants.eventId }).from(groupParticipants).where(eq(groupParticipants.personId, survivor.id));
    const both = tx
      .select({ eventId: groupParticipants.eventId, registered: groupParticipants.registered, attended: groupParticipants.attended })
      .from(groupParticipants)
      .where(and(eq(groupParticipants.personId, duplicate.id), inArray(groupParticipants.eventId, survivorEvents)))
      .all();
    for (const b of both) {
      tx.update(groupParticipants)
        .set({
          registered: sql`max(${groupParticipants.registered}, ${b.registered ? 1 : 0})`,
          attended: b.attended === null ? sql`${groupParticipants.attended}` : sql`max(coalesce(${groupParticipants.attended}, 0), ${b.attended ? 1 : 0})`,
          ...updated(actor),
        })
        .where(and(eq(groupParticipants.eventId, b.eventId), eq(groupParticipants.personId, survivor.id)))
        .run();
    }
    if (both.length) tx.delete(groupParticipants).where(and(eq(groupParticipants.personId, duplicate.id), inArray(groupParticipants.eventId, both.map((b) => b.eventId)))).run();
    tx.update(groupParticipants).set({ personId: survivor.id }).where(eq(groupParticipants.personId, duplicate.id)).run();

    const blanks = Object.fromEntries(
      DETAILS.filter((k) => isBlank(survivor[k]) && !isBlank(duplicate[k])).map((k) => [k, duplicate[k]]),
    ) as Partial<typeof survivor>;
    tx.delete(people).where(eq(people.id, duplicate.id)).run();
    tx.update(people)
      .set({ ...withFoldedNames(blanks, { ...survivor, ...blanks }), ...updated(actor) })
      .where(eq(people.id, survivor.id))
      .run();
    refreshLatestEpisode(tx, survivor.id);
    appendAudit(tx, {
      at: actor.now.toISOString(),
      memberId: actor.memberId,
      action: 'people.merge',
      entity: 'person',
      entityId: survivor.id,
      detail: { survivorCaseId: survivor.caseId, duplicateCaseId: duplicate.caseId, duplicateId: duplicate.id, episodesMoved: moved, detailsFilled: Object.keys(blanks).sort().join(',') },
    });
    return survivor.id;
  });
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** What has been recorded about a person beyond their first referral. */
function recordedFor(tx: Queryable, personId: number) {
  const ids = tx.select({ id: episodes.id }).from(episodes).where(eq(episodes.personId, personId)).all().map((e) => e.id);
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  const inEpisodes = [contactAttempts, contacts, goals, signposting, assessments, engagementReviews, episodeClosures].reduce(
    (sum, table) => sum + (ids.length ? n(tx.select({ n: count() }).from(table).where(inArray(table.episodeId, ids)).get()) : 0),
    0,
  );
  return {
    episodes: ids.length,
    activity: inEpisodes,
    risks: n(tx.select({ n: count() }).from(riskFlags).where(eq(riskFlags.personId, personId)).get()),
    groups: n(tx.select({ n: count() }).from(groupParticipants).where(eq(groupParticipants.personId, personId)).get()),
    enteredInError: n(tx.select({ n: count() }).from(enteredInError).where(eq(enteredInError.personId, personId)).get()),
  };
}

/** Deletes a person added by mistake, with their first referral, while nothing else is recorded. */
export function deletePerson(orm: Orm, id: number, actor: Actor): { caseId: string } {
  return orm.transaction((tx) => {
    const person = requirePerson(tx, id);
    const refusal = deleteRefusal(recordedFor(tx, id));
    if (refusal) throw new DomainError('CONFLICT', refusal);
    tx.delete(episodes).where(eq(episodes.personId, id)).run();
    tx.delete(people).where(eq(people.id, id)).run();
    appendAudit(tx, { at: actor.now.toISOString(), memberId: actor.memberId, action: 'people.delete', entity: 'person', entityId: id, detail: { caseId: person.caseId } });
    return { caseId: person.caseId };
  });
}
