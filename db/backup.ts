// Encrypted backups: VACUUM INTO writes a compact copy under the same key (SQLite's backup API
// refuses an encrypted source, and would write plaintext if it did not), with a copy of the key
// envelope beside it. Each is opened and checked before it counts as a backup.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupCheck, BackupInfo, TableCounts } from '../core/domain/backup';
import { DomainError } from '../core/domain/result';
import { applyKey } from './connection';
import { forget, openWithPassphrase, openWithRecoveryKey, readEnvelope } from './keyEnvelope';
import { closeWorkspace, workspacePaths, type OpenWorkspace, type WorkspaceConfig } from './workspace';

const PREFIX = 'caseload-backup-';
const COUNTED = ['people', 'episodes', 'contacts', 'assessments', 'goals', 'risk_flags', 'audit_log'];

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const takenAtOf = (name: string) => {
  const m = name.match(/^caseload-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.db$/);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : null;
};
const keysFor = (dbPath: string) => dbPath.replace(/\.db$/, '.keys');

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

export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => takenAtOf(f) && existsSync(join(folder, keysFor(f))))
    .sort()
    .reverse()
    .map((f) => ({ fileName: f, takenAt: takenAtOf(f)!, bytes: statSync(join(folder, f)).size }));
}

/** Writes, verifies (opens with the key, integrity_check ok, counts match) and keeps `keep` newest. */
export function createBackup(ws: OpenWorkspace, config: WorkspaceConfig, folder: string, keep: number, now = new Date()): BackupInfo {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const name = `${PREFIX}${stamp(now)}.db`;
  const final = join(folder, name);
  const temp = join(folder, `.${name}.partial`);
  const keysTemp = join(folder, `.${keysFor(name)}.partial`);
  rmSync(temp, { force: true });
  try {
    const live = counts(ws.db);
    ws.db.prepare('VACUUM INTO ?').run(temp);
    const copy = openBackup(temp, ws.dataKey);
    try {
      const copied = counts(copy);
      if (JSON.stringify(copied) !== JSON.stringify(live)) throw new DomainError('DATABASE_DAMAGED', 'The backup did not match the caseload, so it was not kept. Try again.');
    } finally {
      copy.close();
    }
    copyFileSync(workspacePaths(config.dataDir).envelope, keysTemp);
    renameSync(keysTemp, join(folder, keysFor(name)));
    renameSync(temp, final);
  } catch (e) {
    rmSync(temp, { force: true });
    rmSync(keysTemp, { force: true });
    rmSync(join(folder, keysFor(name)), { force: true });
    throw e;
  }
  for (const old of listBackups(folder).slice(keep)) {
    rmSync(join(folder, old.fileName), { force: true });
    rmSync(join(folder, keysFor(old.fileName)), { force: true });
  }
  return listBackups(folder).find((b) => b.fileName === name)!;
}

/** Opens a backup with the passphrase or recovery key of its own key file and reports what is in it. */
export async function inspectBackup(path: string, secret: { passphrase?: string; recoveryKey?: string }): Promise<BackupCheck & { dataKey: Buffer; keysPath: string }> {
  if (!isAbsolute(path) || !existsSync(path)) throw new DomainError('NOT_FOUND', 'That backup file could not be found.');
  const keysPath = keysFor(path);
  if (!existsSync(keysPath)) throw new DomainError('NOT_FOUND', 'The key file that belongs with this backup is missing: it has the same name ending in .keys.');
  const envelope = readEnvelope(keysPath);
  const opened = secret.passphrase ? await openWithPassphrase(envelope, secret.passphrase) : secret.recoveryKey ? openWithRecoveryKey(envelope, secret.recoveryKey) : null;
  if (!opened) throw new DomainError(secret.passphrase ? 'WRONG_PASSPHRASE' : 'WRONG_RECOVERY_KEY', 'That does not open this backup. Use the passphrase or recovery key from when it was taken.');
  try {
    // A backup's key file may hold two key generations (taken during a re-key): one of them opens it.
    for (const [i, key] of opened.keys.entries()) {
      let db: Database.Database;
      try {
        db = openBackup(path, key.dataKey);
      } catch (e) {
        if (i < opened.keys.length - 1) continue;
        throw e;
      }
      try {
        return { fileName: basename(path), takenAt: takenAtOf(basename(path)) ?? statSync(path).mtime.toISOString(), counts: counts(db), dataKey: Buffer.from(key.dataKey), keysPath };
      } finally {
        db.close();
      }
    }
    throw new DomainError('DATABASE_DAMAGED', 'This backup could not be opened and checked: it may be damaged or belong to another caseload.');
  } finally {
    forget(opened);
  }
}

/**
 * Puts a checked backup in place of the live caseload. The current files are kept as a safety
 * copy first (never deleted); the backup's own key file comes with it.
 */
export function restoreBackup(config: WorkspaceConfig, session: OpenWorkspace | null, checked: { keysPath: string }, backupPath: string, now = new Date()): void {
  const paths = workspacePaths(config.dataDir);
  if (session) closeWorkspace(session);
  const safety = `before-restore-${stamp(now)}`;
  for (const f of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, paths.envelope]) {
    if (existsSync(f)) renameSync(f, join(dirname(f), `${basename(f)}.${safety}`));
  }
  const dbTemp = `${paths.database}.restoring`;
  copyFileSync(backupPath, dbTemp);
  copyFileSync(checked.keysPath, `${paths.envelope}.restoring`);
  renameSync(dbTemp, paths.database);
  renameSync(`${paths.envelope}.restoring`, paths.envelope);
}
