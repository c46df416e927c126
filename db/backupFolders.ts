// Where backups have been going, noted beside the caseload in plain JSON. The backup folder
// setting lives inside the encrypted file, so when that file is damaged this note is how the
// app still finds the backups to restore from. It holds a folder path and nothing else.
import { readFileSync, statSync } from 'node:fs';
import { replaceFile } from './files';
import { dirname, join, resolve } from 'node:path';
import { isNetworkPath } from '../core/domain/localPath';

const NOTE = 'caseload.backup-folder.json';

export const defaultBackupFolder = (dataDir: string) => join(dataDir, 'backups');

function remembered(dataDir: string): string | null {
  try {
    const folder = (JSON.parse(readFileSync(join(dataDir, NOTE), 'utf8')) as { folder?: unknown }).folder;
    return typeof folder === 'string' && folder ? folder : null;
  } catch {
    return null;
  }
}

/** Called after each backup: a failure to note it must not fail the backup. */
export function rememberBackupFolder(dataDir: string, folder: string): void {
  if (remembered(dataDir) === folder) return;
  try {
    replaceFile(join(dataDir, NOTE), JSON.stringify({ folder }));
  } catch {
    // Only the note is lost: the backup itself was made.
  }
}

/** The folder backups last went to, then the default one; each once. */
export function knownBackupFolders(dataDir: string): string[] {
  const folders = [remembered(dataDir), defaultBackupFolder(dataDir)].filter((f): f is string => !!f);
  return [...new Map(folders.map((f) => [resolve(f), f])).values()];
}

/** The device a path is on, read from its nearest folder that exists (a backup folder may not yet). */
function deviceOf(path: string): number | null {
  let at = resolve(path);
  for (;;) {
    try {
      return statSync(at).dev;
    } catch {
      const up = dirname(at);
      if (up === at) return null;
      at = up;
    }
  }
}

/**
 * Whether backups in `folder` share a disk with the caseload in `dataDir`: then one broken or
 * re-imaged PC loses both. A network share never does; on Windows a mapped drive (H:) is its own
 * device, as an other disk is.
 */
export function onSameDisk(folder: string, dataDir: string): boolean {
  if (isNetworkPath(folder)) return false;
  const a = deviceOf(folder);
  return a !== null && a === deviceOf(dataDir);
}
