// Signposting and onward referrals.
import { eq } from 'drizzle-orm';
import { sentFields } from '../../core/domain/recordFields';
import { DomainError } from '../../core/domain/result';
import type { SignpostingPatch } from '../../core/domain/signposting';
import { signposting } from '../schema';
import type { Orm } from '../types';
import { refuseBeforeReferral, requireEpisode } from './episodes';
import { created, updated, type Actor } from './stamps';

export function addSignposting(
  orm: Orm,
  input: { episodeId: number; serviceType: string; madeOn: string; organisation: string | null; outcome: string; note: string | null },
  actor: Actor,
): number {
  return orm.transaction((tx) => {
    const episode = requireEpisode(tx, input.episodeId);
    refuseBeforeReferral(episode, input.madeOn, 'madeOn', 'Signposting');
    tx.insert(signposting).values({ ...input, ...created(actor) }).run();
    return episode.personId;
  });
}

/** Writes only the outcome or note sent. */
export function updateSignposting(orm: Orm, id: number, patch: SignpostingPatch, actor: Actor): number {
  return orm.transaction((tx) => {
    const row = tx.select({ episodeId: signposting.episodeId }).from(signposting).where(eq(signposting.id, id)).get();
    if (!row) throw new DomainError('NOT_FOUND', 'That signposting record no longer exists.');
    const episode = requireEpisode(tx, row.episodeId);
    tx.update(signposting).set({ ...sentFields(patch), ...updated(actor) }).where(eq(signposting.id, id)).run();
    return episode.personId;
  });
}
