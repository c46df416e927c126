// Files written beside the caseload (key file, notes, backups) and files that leave the app
// (exports, copies) are written the same way: to a hidden temporary name beside the target,
// flushed to disk, then renamed, so a crash or a full disk leaves the old file or the new one,
// never half of either; a failed write removes its temporary file.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A hidden name beside `path` that never looks like a finished file. */
export function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable; not possible on Windows, where rename is already journaled. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces `path` with `data` all at once (owner-only permissions). */
export function replaceFile(path: string, data: string | Uint8Array): void {
  const temp = tempBeside(path);
  try {
    writeFileSync(temp, data, { mode: 0o600 });
    fsyncFile(temp);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  fsyncDir(dirname(path));
}
