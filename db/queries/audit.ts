// The hash-chained audit log: append, read, verify.
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import { auditLog } from '../schema';
import type { Queryable } from '../types';
import { memberNames } from './stamps';
import type { AuditAnchor, AuditDescription, AuditEntry, AuditHead, AuditVerification } from '../../core/domain/audit';

export const GENESIS = '0'.repeat(64);

/** An entry to append: what happened (core/domain/audit.ts), when, and who. */
export interface AuditInput extends AuditDescription {
  at: string;
  memberId: number | null;
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

export interface AuditFilter {
  from?: string;
  to?: string;
  action?: string;
  entity?: string;
  entityId?: number;
  limit: number;
  /** Entries to skip (a page further back). */
  offset?: number;
  /** Only entries older than this id: reading the whole log a page at a time, for the CSV. */
  beforeId?: number;
}

function whereOf(filter: Omit<AuditFilter, 'limit'>): SQL | undefined {
  return and(
    filter.beforeId !== undefined ? lt(auditLog.id, filter.beforeId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lte(auditLog.at, `${filter.to}\uffff`) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.entityId !== undefined ? eq(auditLog.entityId, filter.entityId) : undefined,
  );
}

export function listAudit(orm: Queryable, filter: AuditFilter): AuditEntry[] {
  const name = memberNames(orm);
  return orm
    .select()
    .from(auditLog)
    .where(whereOf(filter))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .all()
    .map((r) => ({ id: r.id, at: r.at, memberName: r.memberId === null ? '' : name(r.memberId), action: r.action, entity: r.entity, entityId: r.entityId, detail: r.detail, hash: r.hash }));
}

export function countAudit(orm: Queryable, filter: Omit<AuditFilter, 'limit'>): number {
  return orm.select({ n: count() }).from(auditLog).where(whereOf(filter)).get()?.n ?? 0;
}

/**
 * Walks the chain from the start (the first entry whose link or hash does not hold is reported),
 * then holds it against the heads noted outside it. The chain alone shows an entry changed in
 * place; only an anchor shows a chain rewritten from some point on, or cut short, by someone
 * holding the key (see the README's "What the audit log proves").
 */
export function verifyAudit(orm: Queryable, anchors: AuditAnchor[] = []): AuditVerification {
  let prev = GENESIS;
  let brokenAt: number | null = null;
  let good = 0;
  const hashes: string[] = [];
  for (const r of orm.select().from(auditLog).orderBy(asc(auditLog.id)).all()) {
    const { id, hash, ...rest } = r;
    if (brokenAt === null && (rest.prevHash !== prev || hashOf(rest) !== hash)) brokenAt = id;
    if (brokenAt === null) {
      prev = hash;
      good++;
    }
    hashes.push(hash);
  }
  const anchorsFailed: AuditVerification['anchorsFailed'] = [];
  for (const a of anchors) {
    if (a.entries === 0) continue;
    if (a.entries > hashes.length) anchorsFailed.push({ ...a, problem: 'cut' });
    else if (hashes[a.entries - 1] !== a.hash) anchorsFailed.push({ ...a, problem: 'rewritten' });
  }
  return {
    ok: brokenAt === null && anchorsFailed.length === 0,
    entries: good,
    brokenAt,
    head: { entries: hashes.length, hash: hashes.at(-1) ?? GENESIS },
    anchorsChecked: anchors.length,
    anchorsFailed,
  };
}

/** The actions the log holds, for the audit screen's filter. */
export function auditActions(orm: Queryable): string[] {
  return orm.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)).all().map((r) => r.action);
}

/**
 * Backups this caseload made and checked, by file name, with the people count it recorded then
 * (null in entries written before the count was kept). Every backup the app makes is verified
 * before it is kept, so being here means it was verified.
 */
export function backupsMadeHere(orm: Queryable): Map<string, number | null> {
  const rows = orm
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(inArray(auditLog.action, ['backup.created', 'backups.create']))
    .all();
  const made = new Map<string, number | null>();
  for (const r of rows) {
    try {
      const d = JSON.parse(r.detail ?? '{}') as { fileName?: unknown; people?: unknown };
      if (typeof d.fileName === 'string') made.set(d.fileName, typeof d.people === 'number' ? d.people : null);
    } catch {
      // Not ours to judge here: verifying the chain shows a tampered entry.
    }
  }
  return made;
}

/**
 * When this member's passphrase was last reset with the recovery key, if that was after their
 * last sign-in with their own passphrase: the sign-in that follows a reset tells them so.
 */
export function passphraseResetSinceLastSignIn(orm: Queryable, memberId: number): string | null {
  // The reset is looked up by its record (audit_entity_idx: entity 'member', that member's id), and
  // only the entries after it by time (audit_at_idx): never a pass over the whole log at unlock.
  const reset = orm
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'member'), eq(auditLog.entityId, memberId), eq(auditLog.action, 'session.recover')))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get()?.at;
  if (!reset) return null;
  const signedInSince = orm
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(gt(auditLog.at, reset), eq(auditLog.action, 'session.unlock'), eq(auditLog.memberId, memberId)))
    .limit(1)
    .get();
  return signedInSince ? null : reset;
}

/** The head of the chain now: its length and the last entry's hash (GENESIS when empty). */
export function auditHead(orm: Queryable): AuditHead {
  const entries = orm.select({ n: count() }).from(auditLog).get()?.n ?? 0;
  const hash = orm.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()?.hash ?? GENESIS;
  return { entries, hash };
}

