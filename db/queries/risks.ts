// Risk flags: raised, acted on, escalated, resolved. Kept on the person so a flag stays visible
// across episodes until it is resolved.
import { eq } from 'drizzle-orm';
import { pick, sentFields } from '../../core/domain/recordFields';
import { DomainError } from '../../core/domain/result';
import { checkEscalation, type RiskPatch } from '../../core/domain/risk';
import { episodes, people, riskFlags } from '../schema';
import type { Orm, Tx } from '../types';
import { refuseProblems } from './patches';
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

/** Writes only the fields sent; the escalation is checked as it will stand (an escalation has its date). */
export function updateRisk(orm: Orm, id: number, patch: RiskPatch, actor: Actor): number {
  return orm.transaction((tx) => {
    const risk = requireRisk(tx, id);
    const changes = sentFields(patch);
    const whole = { ...pick(risk, ['actionTaken', 'escalated', 'escalatedOn', 'raisedOn']), ...changes };
    refuseProblems(whole, checkEscalation);
    // Not escalated has no escalation date, whichever of the two was sent.
    const escalation = 'escalated' in changes || 'escalatedOn' in changes ? { escalatedOn: whole.escalated ? whole.escalatedOn : null } : {};
    tx.update(riskFlags)
      .set({ ...changes, ...escalation, ...updated(actor) })
      .where(eq(riskFlags.id, id))
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
