// Where backups have been going, noted beside the caseload in plain JSON. The backup folder
// setting lives inside the encrypted file, so when that file is damaged this note is how the
// app still finds the backups to restore from. It holds a folder path and nothing else.
import { readFileSync } from 'node:fs';
import { replaceFile } from './files';
import { join, resolve } from 'node:path';

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
