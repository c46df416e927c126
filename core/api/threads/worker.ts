// The app's worker thread: one job (an export, a backup, the unlock's whole-file check) start to
// finish on its own connection, so the main thread (the window's IPC, the harness's server) never
// waits while a file is read, copied or checked. Each kind's code is loaded only when asked for:
// an integrity check does not pay for the export's libraries.
// Built as its own entry for Electron (electron.vite.config.ts); loaded through tsx from source.
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../domain/result';
import type { FromThread, ThreadData, ThreadIo } from './job';

const data = workerData as ThreadData;
const port = parentPort!;
const post = (message: FromThread) => port.postMessage(message);
const cancel = new Int32Array(data.cancel);

const io: ThreadIo = {
  cancelled: () => Atomics.load(cancel, 0) === 1,
  progress: (done, total) => post({ type: 'progress', done, total }),
  next: async () => ((await once(port, 'message')) as [unknown])[0],
};

async function run(): Promise<unknown> {
  // The key leaves the job at once: only this Buffer holds it, and it is zeroed when the job ends.
  const key = Buffer.from(data.dataKey);
  data.dataKey.fill(0);
  try {
    switch (data.kind) {
      case 'export':
        return await (await import('../exports/thread')).runExport(data, key, io);
      case 'backup':
        return (await import('./backupJob')).runBackup(data, key, io);
      case 'integrity':
        return (await import('./integrityJob')).runIntegrityCheck(data, key);
    }
  } finally {
    key.fill(0);
  }
}

try {
  post({ type: 'done', value: await run() });
} catch (e) {
  const domain = e instanceof DomainError;
  const code = (e as { code?: unknown })?.code;
  post({ type: 'failed', domain, code: typeof code === 'string' ? code : '', message: domain ? e.message : '', name: (e as Error)?.name ?? 'Error' });
} finally {
  port.close();
}
