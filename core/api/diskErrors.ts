// Failures of the disk rather than of the app: a full disk, or a folder that cannot be written
// to. SQLite and Node name them differently; the person needs the same plain words for both,
// said about the thing that was not saved.
import { DomainError } from '../domain/result';

export type DiskProblem = 'full' | 'read_only';

export function diskProblem(e: unknown): DiskProblem | null {
  const code = String((e as { code?: unknown })?.code ?? '');
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read_only';
  return null;
}

export const DISK_FULL_MESSAGE = 'The disk is full, so this was not saved. Free some space and try again; everything saved before is safe.';
export const READ_ONLY_MESSAGE = 'The caseload folder cannot be written to, so this was not saved. Ask IT to check the folder’s permissions; everything saved before is safe.';

/** The disk problem in `e` as a DomainError with these words; anything else unchanged. */
export function explainDiskProblem(e: unknown, words: Record<DiskProblem, string>): unknown {
  const problem = diskProblem(e);
  if (problem === 'full') return new DomainError('DISK_FULL', words.full);
  if (problem === 'read_only') return new DomainError('READ_ONLY', words.read_only);
  return e;
}
