// The export worker thread: one export, start to finish, on its own read-only connection, so the
// app's main thread (the window's IPC, the harness's server) never waits while rows are read,
// formatted and written. It starts as the export is asked for and gets ready (loads, opens the
// file, counts the rows) while the person chooses where to save; then it writes, or stops.
// Built as its own entry for Electron (electron.vite.config.ts); loaded through tsx from source.
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { openReader } from '../../../db/connection';
import { DomainError } from '../../domain/result';
import type { ExportJob, FromWorker, ToWorker } from './job';
import { sourceFor, writeExport } from './run';

const job = workerData as ExportJob;
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
const cancel = new Int32Array(job.cancel);
const told = once(port, 'message') as Promise<[ToWorker]>;

async function run(): Promise<void> {
  const key = Buffer.from(job.dataKey);
  job.dataKey.fill(0);
  let db;
  try {
    db = openReader(job.database, key);
  } finally {
    key.fill(0);
  }
  try {
    // One read transaction: every chunk comes from the same snapshot, whatever is saved meanwhile.
    db.exec('BEGIN');
    const source = sourceFor(db, job.profile, job.period, job.suppression);
    const [message] = await told;
    if (message.type === 'stop') return;
    post({ type: 'progress', done: 0, total: source.total });
    const written = await writeExport(source, {
      destination: message.destination,
      temp: message.temp,
      zipPassword: message.zipPassword,
      cancelled: () => Atomics.load(cancel, 0) === 1,
      onProgress: (p) => post({ type: 'progress', done: p.done, total: p.total }),
    });
    post({ type: 'done', ...written });
  } finally {
    db.close();
  }
}

try {
  await run();
} catch (e) {
  const domain = e instanceof DomainError;
  const code = (e as { code?: unknown })?.code;
  post({ type: 'failed', domain, code: typeof code === 'string' ? code : '', message: domain ? e.message : '', name: (e as Error)?.name ?? 'Error' });
} finally {
  port.close();
}
