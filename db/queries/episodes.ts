// Episodes of support: referral, contact attempts, status, closure and reopening.
import { and, desc, eq, inArray, isNull, max, min, or, sql } from 'drizzle-orm';
import { REFERRAL_OUTCOMES, type ReferralStatus } from '../../core/domain/codes';
import { checkReferral, episodeFields, isNewlyDiagnosed, statusAfterAttempt, type Referral, type ReferralPatch } from '../../core/domain/episode';
import { editableKeys, pick, sentFields } from '../../core/domain/recordFields';
import { DomainError } from '../../core/domain/result';
import { contactAttempts, contacts, episodeClosures, episodes, people } from '../schema';
import type { Orm, Queryable } from '../types';
import { refuseProblems } from './patches';
import { created, updated, type Actor } from './stamps';

/** The referral's fields a form enters (core/domain/episode.ts). */
const REFERRAL = editableKeys(episodeFields);

/** What the app works out from a referral: both are facts of the episode, kept with it. */
export function referralFacts(referral: Pick<Referral, 'referralReceivedOn' | 'pathway' | 'reEngaging'>, diagnosisMonth: string | null, newlyDiagnosedMonths: number) {
  return {
    // The re-engagement pathway is re-engagement by definition.
    reEngaging: referral.reEngaging || referral.pathway === 'opt_out_reengagement',
    newlyDiagnosed: isNewlyDiagnosed(diagnosisMonth, referral.referralReceivedOn, newlyDiagnosedMonths),
  };
}

export function insertEpisode(tx: Queryable, personId: number, input: Referral, diagnosisMonth: string | null, settings: { newlyDiagnosedMonths: number }, actor: Actor): number {
  const stamp = created(actor);
  const referral = pick(input, REFERRAL);
  // The borough as it is on the day the referral is recorded: the return counts referrals by it.
  const boroughAtReferral = tx.select({ b: people.borough }).from(people).where(eq(people.id, personId)).get()?.b ?? null;
  const id = tx
    .insert(episodes)
    .values({ personId, ...referral, ...referralFacts(referral, diagnosisMonth, settings.newlyDiagnosedMonths), referralStatus: 'received', boroughAtReferral, ...stamp })
    .returning({ id: episodes.id })
    .get().id;
  tx.update(people).set({ latestEpisodeId: id }).where(eq(people.id, personId)).run();
  return id;
}

/** The episode, or NOT_FOUND; with `open`, a closed episode is refused as read-only. */
export function requireEpisode(tx: Queryable, episodeId: number, open = true) {
  const episode = tx.select().from(episodes).where(eq(episodes.id, episodeId)).get();
  if (!episode) throw new DomainError('NOT_FOUND', 'That episode of support no longer exists.');
  if (open && episode.closedOn) throw new DomainError('CONFLICT', 'This episode is closed, so it cannot be changed. Reopen it first.');
  return episode;
}

/** A new referral for someone already known, only when their previous episodes are closed; answers the person. */
export function createEpisode(orm: Orm, personId: number, input: Referral, settings: { newlyDiagnosedMonths: number }, actor: Actor): number {
  return orm.transaction((tx) => {
    const person = tx.select({ id: people.id, diagnosisMonth: people.diagnosisMonth, dateOfBirth: people.dateOfBirth }).from(people).where(eq(people.id, personId)).get();
    if (!person) throw new DomainError('NOT_FOUND', 'That person is no longer on the caseload.');
    if (input.referralReceivedOn < person.dateOfBirth)
      throw new DomainError('VALIDATION', 'The referral date cannot be before the date of birth.', { referralReceivedOn: 'The referral date cannot be before the date of birth.' });
    const open = tx.select({ id: episodes.id }).from(episodes).where(and(eq(episodes.personId, personId), isNull(episodes.closedOn))).get();
    if (open) throw new DomainError('CONFLICT', 'This person already has an open episode of support. Close it before recording a new referral.');
    insertEpisode(tx, personId, input, person.diagnosisMonth, settings, actor);
    return personId;
  });
}

/** Writes only the referral's fields sent, and the facts worked out from the referral as it now stands. */
export function updateReferral(orm: Orm, episodeId: number, patch: ReferralPatch, settings: { newlyDiagnosedMonths: number }, actor: Actor): number {
  return orm.transaction((tx) => {
    const episode = requireEpisode(tx, episodeId);
    const changes = sentFields(patch);
    const whole = { ...pick(episode, REFERRAL), ...changes };
    refuseProblems(whole, checkReferral);
    const person = tx.select({ diagnosisMonth: people.diagnosisMonth, dateOfBirth: people.dateOfBirth }).from(people).where(eq(people.id, episode.personId)).get()!;
    if (whole.referralReceivedOn < person.dateOfBirth)
      throw new DomainError('VALIDATION', 'The referral date cannot be before the date of birth.', { referralReceivedOn: 'The referral date cannot be before the date of birth.' });
    const earliest = earliestActivity(tx, episodeId);
    if (earliest && whole.referralReceivedOn > earliest)
      throw new DomainError('VALIDATION', 'The referral date cannot be after contact with the person had started.', {
        referralReceivedOn: `Contact was recorded on ${earliest.split('-').reverse().join('/')}, before this date.`,
      });
    tx.update(episodes)
      .set({ ...changes, ...referralFacts(whole, person.diagnosisMonth, settings.newlyDiagnosedMonths), ...updated(actor) })
      .where(eq(episodes.id, episodeId))
      .run();
    return episode.personId;
  });
}

function earliestActivity(tx: Queryable, episodeId: number): string | null {
  const a = tx.select({ d: min(contactAttempts.attemptedOn) }).from(contactAttempts).where(eq(contactAttempts.episodeId, episodeId)).get()?.d ?? null;
  const c = tx.select({ d: min(contacts.contactOn) }).from(contacts).where(eq(contacts.episodeId, episodeId)).get()?.d ?? null;
  return [a, c].filter((d): d is string => d !== null).sort()[0] ?? null;
}

/** Dates before the referral cannot be right: refused with the reason, for every record kind. */
export function refuseBeforeReferral(episode: { referralReceivedOn: string }, date: string, field: string, what: string): void {
  if (date < episode.referralReceivedOn) {
    const shown = episode.referralReceivedOn.split('-').reverse().join('/');
    throw new DomainError('VALIDATION', `${what} cannot be before the referral (${shown}).`, { [field]: `${what} cannot be before the referral was received (${shown}).` });
  }
}

export function addAttempt(orm: Orm, input: { episodeId: number; attemptedOn: string; method: string; outcome: string; note: string | null }, actor: Actor): number {
  return orm.transaction((tx) => {
    const episode = requireEpisode(tx, input.episodeId);
    refuseBeforeReferral(episode, input.attemptedOn, 'attemptedOn', 'A contact attempt');
    tx.insert(contactAttempts).values({ ...input, ...created(actor) }).run();
    const status = statusAfterAttempt(episode.referralStatus as ReferralStatus, input.outcome);
    tx.update(episodes).set({ referralStatus: status, ...updated(actor) }).where(eq(episodes.id, episode.id)).run();
    refreshContactDates(tx, episode.id);
    return episode.personId;
  });
}

export function setReferralStatus(orm: Orm, episodeId: number, status: string, actor: Actor): number {
  return orm.transaction((tx) => {
    const episode = requireEpisode(tx, episodeId);
    tx.update(episodes).set({ referralStatus: status, ...updated(actor) }).where(eq(episodes.id, episodeId)).run();
    return episode.personId;
  });
}

/**
 * First contact: the first attempt where the person was reached, or the first attended contact.
 * Last contact: the latest attended contact. Both are kept on the episode for lists and My day.
 */
export function refreshContactDates(tx: Queryable, episodeId: number): void {
  const reached = tx
    .select({ d: min(contactAttempts.attemptedOn) })
    .from(contactAttempts)
    .where(and(eq(contactAttempts.episodeId, episodeId), inArray(contactAttempts.outcome, ['spoke_engaged', 'spoke_declined', 'spoke_later'])))
    .get()?.d;
  const attended = tx
    .select({ first: min(contacts.contactOn), last: max(contacts.contactOn) })
    .from(contacts)
    .where(and(eq(contacts.episodeId, episodeId), eq(contacts.attendance, 'attended')))
    .get();
  const first = [reached, attended?.first].filter((d): d is string => !!d).sort()[0] ?? null;
  tx.update(episodes)
    .set({ firstContactOn: first, lastContactOn: attended?.last ?? null })
    .where(eq(episodes.id, episodeId))
    .run();
}

/** An attended session means the person engaged, whatever the attempts said before. */
export function engageOnAttendance(tx: Queryable, episodeId: number, attendance: string | null): void {
  if (attendance !== 'attended') return;
  tx.update(episodes)
    .set({ referralStatus: 'engaged' })
    .where(and(eq(episodes.id, episodeId), or(inArray(episodes.referralStatus, ['received', 'contact_attempted', 'not_contactable']))))
    .run();
}

export function closeEpisode(orm: Orm, input: { episodeId: number; closedOn: string; reason: string; summary: string | null }, actor: Actor): number {
  return orm.transaction((tx) => {
    const episode = requireEpisode(tx, input.episodeId);
    refuseBeforeReferral(episode, input.closedOn, 'closedOn', 'The closure');
    const lastActivity = tx
      .select({ d: max(contacts.contactOn) })
      .from(contacts)
      .where(and(eq(contacts.episodeId, episode.id), sql`${contacts.attendance} IS NOT NULL`))
      .get()?.d;
    if (lastActivity && input.closedOn < lastActivity) {
      const shown = lastActivity.split('-').reverse().join('/');
      throw new DomainError('VALIDATION', `The closure cannot be before the last contact (${shown}).`, { closedOn: `The last contact was on ${shown}: close on or after it.` });
    }
    tx.insert(episodeClosures)
      .values({ episodeId: episode.id, closedOn: input.closedOn, reason: input.reason, summary: input.summary, createdAt: actor.now.toISOString(), createdBy: actor.memberId })
      .run();
    // A referral never contacted and closed is, in the end, not contactable or declined: keep
    // the status the worker set, but do not leave it "received".
    const status = REFERRAL_OUTCOMES.includes(episode.referralStatus as ReferralStatus) ? episode.referralStatus : input.reason === 'no_contact' ? 'not_contactable' : episode.referralStatus;
    tx.update(episodes).set({ closedOn: input.closedOn, referralStatus: status, ...updated(actor) }).where(eq(episodes.id, episode.id)).run();
    return episode.personId;
  });
}

export function reopenEpisode(orm: Orm, input: { episodeId: number; reason: string }, actor: Actor): number {
  return orm.transaction((tx) => {
    const episode = requireEpisode(tx, input.episodeId, false);
    if (!episode.closedOn) throw new DomainError('CONFLICT', 'This episode is already open.');
    const other = tx
      .select({ id: episodes.id })
      .from(episodes)
      .where(and(eq(episodes.personId, episode.personId), isNull(episodes.closedOn)))
      .get();
    if (other) throw new DomainError('CONFLICT', 'This person has another open episode. Close it before reopening this one.');
    const closure = tx
      .select({ id: episodeClosures.id })
      .from(episodeClosures)
      .where(and(eq(episodeClosures.episodeId, episode.id), isNull(episodeClosures.reopenedAt)))
      .orderBy(desc(episodeClosures.id))
      .get();
    if (closure) {
      tx.update(episodeClosures)
        .set({ reopenedAt: actor.now.toISOString(), reopenedBy: actor.memberId, reopenReason: input.reason })
        .where(eq(episodeClosures.id, closure.id))
        .run();
    }
    tx.update(episodes).set({ closedOn: null, ...updated(actor) }).where(eq(episodes.id, episode.id)).run();
    return episode.personId;
  });
}
