// A restore, noted beside the caseload until it can go into the audit log: the restored file's
// own log knows nothing of it, and it may have been done while locked (from the damaged screen),
// when there is no key to write with. Holds a time and a backup file name only.
import { readFileSync, rmSync } from 'node:fs';
import { replaceFile } from './files';
import { join } from 'node:path';
import { z } from 'zod';

// onNewPc: the backup was opened on a PC with no caseload (set-up's "Open a caseload from a backup").
const noteSchema = z.object({ at: z.string().max(40), fileName: z.string().max(300), onNewPc: z.boolean().optional() });
export type RestoreNote = z.infer<typeof noteSchema>;

const file = (dataDir: string) => join(dataDir, 'caseload.restored');

export function noteRestore(dataDir: string, note: RestoreNote): void {
  try {
    replaceFile(file(dataDir), JSON.stringify(note));
  } catch {
    // The restore itself has happened; only its audit line is lost.
  }
}

/** The note, or null if there is none (or it is unreadable). */
export function readRestoreNote(dataDir: string): RestoreNote | null {
  try {
    return noteSchema.parse(JSON.parse(readFileSync(file(dataDir), 'utf8')));
  } catch {
    return null;
  }
}

/** Once its line is in the audit log. */
export function clearRestoreNote(dataDir: string): void {
  rmSync(file(dataDir), { force: true });
}
