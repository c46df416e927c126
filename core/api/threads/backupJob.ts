// A backup on the app's worker thread (./worker.ts): the copy (VACUUM INTO a temporary name), its
// check, the rename into place and the pruning to the newest N, all off the main thread.
import { createBackup } from '../../../db/backup';
import type { BackupInfo } from '../../domain/backup';
import type { BackupJob, ThreadIo } from './job';

export function runBackup(job: BackupJob, key: Buffer, io: ThreadIo): BackupInfo {
  const made = createBackup({ dataDir: job.dataDir, dataKey: key }, job.folder, job.keep, new Date(job.at), io.cancelled);
  return { fileName: made.fileName, takenAt: made.takenAt, bytes: made.bytes, people: made.counts.people ?? null, verified: true };
}
