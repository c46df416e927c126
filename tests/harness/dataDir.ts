// The harness's data folder: made when it is not there yet (`--data-dir /tmp/new-folder`), with
// plain words when it cannot be, so set-up never meets a missing folder.
import { accessSync, constants, mkdirSync } from 'node:fs';

const REASONS: Record<string, string> = {
  EEXIST: 'there is a file where the folder should be',
  ENOTDIR: 'there is a file where one of the folders above it should be',
  EACCES: 'this account may not make or write to it',
  EPERM: 'this account may not make or write to it',
  EROFS: 'it is on a read-only drive',
};

export class DataDirProblem extends Error {
  constructor(dir: string, reason: string) {
    super(`The harness cannot use ${dir} as its data folder: ${reason}. Choose another folder with --data-dir.`);
    this.name = 'DataDirProblem';
  }
}

/** Makes `dir` (and any folders above it) owner-only if it is missing, and checks it can be written. */
export function prepareDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    const code = String((e as NodeJS.ErrnoException).code ?? '');
    throw new DataDirProblem(dir, REASONS[code] ?? `it could not be made (${code || 'unknown error'})`);
  }
}
