// Running jobs on the app's worker threads (./worker.ts) and following them: the job (with its copy
// of the key) is cloned into a thread and the caller's copy zeroed; progress is passed on; a cancel
// is a flag in shared memory the thread reads between steps; its answer or its failure comes back
// as the app's own error (a DomainError, or the name and code of anything else).
//
// A thread that finished its job cleanly is kept, idle, for the next one (one at most), so an
// export does not pay for a new thread's start, its module loading and its cold JIT each time:
// at L that was a third of an export's time and most of its memory growth. Nothing of a job
// stays in it: each job opens its own connection and zeroes its key. The idle thread is ended when
// the app locks (releaseIdle), and never keeps the process alive.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { DomainError, type ErrorCode } from '../../domain/result';
import type { FromThread, JobMessage, ThreadJob } from './job';

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
  /** Settles when the job has ended (answered, failed, or its thread stopped), whatever the outcome. */
  ended: Promise<void>;
}

export interface Threads {
  start<T>(job: ThreadJob, onProgress?: (done: number, total: number) => void): Thread<T>;
  /** Ends the idle thread (at lock); threads with a job under way finish it first. */
  releaseIdle(): void;
  /** How many threads are alive now, busy or idle (for tests and the bench). */
  alive(): number;
}

export function threadPool(script: WorkerScript): Threads {
  let idle: Worker | null = null;
  const all = new Set<Worker>();
  // False from a lock until the next job: a job that ends after the lock does not leave a thread.
  let keep = true;

  const spawn = () => {
    const worker = new Worker(script.file, { execArgv: script.execArgv });
    all.add(worker);
    worker.once('exit', () => {
      all.delete(worker);
      if (idle === worker) idle = null;
    });
    // An idle thread never holds the process open (tests, scripts, the app's quit).
    worker.unref();
    return worker;
  };

  const finished = (worker: Worker, reusable: boolean) => {
    if (keep && reusable && !idle && all.has(worker)) idle = worker;
    else void worker.terminate();
  };

  return {
    start<T>(job: ThreadJob, onProgress?: (done: number, total: number) => void): Thread<T> {
      const worker = idle ?? spawn();
      idle = null;
      keep = true;
      const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ ...job, cancel: cancelFlag.buffer, port: port2 } satisfies JobMessage, [port2]);
      job.dataKey.fill(0);
      let endJob!: () => void;
      const ended = new Promise<void>((resolve) => (endJob = resolve));
      const result = new Promise<T>((resolve, reject) => {
        const stop = (reusable: boolean) => {
          worker.off('error', onError);
          worker.off('exit', onExit);
          port1.close();
          finished(worker, reusable);
          endJob();
        };
        const onError = (e: Error) => {
          stop(false);
          reject(Object.assign(new Error(`the ${job.kind} thread failed`), { name: e.name, code: (e as { code?: string }).code ?? '' }));
        };
        // Without an answer the caller is not left waiting.
        const onExit = () => {
          stop(false);
          reject(new Error(`the ${job.kind} thread stopped before it finished`));
        };
        worker.on('error', onError);
        worker.on('exit', onExit);
        port1.on('message', (message: FromThread) => {
          if (message.type === 'progress') return onProgress?.(message.done, message.total);
          // A job that failed for an unexpected reason may have left its thread in a bad way: not kept.
          stop(message.type === 'done' || message.domain);
          if (message.type === 'done') resolve(message.value as T);
          else reject(message.domain ? new DomainError(message.code as ErrorCode, message.message, message.fields) : Object.assign(new Error(`${job.kind} failed`), { name: message.name, code: message.code }));
        });
      });
      result.catch(() => undefined);
      return {
        result,
        tell: (message) => port1.postMessage(message),
        cancel: () => Atomics.store(cancelFlag, 0, 1),
        ended,
      };
    },
    releaseIdle() {
      keep = false;
      const worker = idle;
      idle = null;
      void worker?.terminate();
    },
    alive: () => all.size,
  };
}
