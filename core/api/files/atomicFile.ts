// Writing a file that leaves the app (an export, a subject access copy) so that it is either
// there whole or not at all: written to a hidden temporary file beside the destination, flushed
// to disk, hashed, and only then renamed into place. A failure removes the temporary file.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface WrittenFile {
  path: string;
  sha256: string;
}

/** `write` fills the temporary file it is given; the finished file appears at `destination`. */
export async function writeAtomically(destination: string, write: (tempPath: string) => Promise<void>): Promise<WrittenFile> {
  const temp = join(dirname(destination), `.${basename(destination)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await write(temp);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const sha256 = createHash('sha256').update(readFileSync(temp)).digest('hex');
    renameSync(temp, destination);
    return { path: destination, sha256 };
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
