// Writing a file that leaves the app (an export, a subject access copy) so that it is either
// there whole or not at all: written to a hidden temporary file beside the destination, flushed
// to disk, hashed, and only then renamed into place. A failure removes the temporary file.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { fsyncFile, tempBeside } from '../../../db/files';

export interface WrittenFile {
  path: string;
  sha256: string;
}

/** `write` fills the temporary file it is given; the finished file appears at `destination`. */
export async function writeAtomically(destination: string, write: (tempPath: string) => Promise<void>): Promise<WrittenFile> {
  const temp = tempBeside(destination);
  try {
    await write(temp);
    fsyncFile(temp);
    const sha256 = createHash('sha256').update(readFileSync(temp)).digest('hex');
    renameSync(temp, destination);
    return { path: destination, sha256 };
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
