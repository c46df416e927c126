// An export on the app's worker thread (../threads/worker.ts): one export, start to finish, on its
// own read-only connection. It starts as the export is asked for and gets ready (loads, opens the
// file, counts the rows) while the person chooses where to save; then it writes, or stops.
// The cancel flag is read between chunks, with no message to wait for.
import { openReader } from '../../../db/connection';
import type { ThreadIo } from '../threads/job';
import type { ExportJob, ToWorker, Written } from './job';
import { sourceFor, writeExport } from './run';

export async function runExport(job: ExportJob, key: Buffer, io: ThreadIo): Promise<Written | null> {
  const told = io.next() as Promise<ToWorker>;
  const db = openReader(job.database, key);
  key.fill(0);
  try {
    // One read transaction: every chunk comes from the same snapshot, whatever is saved meanwhile.
    db.exec('BEGIN');
    const source = sourceFor(db, job.profile, job.period, job.suppression, job.site ?? null);
    const message = await told;
    if (message.type === 'stop') return null;
    io.progress(0, source.total);
    return await writeExport(source, {
      destination: message.destination,
      fileType: job.fileType,
      temp: message.temp,
      zipPassword: message.zipPassword,
      cancelled: io.cancelled,
      onProgress: (p) => io.progress(p.done, p.total),
    });
  } finally {
    db.close();
  }
}
