// When the caseload will not open cleanly: copy the files as they were found into a dated folder
// beside them (never moving, deleting or overwriting anything), and find backups to restore from.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DamageReport, FoundBackup } from '../core/domain/damage';
import { checkBackup, listBackupFiles } from './backup';
import { knownBackupFolders } from './backupFolders';
import { workspacePaths } from './paths';

const COPY_PREFIX = 'damaged-copy-';

const caseloadFiles = (dataDir: string) => {
  const { database, envelope } = workspacePaths(dataDir);
  return [database, `${database}-wal`, `${database}-shm`, envelope].filter((f) => existsSync(f));
};

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The newest earlier copy, if it holds exactly these files with these bytes: no second copy then. */
function sameAsLastCopy(dataDir: string, files: string[]): string | null {
  const copies = readdirSync(dataDir)
    .filter((f) => f.startsWith(COPY_PREFIX))
    .sort((a, b) => statSync(join(dataDir, a)).mtimeMs - statSync(join(dataDir, b)).mtimeMs);
  const last = copies.at(-1);
  if (!last) return null;
  const folder = join(dataDir, last);
  const held = readdirSync(folder).sort();
  if (held.join('|') !== files.map((f) => basename(f)).sort().join('|')) return null;
  return files.every((f) => digest(f) === digest(join(folder, basename(f)))) ? folder : null;
}

/**
 * Copies the caseload, its -wal and -shm files and its key file into damaged-copy-<UTC time>/
 * in the data folder. Returns the folder, or null when no copy could be made (a full disk, say):
 * the originals are still where they were either way.
 */
function setAsideDamaged(dataDir: string, now = new Date()): string | null {
  const files = caseloadFiles(dataDir);
  if (files.length === 0) return null;
  try {
    const earlier = sameAsLastCopy(dataDir, files);
    if (earlier) return earlier;
  } catch {
    // An unreadable earlier copy: make a new one.
  }
  const base = join(dataDir, `${COPY_PREFIX}${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`);
  // A second copy in the same second gets -2, -3…: an earlier copy is never written over.
  let folder: string | null = null;
  for (let n = 1; n <= 100 && !folder; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    try {
      mkdirSync(candidate, { mode: 0o700 });
      folder = candidate;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return null;
    }
  }
  if (!folder) return null;
  try {
    for (const f of files) copyFileSync(f, join(folder, basename(f)));
    return folder;
  } catch {
    // A half copy would look like a whole one: remove the folder this call made, and only that.
    rmSync(folder, { recursive: true, force: true });
    return null;
  }
}

/** Every backup in the folders backups are known to go to, newest first. */
function findBackups(dataDir: string): FoundBackup[] {
  return knownBackupFolders(dataDir)
    .flatMap((folder) => listBackupFiles(folder))
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** The newest backup that opens with this key and passes SQLite's integrity check. */
function newestGoodBackup(backups: FoundBackup[], dataKey: Buffer): DamageReport['newestGood'] {
  for (const b of backups) {
    try {
      const { coordinators: _c, ...check } = checkBackup(b.path, dataKey);
      return { ...check, path: b.path };
    } catch {
      // Damaged, or made under another key: try the next one.
    }
  }
  return null;
}

export function damageReport(dataDir: string, part: DamageReport['part'], dataKey: Buffer | null, now = new Date()): DamageReport {
  const copyFolder = setAsideDamaged(dataDir, now);
  const backups = findBackups(dataDir);
  return { part, detectedAt: now.toISOString(), copyFolder, backups, newestGood: dataKey ? newestGoodBackup(backups, dataKey) : null };
}
