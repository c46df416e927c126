// Starting an export's worker thread and following it. The thread starts as soon as the export
// is asked for, so it loads and opens the file while the save window is open; then it is told
// where to write (or to stop). Progress is passed on, a cancel is a flag in shared memory, and
// if the thread dies without a word its half-written file is removed here.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportProgress } from '../../domain/export/request';
import { DomainError, type ErrorCode } from '../../domain/result';
import type { ExportJob, FromWorker, ToWorker } from './job';
import { CANCELLED_MESSAGE } from './run';

/** Which script runs an export and how: Electron's main build names its own (see electron/main). */
export interface ExportWorkerScript {
  file: string;
  execArgv?: string[];
}

/**
 * Running from source (tests, the harness, the bench): the TypeScript entry beside this file,
 * loaded through tsx, as the rest of the process is. Never used by the packaged app.
 */
export function sourceExportWorker(): ExportWorkerScript {
  const here = dirname(fileURLToPath(import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { file: join(here, 'worker.ts'), execArgv: ['--import', tsx] };
}

type Written = { path: string; rows: number; sha256: string };

export interface ExportThread {
  /** Writes to the chosen place; settles when the file is complete, cancelled or failed. */
  write(to: { destination: string; temp: string; zipPassword?: string }, options?: { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void }): Promise<Written>;
  /** When no file will be written after all (the save window was cancelled): the thread ends. */
  stop(): void;
}

export function startExportThread(script: ExportWorkerScript, job: Omit<ExportJob, 'cancel'>): ExportThread {
  // The job (with its copy of the key) is cloned into the worker; this copy is zeroed at once.
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(script.file, { workerData: { ...job, cancel: cancelFlag.buffer } satisfies ExportJob, execArgv: script.execArgv });
  job.dataKey.fill(0);
  const tell = (message: ToWorker) => worker.postMessage(message);
  let temp: string | null = null;
  let onProgress: ((p: ExportProgress) => void) | undefined;
  // Whatever the thread says, kept until write() is waiting for it.
  const outcome = new Promise<Written>((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') onProgress?.({ running: true, done: message.done, total: message.total });
      else if (message.type === 'done') resolve({ path: message.path, rows: message.rows, sha256: message.sha256 });
      else reject(message.domain ? new DomainError(message.code as ErrorCode, message.message) : Object.assign(new Error('export failed'), { name: message.name, code: message.code }));
    });
    worker.on('error', (e) => reject(Object.assign(new Error('export worker failed'), { name: e.name, code: (e as { code?: string }).code ?? '' })));
    worker.on('exit', () => {
      if (temp) rmSync(temp, { force: true });
      reject(new Error('the export worker stopped before it finished'));
    });
  });
  outcome.catch(() => undefined);
  let started = false;
  return {
    write(to, options = {}) {
      started = true;
      onProgress = options.onProgress;
      const cancel = () => Atomics.store(cancelFlag, 0, 1);
      if (options.signal?.aborted) {
        tell({ type: 'stop' });
        return Promise.reject(new DomainError('CANCELLED', CANCELLED_MESSAGE));
      }
      options.signal?.addEventListener('abort', cancel);
      temp = to.temp;
      tell({ type: 'write', ...to });
      return outcome.then(
        (written) => {
          temp = null;
          return written;
        },
        (e) => {
          if (temp) rmSync(temp, { force: true });
          throw e;
        },
      ).finally(() => options.signal?.removeEventListener('abort', cancel));
    },
    stop() {
      if (!started) tell({ type: 'stop' });
    },
  };
}
