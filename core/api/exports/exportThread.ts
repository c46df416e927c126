// Starting an export on a worker thread (the kept one, if idle) and following it. It starts as soon
// as the export is asked for, so it opens the file while the save window is open; then it is told
// where to write (or to stop). Progress is passed on, a cancel is the thread's shared flag, and
// if the thread dies without a word its half-written file is removed here.
import { rmSync } from 'node:fs';
import type { ExportProgress } from '../../domain/export/request';
import { DomainError } from '../../domain/result';
import type { Threads } from '../threads/start';
import type { ExportJob, ToWorker, Written } from './job';
import { CANCELLED_MESSAGE } from './run';

export interface ExportThread {
  /** Writes to the chosen place; settles when the file is complete, cancelled or failed. */
  write(to: { destination: string; temp: string; zipPassword?: string }, options?: { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void }): Promise<Written>;
  /** When no file will be written after all (the save window was cancelled): the thread ends. */
  stop(): void;
}

export function startExportThread(threads: Threads, job: Omit<ExportJob, 'kind'>): ExportThread {
  let onProgress: ((p: ExportProgress) => void) | undefined;
  const thread = threads.start<Written>({ kind: 'export', ...job }, (done, total) => onProgress?.({ running: true, done, total }));
  const tell = (message: ToWorker) => thread.tell(message);
  let temp: string | null = null;
  void thread.ended.then(() => temp && rmSync(temp, { force: true }));
  let started = false;
  return {
    write(to, options = {}) {
      started = true;
      onProgress = options.onProgress;
      if (options.signal?.aborted) {
        tell({ type: 'stop' });
        return Promise.reject(new DomainError('CANCELLED', CANCELLED_MESSAGE));
      }
      const cancel = () => thread.cancel();
      options.signal?.addEventListener('abort', cancel);
      temp = to.temp;
      tell({ type: 'write', ...to });
      return thread.result
        .then(
          (written) => {
            temp = null;
            return written;
          },
          (e) => {
            if (temp) rmSync(temp, { force: true });
            throw e;
          },
        )
        .finally(() => options.signal?.removeEventListener('abort', cancel));
    },
    stop() {
      if (!started) tell({ type: 'stop' });
    },
  };
}
