// Editing saved assessments, contact attempts and engagement reviews, and removing contacts,
// attempts and group events. Edits are patches (recordFields.ts), checked on the whole record as
// it will stand; removals write an audit entry saying what kind of record went, its id and date,
// never its words (core/domain/corrections.ts says when to remove and when to mark in error).
import { and, asc, eq, ne } from 'drizzle-orm';
import { checkEngagement, engagementFields } from '../../core/domain/assessment';
import { rescore, type AssessmentPatch, type AttemptPatch, type EngagementPatch } from '../../core/domain/corrections';
import { displayDate } from '../../core/domain/dates';
import { attemptFields, statusAfterAttempt } from '../../core/domain/episode';
import type { ReferralStatus } from '../../core/domain/codes';
import { INSTRUMENTS } from '../../core/domain/instruments/definitions';
import { monthsAfter, postClosureProblem } from '../../core/domain/instruments/postClosure';
import { itemNumbers } from '../../core/domain/instruments/scoring';
import type { InstrumentId } from '../../core/domain/instruments/types';
import { editableKeys, pick, sentFields } from '../../core/domain/recordFields';
import { DomainError } from '../../core/domain/result';
import { assessments, contactAttempts, contacts, engagementReviews, episodes, groupEvents, groupParticipants, riskFlags } from '../schema';
import type { Orm, Queryable } from '../types';
import { appendAudit } from './audit';
import { refreshContactDates, refuseBeforeReferral, requireEpisode } from './episodes';
import { refuseProblems } from './patches';
import { scoringProblem } from './assessments';
import { created, updated, type Actor } from './stamps';

/**
 * The referral status the app would have worked out from the attempts and attended contacts
 * alone. A status still equal to it was never set by hand, so after a correction it follows the
 * records as they now stand; a status the worker set by hand is left as they set it.
 */
export function derivedStatus(tx: Queryable, episodeId: number): string {
  const outcomes = tx.select({ outcome: contactAttempts.outcome }).from(contactAttempts).where(eq(contactAttempts.episodeId, episodeId)).orderBy(asc(contactAttempts.attemptedOn), asc(contactAttempts.id)).all();
  let status: ReferralStatus = 'received';
  for (const a of outcomes) status = statusAfterAttempt(status, a.outcome);
  const attended = tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.episodeId, episodeId), eq(contacts.attendance, 'attended'))).get();
  if (attended && ['received', 'contact_attempted', 'not_contactable'].includes(status)) status = 'engaged';
  return status;
}

/** Runs a change to an episode's attempts or contacts, keeping its worked-out status and contact dates in step. */
export function keepingStatus<T>(tx: Queryable, episodeId: number, change: () => T): T {
  const before = derivedStatus(tx, episodeId);
  const current = tx.select({ status: episodes.referralStatus }).from(episodes).where(eq(episodes.id, episodeId)).get()?.status;
  const result = change();
  if (current === before) {
    const after = derivedStatus(tx, episodeId);
    if (after !== before) tx.update(episodes).set({ referralStatus: after }).where(eq(episodes.id, episodeId)).run();
  }
  refreshContactDates(tx, episodeId);
  return result;
}

// --- Edits ---------------------------------------------------------------------------------------

const ATTEMPT = editableKeys(attemptFields);
const ENGAGEMENT = editableKeys(engagementFields);

export function updateAttempt(orm: Orm, id: number, patch: AttemptPatch, actor: Actor): number {
  return orm.transaction((tx) => {
    const row = tx.select().from(contactAttempts).where(eq(contactAttempts.id, id)).get();
    if (!row) throw new DomainError('NOT_FOUND', 'That contact attempt no longer exists.');
    const episode = requireEpisode(tx, row.episodeId);
    const changes = sentFields(patch);
    const whole = { ...pick(row, ATTEMPT), ...changes };
    refuseBeforeReferral(episode, whole.attemptedOn, 'attemptedOn', 'A contact attempt');
    keepingStatus(tx, episode.id, () => tx.update(contactAttempts).set({ ...changes, ...updated(actor) }).where(eq(contactAttempts.id, id)).run());
    return episode.personId;
  });
}

export function updateEngagement(orm: Orm, id: number, patch: EngagementPatch, actor: Actor): number {
  return orm.transaction((tx) => {
    const row = tx.select().from(engagementReviews).where(eq(engagementReviews.id, id)).get();
    if (!row) throw new DomainError('NOT_FOUND', 'That engagement review no longer exists.');
    const episode = requireEpisode(tx, row.episodeId);
    const changes = sentFields(patch);
    const whole = { ...pick(row, ENGAGEMENT), ...changes };
    refuseProblems(whole, checkEngagement);
    refuseBeforeReferral(episode, whole.reviewedOn, 'reviewedOn', 'A review');
    tx.update(engagementReviews).set({ ...changes, ...updated(actor) }).where(eq(engagementReviews.id, id)).run();
    return episode.personId;
  });
}

/**
 * Changes an assessment's date, method or answers. New answers are scored again with the
 * instrument's scoring (bands and the risk item follow from the scores when read); an answer
 * that newly crosses the risk item's threshold raises a risk flag, as recording it would. A flag
 * already raised stays: only the worker who reviews it may resolve it.
 */
export function updateAssessment(orm: Orm, id: number, patch: AssessmentPatch, actor: Actor): number {
  return orm.transaction((tx) => {
    const row = tx.select().from(assessments).where(eq(assessments.id, id)).get();
    if (!row) throw new DomainError('NOT_FOUND', 'That assessment no longer exists.');
    const def = INSTRUMENTS[row.instrument as InstrumentId];
    // A follow-up after closure belongs to a closed episode: it is corrected there.
    const episode = requireEpisode(tx, row.episodeId, !row.afterClosure);
    const changes = sentFields(patch);
    const completedOn = changes.completedOn ?? row.completedOn;
    if (changes.completedOn) {
      refuseBeforeReferral(episode, completedOn, 'completedOn', 'An assessment');
      if (row.afterClosure && episode.closedOn) {
        const problem = postClosureProblem(episode.closedOn, completedOn);
        if (problem) throw new DomainError('VALIDATION', problem, { completedOn: problem });
      }
      refuseTooSoonExcept(tx, row.episodeId, def, completedOn, id);
    }
    let scoring = {};
    let newlyAtRisk = false;
    if (changes.responses) {
      const scored = rescore(def, row.responses, changes.responses);
      if (!scored.ok) throw scoringProblem(def, scored);
      newlyAtRisk = !!scored.newlyAtRisk;
      scoring = {
        responses: scored.responses,
        scores: scored.value.scores,
        primaryScore: scored.value.scores[def.primaryScore],
        prorated: scored.value.prorated,
        scoringVersion: scored.value.scoringVersion,
      };
    }
    tx.update(assessments)
      .set({ ...(changes.completedOn ? { completedOn } : {}), ...(changes.method ? { method: changes.method } : {}), ...scoring, ...updated(actor) })
      .where(eq(assessments.id, id))
      .run();
    if (newlyAtRisk) {
      tx.insert(riskFlags)
        .values({
          personId: episode.personId,
          episodeId: episode.id,
          raisedOn: completedOn,
          description: `${def.shortName} item ${itemNumbers(def, [def.riskItem!.item])[0]} answered above 0 (thoughts of being better off dead or of self-harm).`,
          ...created(actor),
        })
        .run();
    }
    return episode.personId;
  });
}

/** The instrument's minimum gap (PozQoL: two months), measured against the episode's other assessments only. */
function refuseTooSoonExcept(tx: Queryable, episodeId: number, def: (typeof INSTRUMENTS)[InstrumentId], completedOn: string, except: number): void {
  const months = def.minIntervalMonths;
  if (!months) return;
  const others = tx
    .select({ on: assessments.completedOn })
    .from(assessments)
    .where(and(eq(assessments.episodeId, episodeId), eq(assessments.instrument, def.id), ne(assessments.id, except)))
    .all()
    .map((a) => a.on);
  const near = others.find((on) => (on <= completedOn ? completedOn < monthsAfter(on, months) : on < monthsAfter(completedOn, months)));
  if (near) {
    const message = `${def.shortName} is used at least ${months} month${months === 1 ? '' : 's'} apart: there is one on ${displayDate(near)}.`;
    throw new DomainError('VALIDATION', message, { completedOn: message });
  }
}

// --- Removals ------------------------------------------------------------------------------------

export function removeContact(orm: Orm, id: number, actor: Actor): number {
  return orm.transaction((tx) => {
    const row = tx.select().from(contacts).where(eq(contacts.id, id)).get();
    if (!row) throw new DomainError('NOT_FOUND', 'That contact no longer exists.');
    const episode = requireEpisode(tx, row.episodeId);
    keepingStatus(tx, episode.id, () => tx.delete(contacts).where(eq(contacts.id, id)).run());
    appendAudit(tx, {
      at: actor.now.toISOString(),
      memberId: actor.memberId,
      action: 'contacts.remove',
      entity: 'person',
      entityId: episode.personId,
      detail: { contactId: id, episodeId: episode.id, contactOn: row.contactOn, type: row.type, attendance: row.attendance },
    });
    return episode.personId;
  });
}

export function removeAttempt(orm: Orm, id: number, actor: Actor): number {
  return orm.transaction((tx) => {
    const row = tx.select().from(contactAttempts).where(eq(contactAttempts.id, id)).get();
    if (!row) throw new DomainError('NOT_FOUND', 'That contact attempt no longer exists.');
    const episode = requireEpisode(tx, row.episodeId);
    keepingStatus(tx, episode.id, () => tx.delete(contactAttempts).where(eq(contactAttempts.id, id)).run());
    appendAudit(tx, {
      at: actor.now.toISOString(),
      memberId: actor.memberId,
      action: 'attempts.remove',
      entity: 'person',
      entityId: episode.personId,
      detail: { attemptId: id, episodeId: episode.id, attemptedOn: row.attemptedOn, outcome: row.outcome },
    });
    return episode.personId;
  });
}

/** A group or workshop and its register go together: the answer is how many registrations went with it. */
export function removeGroupEvent(orm: Orm, id: number, actor: Actor): { registrations: number } {
  return orm.transaction((tx) => {
    const event = tx.select().from(groupEvents).where(eq(groupEvents.id, id)).get();
    if (!event) throw new DomainError('NOT_FOUND', 'That event no longer exists.');
    const registrations = tx.delete(groupParticipants).where(eq(groupParticipants.eventId, id)).run().changes;
    tx.delete(groupEvents).where(eq(groupEvents.id, id)).run();
    appendAudit(tx, {
      at: actor.now.toISOString(),
      memberId: actor.memberId,
      action: 'groups.remove',
      entity: 'group',
      entityId: id,
      detail: { type: event.type, heldOn: event.heldOn, registrations },
    });
    return { registrations };
  });
}
