// Contacts: sessions held, planned, missed or cancelled.
import { eq } from 'drizzle-orm';
import { DomainError } from '../../core/domain/result';
import { contacts } from '../schema';
import type { Orm } from '../types';
import { engageOnAttendance, refreshContactDates, refuseBeforeReferral, requireEpisode } from './episodes';
import { created, updated, type Actor } from './stamps';

export interface ContactInput {
  contactOn: string;
  startTime: string | null;
  minutes: number | null;
  mode: string;
  type: string;
  attendance: string | null;
  topics: string[];
  note: string | null;
}

export function addContact(orm: Orm, episodeId: number, input: ContactInput, actor: Actor): number {
  return orm.transaction((tx) => {
    const episode = requireEpisode(tx, episodeId);
    refuseBeforeReferral(episode, input.contactOn, 'contactOn', 'A contact');
    tx.insert(contacts).values({ episodeId, ...input, ...created(actor) }).run();
    engageOnAttendance(tx, episodeId, input.attendance);
    refreshContactDates(tx, episodeId);
    return episode.personId;
  });
}

export function updateContact(orm: Orm, id: number, input: ContactInput, actor: Actor): number {
  return orm.transaction((tx) => {
    const existing = tx.select({ episodeId: contacts.episodeId }).from(contacts).where(eq(contacts.id, id)).get();
    if (!existing) throw new DomainError('NOT_FOUND', 'That contact no longer exists.');
    const episode = requireEpisode(tx, existing.episodeId);
    refuseBeforeReferral(episode, input.contactOn, 'contactOn', 'A contact');
    tx.update(contacts).set({ ...input, ...updated(actor) }).where(eq(contacts.id, id)).run();
    engageOnAttendance(tx, episode.id, input.attendance);
    refreshContactDates(tx, episode.id);
    return episode.personId;
  });
}
