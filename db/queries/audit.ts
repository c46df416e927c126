// The hash-chained audit log: append, read, verify.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { auditLog } from '../schema';
import type { Queryable } from '../workspace';
import { memberNames } from './stamps';
import type { AuditEntry, AuditVerification } from '../../core/domain/audit';

export const GENESIS = '0'.repeat(64);

export interface AuditInput {
  at: string;
  memberId: number | null;
  action: string;
  entity?: string | null;
  entityId?: number | null;
  detail?: Record<string, string | number | boolean | null> | null;
}


function hashOf(e: { at: string; memberId: number | null; action: string; entity: string | null; entityId: number | null; detail: string | null; prevHash: string }): string {
  return createHash('sha256').update(JSON.stringify([e.prevHash, e.at, e.memberId, e.action, e.entity, e.entityId, e.detail])).digest('hex');
}

export function appendAudit(orm: Queryable, input: AuditInput): void {
  const prevHash = orm.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()?.hash ?? GENESIS;
  const row = {
    at: input.at,
    memberId: input.memberId,
    action: input.action,
    entity: input.entity ?? null,
    entityId: input.entityId ?? null,
    detail: input.detail ? JSON.stringify(input.detail) : null,
    prevHash,
  };
  orm.insert(auditLog).values({ ...row, hash: hashOf(row) }).run();
}

export function listAudit(orm: Queryable, filter: { from?: string; to?: string; action?: string; entity?: string; entityId?: number; limit: number }): AuditEntry[] {
  const name = memberNames(orm);
  const where: (SQL | undefined)[] = [
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lte(auditLog.at, `${filter.to}\uffff`) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.entityId !== undefined ? eq(auditLog.entityId, filter.entityId) : undefined,
  ];
  return orm
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit)
    .all()
    .map((r) => ({ id: r.id, at: r.at, memberName: r.memberId === null ? '' : name(r.memberId), action: r.action, entity: r.entity, entityId: r.entityId, detail: r.detail, hash: r.hash }));
}

/** Walks the chain from the start; the first entry whose link or hash does not hold is reported. */
export function verifyAudit(orm: Queryable): AuditVerification {
  let prev = GENESIS;
  let entries = 0;
  for (const r of orm.select().from(auditLog).orderBy(asc(auditLog.id)).all()) {
    const { id, hash, ...rest } = r;
    if (rest.prevHash !== prev || hashOf(rest) !== hash) return { ok: false, entries, brokenAt: id };
    prev = hash;
    entries++;
  }
  return { ok: true, entries, brokenAt: null };
}
