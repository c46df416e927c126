// Contacts: sessions held, planned, missed or cancelled.
import { eq } from 'drizzle-orm';
import { checkContact, contactFields, type ContactDetails, type ContactPatch } from '../../core/domain/contact';
import { editableKeys, pick, sentFields } from '../../core/domain/recordFields';
import { DomainError } from '../../core/domain/result';
import { contacts } from '../schema';
import type { Orm } from '../types';
import { engageOnAttendance, refreshContactDates, refuseBeforeReferral, requireEpisode } from './episodes';
import { refuseProblems } from './patches';
import { created, updated, type Actor } from './stamps';

/** The contact's fields a form enters (core/domain/contact.ts). */
const DETAILS = editableKeys(contactFields);

export function addContact(orm: Orm, episodeId: number, input: ContactDetails, actor: Actor): number {
  return orm.transaction((tx) => {
    const episode = requireEpisode(tx, episodeId);
    refuseBeforeReferral(episode, input.contactOn, 'contactOn', 'A contact');
    tx.insert(contacts).values({ episodeId, ...pick(input, DETAILS), ...created(actor) }).run();
    engageOnAttendance(tx, episodeId, input.attendance);
    refreshContactDates(tx, episodeId);
    return episode.personId;
  });
}

/** Writes only the fields sent; the contact's rules are checked on it as it will stand. */
export function updateContact(orm: Orm, id: number, patch: ContactPatch, actor: Actor): number {
  return orm.transaction((tx) => {
    const row = tx.select().from(contacts).where(eq(contacts.id, id)).get();
    if (!row) throw new DomainError('NOT_FOUND', 'That contact no longer exists.');
    const episode = requireEpisode(tx, row.episodeId);
    const changes = sentFields(patch);
    const whole = { ...pick(row, DETAILS), ...changes };
    refuseProblems(whole, checkContact);
    refuseBeforeReferral(episode, whole.contactOn, 'contactOn', 'A contact');
    tx.update(contacts).set({ ...changes, ...updated(actor) }).where(eq(contacts.id, id)).run();
    engageOnAttendance(tx, episode.id, whole.attendance);
    refreshContactDates(tx, episode.id);
    return episode.personId;
  });
}
