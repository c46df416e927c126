// Encrypted backups: VACUUM INTO writes a compact copy under the same key (SQLite's backup API
// refuses an encrypted source, and would write plaintext if it did not), with a copy of the key
// envelope beside it. Each is opened and checked before it counts as a backup.
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import Database from 'better-sqlite3';
import { backupTakenAt, type BackupCheck, type TableCounts } from '../core/domain/backup';
import type { FoundBackup } from '../core/domain/damage';
import { DomainError } from '../core/domain/result';
import { rememberBackupFolder } from './backupFolders';
import { fsyncFile, replaceFile } from './files';
import type { AuditAnchor, AuditHead } from '../core/domain/audit';
import { z } from 'zod';
import { applyKey, openReader } from './connection';
import { forget, openWithPassphrase, openWithRecoveryKey, readEnvelope, type KeyEnvelope } from './keyEnvelope';
import { applyRevocations, isRevoked, withLiveRecovery, type Revoked } from './revocation';
import { workspacePaths } from './paths';
import type { WorkspaceConfig } from './types';

const PREFIX = 'caseload-backup-';
const COUNTED = ['people', 'episodes', 'contacts', 'assessments', 'goals', 'risk_flags', 'audit_log'];

/** UTC, to the millisecond: two backups in one second (a daily one, then "Back up now") differ. */
const stamp = (d: Date) => d.toISOString().replace(/[-:.]/g, '');
const keysFor = (dbPath: string) => dbPath.replace(/\.db$/, '.keys');
/** Beside each backup: the audit log's head in it, an anchor outside the live file (verifyAudit). */
const headFor = (dbPath: string) => dbPath.replace(/\.db$/, '.audit-head.json');

function counts(db: Database.Database): TableCounts {
  const out: TableCounts = {};
  for (const t of COUNTED) out[t] = (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
  return out;
}

function openBackup(path: string, dataKey: Buffer): Database.Database {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, dataKey);
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error('integrity');
    return db;
  } catch {
    db.close();
    throw new DomainError('DATABASE_DAMAGED', 'This backup could not be opened and checked: it may be damaged or belong to another caseload.');
  }
}

/** Backups in a folder, newest first: a backup is a .db file with its .keys file beside it. */
export function listBackupFiles(folder: string): FoundBackup[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((f) => backupTakenAt(f) && names.includes(keysFor(f)))
    .map((f) => ({ path: join(folder, f), fileName: f, takenAt: backupTakenAt(f)!, bytes: statSync(join(folder, f)).size }))
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

export const BACKUP_LOCKED_MESSAGE = 'The caseload was locked before the backup finished, so no backup was made. Sign in and back up again.';

/**
 * Whether the copy holds what the caseload held. The counts and the copy are separate read
 * transactions on the thread's own connection while the app goes on saving: with no commit from
 * another connection between them (data_version unchanged) the counts must match exactly;
 * otherwise each table's count must lie between those read just before and just after the copy.
 */
function sameRows(copied: TableCounts, before: TableCounts, after: TableCounts, changedMeanwhile: boolean): boolean {
  return COUNTED.every((t) => {
    if (!changedMeanwhile) return copied[t] === before[t];
    return copied[t] >= Math.min(before[t], after[t]) && copied[t] <= Math.max(before[t], after[t]);
  });
}

/**
 * Writes, verifies (opens with the key, integrity_check ok, counts match) and keeps `keep` newest.
 * Reads the caseload on its own read-only connection, so it can run on a worker thread beside the
 * app's connection (core/api/threads). `cancelled` is asked between steps: the copy itself cannot
 * be interrupted, but nothing is verified, renamed or kept after a cancel.
 */
export function createBackup(
  source: { dataDir: string; dataKey: Buffer },
  folder: string,
  keep: number,
  now = new Date(),
  cancelled: () => boolean = () => false,
): FoundBackup & { counts: TableCounts } {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // SQLite says only "unable to open" for a folder it cannot write: ask the OS, which says why.
  accessSync(folder, constants.W_OK);
  const name = `${PREFIX}${stamp(now)}.db`;
  const final = join(folder, name);
  if (existsSync(final)) throw new DomainError('CONFLICT', 'A backup was being taken at that very moment. Try again.');
  const temp = join(folder, `.${name}.partial`);
  const keysTemp = join(folder, `.${keysFor(name)}.partial`);
  const stopIfCancelled = () => {
    if (cancelled()) throw new DomainError('LOCKED', BACKUP_LOCKED_MESSAGE);
  };
  rmSync(temp, { force: true });
  let copied: TableCounts;
  let head: AuditHead;
  const db = openReader(workspacePaths(source.dataDir).database, source.dataKey);
  try {
    // VACUUM INTO counts as a write for query_only; the connection is opened read-only all the same.
    db.pragma('query_only = OFF');
    stopIfCancelled();
    const version = db.pragma('data_version', { simple: true });
    const before = counts(db);
    db.prepare('VACUUM INTO ?').run(temp);
    const changedMeanwhile = db.pragma('data_version', { simple: true }) !== version;
    const after = changedMeanwhile ? counts(db) : before;
    stopIfCancelled();
    fsyncFile(temp);
    const copy = openBackup(temp, source.dataKey);
    try {
      copied = counts(copy);
      head = headOf(copy);
      if (!sameRows(copied, before, after, changedMeanwhile)) throw new DomainError('DATABASE_DAMAGED', 'The backup did not match the caseload, so it was not kept. Try again.');
    } finally {
      copy.close();
    }
    stopIfCancelled();
    copyFileSync(workspacePaths(source.dataDir).envelope, keysTemp);
    fsyncFile(keysTemp);
    renameSync(keysTemp, join(folder, keysFor(name)));
    renameSync(temp, final);
    try {
      replaceFile(join(folder, headFor(name)), JSON.stringify({ ...head, takenAt: backupTakenAt(name) }));
    } catch {
      // Last, and not needed for a restore: a backup without its head is still a whole backup.
    }
  } catch (e) {
    // Whatever failed, no half backup is left to be mistaken for a whole one.
    rmSync(temp, { force: true });
    rmSync(keysTemp, { force: true });
    rmSync(join(folder, keysFor(name)), { force: true });
    throw e;
  } finally {
    db.close();
  }
  rememberBackupFolder(source.dataDir, folder);
  for (const old of listBackupFiles(folder).slice(keep)) {
    rmSync(old.path, { force: true });
    rmSync(keysFor(old.path), { force: true });
    rmSync(headFor(old.path), { force: true });
  }
  return { path: final, fileName: name, takenAt: backupTakenAt(name)!, bytes: statSync(final).size, counts: copied };
}

/** Opens a backup with a data key already in hand and reports what is in it (throws if damaged). */
export function checkBackup(path: string, dataKey: Buffer): BackupCheck & { coordinators: number[] } {
  const db = openBackup(path, dataKey);
  try {
    const coordinators = (db.prepare(`SELECT id FROM members WHERE role = 'coordinator' AND removed_at IS NULL`).all() as { id: number }[]).map((r) => r.id);
    return { fileName: basename(path), takenAt: backupTakenAt(basename(path)) ?? statSync(path).mtime.toISOString(), counts: counts(db), coordinators };
  } finally {
    db.close();
  }
}

/** Opens a backup with the passphrase or recovery key of its own key file and reports what is in it. */
export async function inspectBackup(
  path: string,
  secret: { passphrase?: string; recoveryKey?: string },
  /** The live key file's revoked ways in: a removed member's old passphrase opens no backup here. */
  revoked?: Revoked,
): Promise<BackupCheck & { dataKey: Buffer; generationId: string; keysPath: string; byCoordinator: boolean }> {
  if (!isAbsolute(path) || !existsSync(path)) throw new DomainError('NOT_FOUND', 'That backup file could not be found.');
  const keysPath = keysFor(path);
  if (!existsSync(keysPath)) throw new DomainError('NOT_FOUND', 'The key file that belongs with this backup is missing: it has the same name ending in .keys.');
  const envelope = readEnvelope(keysPath);
  const opened = secret.passphrase ? await openWithPassphrase(envelope, secret.passphrase) : secret.recoveryKey ? openWithRecoveryKey(envelope, secret.recoveryKey) : null;
  if (!opened) throw new DomainError(secret.passphrase ? 'WRONG_PASSPHRASE' : 'WRONG_RECOVERY_KEY', 'That does not open this backup. Use the passphrase or recovery key from when it was taken.');
  if (isRevoked(revoked, opened.slot)) {
    forget(opened);
    const removed = 'That sign-in has been removed from this caseload, so it no longer opens its backups.';
    throw new DomainError(secret.passphrase ? 'WRONG_PASSPHRASE' : 'WRONG_RECOVERY_KEY', removed, { [secret.passphrase ? 'passphrase' : 'recoveryKey']: removed });
  }
  try {
    // A backup's key file may hold two key generations (taken during a re-key): one of them opens it.
    for (const [i, key] of opened.keys.entries()) {
      try {
        const { coordinators, ...check } = checkBackup(path, key.dataKey);
        // Who opened it, in that backup's own members: the recovery key, or a coordinator's slot
        // (a slot from before members existed belonged to the one coordinator there was).
        const { slot } = opened;
        const byCoordinator = slot.type === 'recovery' || (slot.memberId === null ? coordinators.length > 0 : coordinators.includes(slot.memberId));
        return { ...check, dataKey: Buffer.from(key.dataKey), generationId: key.generationId, keysPath, byCoordinator };
      } catch (e) {
        if (i === opened.keys.length - 1) throw e;
      }
    }
    throw new DomainError('DATABASE_DAMAGED', 'This backup could not be opened and checked: it may be damaged or belong to another caseload.');
  } finally {
    forget(opened);
  }
}

/**
 * Puts a checked backup in place of the live caseload. The backup is copied in beside the live
 * files first, so a full disk fails before anything has moved; then the current files are kept
 * as a safety copy (renamed, never deleted) and the copies take their place, key file included.
 */
export function restoreBackup(
  config: WorkspaceConfig,
  closeCurrent: () => void,
  checked: { keysPath: string; dataKey: Buffer; generationId: string },
  backupPath: string,
  now = new Date(),
): void {
  const paths = workspacePaths(config.dataDir);
  const dbTemp = `${paths.database}.restoring`;
  const keysTemp = `${paths.envelope}.restoring`;
  // What was revoked here stays revoked in what comes back (db/revocation.ts).
  const live = readEnvelopeIfWhole(paths.envelope);
  const restoredKeys = withLiveRecovery(applyRevocations(readEnvelope(checked.keysPath), live), live, checked);
  try {
    copyFileSync(backupPath, dbTemp);
    writeFileSync(keysTemp, JSON.stringify(restoredKeys, null, 2), { mode: 0o600 });
    fsyncFile(dbTemp);
    fsyncFile(keysTemp);
  } catch (e) {
    rmSync(dbTemp, { force: true });
    rmSync(keysTemp, { force: true });
    throw e;
  }
  closeCurrent();
  const safety = `before-restore-${stamp(now)}`;
  for (const f of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, paths.envelope]) {
    if (existsSync(f)) renameSync(f, join(dirname(f), `${basename(f)}.${safety}`));
  }
  renameSync(dbTemp, paths.database);
  renameSync(keysTemp, paths.envelope);
}

/** The live key file, or null where there is none or it cannot be read (a damaged one is kept as it is). */
export function readEnvelopeIfWhole(path: string): KeyEnvelope | null {
  try {
    return readEnvelope(path);
  } catch {
    return null;
  }
}

function headOf(db: Database.Database): AuditHead {
  const row = db.prepare('SELECT count(*) AS n, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS h FROM audit_log').get() as { n: number; h: string | null };
  return { entries: row.n, hash: row.h ?? '0'.repeat(64) };
}

const headSchema = z.object({ entries: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });

/** The audit heads noted beside the backups in these folders (a missing or unreadable one is skipped). */
export function backupAnchors(folders: string[]): AuditAnchor[] {
  return folders.flatMap((folder) =>
    listBackupFiles(folder).flatMap((b) => {
      try {
        const head = headSchema.parse(JSON.parse(readFileSync(headFor(b.path), 'utf8')));
        return [{ source: 'backup' as const, name: b.fileName, at: b.takenAt, ...head }];
      } catch {
        return [];
      }
    }),
  );
}
