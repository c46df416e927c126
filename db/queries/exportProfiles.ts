// Saved and imported export profiles, and the export log.
import { desc, eq, isNotNull } from 'drizzle-orm';
import type { AuditAnchor } from '../../core/domain/audit';
import { BUILT_IN_PROFILES, profileSchema, type ExportProfile } from '../../core/domain/export/profile';
import type { ExportLogEntry } from '../../core/domain/export/request';
import { MONTHLY_RETURN_ID } from '../../core/domain/export/request';
import { COMBINED_RETURN_ID } from '../../core/domain/export/combineRequest';
import { returnLayoutSchema, type ReturnLayout } from '../../core/domain/export/returnLayout';
import { DomainError } from '../../core/domain/result';
import { exportLog, exportProfiles } from '../schema';
import type { Orm } from '../types';
import { created, memberNames, updated, type Actor } from './stamps';
import { auditHead } from './audit';

const RESERVED_LAYOUT_IDS = [MONTHLY_RETURN_ID, COMBINED_RETURN_ID];

export function listProfiles(orm: Orm): ExportProfile[] {
  const saved = orm
    .select()
    .from(exportProfiles)
    .all()
    .flatMap((r) => {
      // A stored profile that no longer validates (a column removed in a later version) is skipped.
      const parsed = profileSchema.safeParse(r.profile);
      return parsed.success ? [parsed.data] : [];
    });
  return [...BUILT_IN_PROFILES, ...saved.sort((a, b) => a.name.localeCompare(b.name))];
}

/** The trust's layouts of the monthly return: kept beside the profiles, in the same table. */
export function listLayouts(orm: Orm): ReturnLayout[] {
  return orm
    .select()
    .from(exportProfiles)
    .all()
    .flatMap((r) => {
      const parsed = returnLayoutSchema.safeParse(r.profile);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function findLayout(orm: Orm, id: string): ReturnLayout | null {
  return listLayouts(orm).find((l) => l.id === id) ?? null;
}

/** Saves a layout; its id may not be a built-in profile's, nor a row profile's. */
export function saveLayout(orm: Orm, layout: ReturnLayout, actor: Actor): ReturnLayout[] {
  if (BUILT_IN_PROFILES.some((b) => b.id === layout.id) || RESERVED_LAYOUT_IDS.includes(layout.id) || listProfiles(orm).some((p) => p.id === layout.id)) {
    throw new DomainError('CONFLICT', 'That id belongs to another profile: save the layout under a new id.', { id: 'This id belongs to another profile.' });
  }
  orm.insert(exportProfiles)
    .values({ id: layout.id, profile: layout, ...created(actor) })
    .onConflictDoUpdate({ target: exportProfiles.id, set: { profile: layout, ...updated(actor) } })
    .run();
  return listLayouts(orm);
}

export function findProfile(orm: Orm, id: string): ExportProfile {
  const p = listProfiles(orm).find((x) => x.id === id);
  if (!p) throw new DomainError('NOT_FOUND', 'That export profile no longer exists.');
  return p;
}

export function saveProfile(orm: Orm, profile: ExportProfile, actor: Actor): ExportProfile[] {
  if (BUILT_IN_PROFILES.some((b) => b.id === profile.id)) {
    throw new DomainError('CONFLICT', 'Built-in profiles cannot be changed: save it under a new id.', { id: 'This id belongs to a built-in profile.' });
  }
  if (findLayout(orm, profile.id)) throw new DomainError('CONFLICT', 'That id belongs to a return layout: save the profile under a new id.', { id: 'This id belongs to a return layout.' });
  orm.insert(exportProfiles)
    .values({ id: profile.id, profile, ...created(actor) })
    .onConflictDoUpdate({ target: exportProfiles.id, set: { profile, ...updated(actor) } })
    .run();
  return listProfiles(orm);
}

export function deleteProfile(orm: Orm, id: string): ExportProfile[] {
  orm.delete(exportProfiles).where(eq(exportProfiles.id, id)).run();
  return listProfiles(orm);
}

/** Notes a saved file, with the audit log's head as it is now: an anchor outside the chain itself. */
export function logExport(orm: Orm, entry: Omit<ExportLogEntry, 'id' | 'memberName' | 'exportedAt' | 'auditEntries' | 'auditHash'>, actor: Actor): void {
  const head = auditHead(orm);
  orm.insert(exportLog).values({ ...entry, exportedAt: actor.now.toISOString(), memberId: actor.memberId, auditEntries: head.entries, auditHash: head.hash }).run();
}

export function listExportLog(orm: Orm, limit = 200): ExportLogEntry[] {
  const name = memberNames(orm);
  return orm
    .select()
    .from(exportLog)
    .orderBy(desc(exportLog.id))
    .limit(limit)
    .all()
    .map(({ memberId, ...r }) => ({ ...r, memberName: name(memberId) }));
}

/** The audit heads noted with each saved file (anchors for verifyAudit). */
export function exportAnchors(orm: Orm): AuditAnchor[] {
  return orm
    .select()
    .from(exportLog)
    .where(isNotNull(exportLog.auditEntries))
    .all()
    .map((r) => ({ source: 'export' as const, name: r.fileName, at: r.exportedAt, entries: r.auditEntries!, hash: r.auditHash ?? '' }));
}
