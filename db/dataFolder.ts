// The caseload's folder itself, as opposed to the files in it. A folder that is missing, has a
// file in its place, or may not be used by this Windows account is not a damaged caseload: the
// person is told which it is, and that nothing was changed, instead of being sent to the damaged
// screen (which copies files aside and offers restores they do not need).
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { DomainError } from '../core/domain/result';

/** What the person was doing when the folder let them down: the words differ, the cause does not. */
export type FolderUse = 'set up' | 'open';

export const NOT_A_FOLDER_MESSAGE =
  'The caseload folder cannot be used: there is a file where the folder should be. Nothing has been changed or deleted. Ask IT to check the caseload folder.';

export const FOLDER_MISSING_MESSAGE =
  'The caseload folder cannot be found. If it is on a drive that is not connected, connect it and try again; otherwise ask IT. Nothing has been changed or deleted.';

export const folderNotWritableMessage = (use: FolderUse) =>
  use === 'set up'
    ? 'The caseload folder cannot be written to, so the caseload cannot be set up there. Nothing has been made. Ask IT to check the folder’s permissions.'
    : 'The caseload folder cannot be written to, so the caseload cannot be opened. Nothing has been changed. Ask IT to check the folder’s permissions.';

export const NO_READ_ACCESS_MESSAGE =
  'The caseload cannot be opened: this Windows account is not allowed to read its folder. Nothing has been changed or deleted. Ask IT to check the folder’s permissions.';

const NO_ACCESS = new Set(['EROFS', 'EACCES', 'EPERM']);
// ENOTDIR: a file where a folder on the way should be; EEXIST from mkdir: a file where this one should be.
const NOT_A_FOLDER = new Set(['ENOTDIR', 'EEXIST']);

/**
 * The folder problem behind a file-system error, in the person's words; null when the error is
 * not about the folder (the caller then decides, e.g. a damaged file). `access` is what failed:
 * writing (the folder's permissions or a read-only drive) or reading (the key file, say).
 */
export function folderError(e: unknown, use: FolderUse, access: 'write' | 'read' = 'write'): DomainError | null {
  const code = String((e as { code?: unknown })?.code ?? '');
  if (NO_ACCESS.has(code)) return access === 'write' ? new DomainError('READ_ONLY', folderNotWritableMessage(use)) : new DomainError('FOLDER_UNAVAILABLE', NO_READ_ACCESS_MESSAGE);
  if (NOT_A_FOLDER.has(code)) return new DomainError('FOLDER_UNAVAILABLE', NOT_A_FOLDER_MESSAGE);
  if (code === 'ENOENT') return new DomainError('FOLDER_UNAVAILABLE', FOLDER_MISSING_MESSAGE);
  return null;
}

/**
 * Throws the plain words when `dir` is not a folder this process can write in; returns quietly
 * when it is. access() reports a read-only mount (EROFS) even to an administrator.
 */
export function requireUsableFolder(dir: string, use: FolderUse): void {
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw folderError(e, use) ?? e;
  }
}

/** Why `dir` cannot hold the caseload, or null when it can (used to tell a folder problem from damage). */
export function folderProblem(dir: string, use: FolderUse): DomainError | null {
  try {
    requireUsableFolder(dir, use);
    return null;
  } catch (e) {
    return e instanceof DomainError ? e : null;
  }
}

/** Makes the folder (and any missing above it) if need be; a folder that cannot be made says why. */
export function makeFolder(dir: string, mode: number): void {
  try {
    mkdirSync(dir, { recursive: true, mode });
  } catch (e) {
    throw folderError(e, 'set up') ?? e;
  }
  requireUsableFolder(dir, 'set up');
}
