// The app's worker thread: runs jobs (an export, a backup, the unlock's whole-file check) one at a
// time, each start to finish on its own connection, so the main thread (the window's IPC, the
// harness's server) never waits while a file is read, copied or checked. The app keeps a thread
// that finished cleanly for its next job (./start.ts). Each kind's code is loaded only when first
// asked for: an integrity check does not pay for the export's libraries.
// Built as its own entry for Electron (electron.vite.config.ts); loaded through tsx from source.
import { once } from 'node:events';
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../domain/result';
import type { FromThread, JobMessage, ThreadIo } from './job';

async function run(job: JobMessage, io: ThreadIo): Promise<unknown> {
  // The key leaves the job at once: only this Buffer holds it, and it is zeroed when the job ends.
  const key = Buffer.from(job.dataKey);
  job.dataKey.fill(0);
  try {
    switch (job.kind) {
      case 'export':
        return await (await import('../exports/onThread')).runExport(job, key, io);
      case 'backup':
        return (await import('./backupJob')).runBackup(job, key, io);
      case 'integrity':
        return (await import('./integrityJob')).runIntegrityCheck(job, key);
      case 'import':
        return await (await import('../imports/onThread')).runImport(job, key, io);
    }
  } finally {
    key.fill(0);
  }
}

/** One job on its own port; it answers once, done or failed, and the port is closed. */
async function serve(job: JobMessage): Promise<void> {
  const { port } = job;
  const post = (message: FromThread) => port.postMessage(message);
  const cancel = new Int32Array(job.cancel);
  const io: ThreadIo = {
    cancelled: () => Atomics.load(cancel, 0) === 1,
    progress: (done, total) => post({ type: 'progress', done, total }),
    next: async () => ((await once(port, 'message')) as [unknown])[0],
  };
  try {
    post({ type: 'done', value: await run(job, io) });
  } catch (e) {
    const domain = e instanceof DomainError;
    const code = (e as { code?: unknown })?.code;
    // A DomainError's field messages (a workbook's password) are the app's own words, like its message.
    post({ type: 'failed', domain, code: typeof code === 'string' ? code : '', message: domain ? e.message : '', name: (e as Error)?.name ?? 'Error', fields: domain ? e.fields : undefined });
  } finally {
    port.close();
  }
}

// Jobs come one at a time (the app gives a thread a new job only after the last one answered).
parentPort!.on('message', (job: JobMessage) => void serve(job));
