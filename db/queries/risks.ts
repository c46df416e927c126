// Risk flags: raised, acted on, escalated, resolved. Kept on the person so a flag stays visible
// across episodes until it is resolved.
import { eq } from 'drizzle-orm';
import { DomainError } from '../../core/domain/result';
import { episodes, people, riskFlags } from '../schema';
import type { Orm, Tx } from '../types';
import { created, updated, type Actor } from './stamps';

export function raiseRisk(
  orm: Orm,
  input: { personId: number; episodeId: number | null; raisedOn: string; description: string; actionTaken: string | null; escalated: boolean; escalatedOn: string | null },
  actor: Actor,
): number {
  return orm.transaction((tx) => {
    if (!tx.select({ id: people.id }).from(people).where(eq(people.id, input.personId)).get())
      throw new DomainError('NOT_FOUND', 'That person is no longer on the caseload.');
    if (input.episodeId !== null) {
      const e = tx.select({ personId: episodes.personId }).from(episodes).where(eq(episodes.id, input.episodeId)).get();
      if (!e || e.personId !== input.personId) throw new DomainError('VALIDATION', 'That episode belongs to someone else.');
    }
    tx.insert(riskFlags).values({ ...input, ...created(actor) }).run();
    return input.personId;
  });
}

function requireRisk(tx: Tx, id: number) {
  const risk = tx.select().from(riskFlags).where(eq(riskFlags.id, id)).get();
  if (!risk) throw new DomainError('NOT_FOUND', 'That risk flag no longer exists.');
  if (risk.resolvedOn) throw new DomainError('CONFLICT', 'This risk flag is already resolved.');
  return risk;
}

export function updateRisk(orm: Orm, input: { id: number; actionTaken: string | null; escalated: boolean; escalatedOn: string | null }, actor: Actor): number {
  return orm.transaction((tx) => {
    const risk = requireRisk(tx, input.id);
    if (input.escalatedOn && input.escalatedOn < risk.raisedOn)
      throw new DomainError('VALIDATION', 'Escalation cannot be before the risk was identified.', { escalatedOn: 'Escalation cannot be before the risk was identified.' });
    tx.update(riskFlags)
      .set({ actionTaken: input.actionTaken, escalated: input.escalated, escalatedOn: input.escalated ? input.escalatedOn : null, ...updated(actor) })
      .where(eq(riskFlags.id, input.id))
      .run();
    return risk.personId;
  });
}

export function resolveRisk(orm: Orm, input: { id: number; resolvedOn: string; note: string | null }, actor: Actor): number {
  return orm.transaction((tx) => {
    const risk = requireRisk(tx, input.id);
    if (input.resolvedOn < risk.raisedOn)
      throw new DomainError('VALIDATION', 'A risk cannot be resolved before it was identified.', { resolvedOn: 'A risk cannot be resolved before it was identified.' });
    tx.update(riskFlags)
      .set({ resolvedOn: input.resolvedOn, resolvedBy: actor.memberId, resolutionNote: input.note, ...updated(actor) })
      .where(eq(riskFlags.id, input.id))
      .run();
    return risk.personId;
  });
}
