// Starting a job on the app's worker thread (./worker.ts) and following it: the job (with its copy
// of the key) is cloned into the thread and the caller's copy zeroed; progress is passed on; a
// cancel is a flag in shared memory the thread reads between steps; its answer or its failure
// comes back as the app's own error (a DomainError, or the name and code of anything else).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DomainError, type ErrorCode } from '../../domain/result';
import type { FromThread, ThreadData, ThreadJob } from './job';

/** Which script the threads run and how: Electron's main build names its own (see electron/main). */
export interface WorkerScript {
  file: string;
  execArgv?: string[];
}

/**
 * Running from source (tests, the harness, the bench): the TypeScript entry beside this file,
 * loaded through tsx, as the rest of the process is. Never used by the packaged app.
 */
export function sourceWorker(): WorkerScript {
  const here = dirname(fileURLToPath(import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { file: join(here, 'worker.ts'), execArgv: ['--import', tsx] };
}

export interface Thread<T> {
  /** The job's answer; rejects with its failure, or if the thread stops without one. */
  result: Promise<T>;
  /** Sends the job its next message (an export's save location). */
  tell(message: unknown): void;
  /** Asks the job to stop at its next safe point; it then fails with its own words. */
  cancel(): void;
  /** Settles when the thread has ended, whatever the outcome. */
  ended: Promise<void>;
}

export function startThread<T>(script: WorkerScript, job: ThreadJob, onProgress?: (done: number, total: number) => void): Thread<T> {
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(script.file, { workerData: { ...job, cancel: cancelFlag.buffer } satisfies ThreadData, execArgv: script.execArgv });
  job.dataKey.fill(0);
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const result = new Promise<T>((resolve, reject) => {
    worker.on('message', (message: FromThread) => {
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'done') resolve(message.value as T);
      else reject(message.domain ? new DomainError(message.code as ErrorCode, message.message) : Object.assign(new Error(`${job.kind} failed`), { name: message.name, code: message.code }));
    });
    worker.on('error', (e) => reject(Object.assign(new Error(`the ${job.kind} thread failed`), { name: e.name, code: (e as { code?: string }).code ?? '' })));
    // After an answer this changes nothing; without one the caller is not left waiting.
    worker.on('exit', () => reject(new Error(`the ${job.kind} thread stopped before it finished`)));
  });
  result.catch(() => undefined);
  return {
    result,
    tell: (message) => worker.postMessage(message),
    cancel: () => Atomics.store(cancelFlag, 0, 1),
    ended,
  };
}
