// Starting an export's worker thread and following it: progress as it goes, a cancel passed on,
// and the result or the failure it reports. If the thread dies without a word, its half-written
// file is removed here and the export fails like any other.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportProgress } from '../../domain/export/request';
import { DomainError, type ErrorCode } from '../../domain/result';
import type { ExportJob, FromWorker } from './job';
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

export function runExportInWorker(
  script: ExportWorkerScript,
  job: Omit<ExportJob, 'cancel'>,
  options: { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void } = {},
): Promise<{ path: string; rows: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new DomainError('CANCELLED', CANCELLED_MESSAGE));
    // The job (with its copy of the key) is cloned into the worker; this copy is zeroed at once.
    // The cancel flag is shared memory, seen by the worker between chunks however busy it is.
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(script.file, { workerData: { ...job, cancel: cancelFlag.buffer } satisfies ExportJob, execArgv: script.execArgv });
    job.dataKey.fill(0);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', cancel);
      fn();
    };
    const cancel = () => Atomics.store(cancelFlag, 0, 1);
    options.signal?.addEventListener('abort', cancel);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') options.onProgress?.({ running: true, done: message.done, total: message.total });
      else if (message.type === 'done') settle(() => resolve({ path: message.path, rows: message.rows, sha256: message.sha256 }));
      else settle(() => reject(message.domain ? new DomainError(message.code as ErrorCode, message.message) : Object.assign(new Error('export failed'), { name: message.name, code: message.code })));
    });
    worker.on('error', (e) => {
      rmSync(job.temp, { force: true });
      settle(() => reject(Object.assign(new Error('export worker failed'), { name: e.name, code: (e as { code?: string }).code ?? '' })));
    });
    worker.on('exit', () => {
      if (settled) return;
      rmSync(job.temp, { force: true });
      settle(() => reject(new Error('the export worker stopped before it finished')));
    });
  });
}
