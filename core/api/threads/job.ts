// What passes between the app and its worker threads (./worker.ts, ./start.ts). One worker script
// runs every kind of job, one at a time: an export, a backup, the unlock's whole-file check, an
// import's steps. Each
// job carries its own copy of the data key (zeroed on both sides as soon as it has been handed
// over) and a flag in shared memory the app sets to cancel.
import type { MessagePort } from 'node:worker_threads';
import type { ExportJob } from '../exports/job';
import type { ImportJob } from '../imports/job';

/** A backup taken from the caseload file on the thread's own connection (db/backup.ts). */
export interface BackupJob {
  kind: 'backup';
  dataDir: string;
  dataKey: Uint8Array;
  folder: string;
  keep: number;
  /** When the backup was asked for (its file name), as ISO text. */
  at: string;
}

/** PRAGMA quick_check on the caseload file, on a read-only connection (db/integrity.ts). */
export interface IntegrityJob {
  kind: 'integrity';
  database: string;
  dataKey: Uint8Array;
}

export type ThreadJob = ExportJob | BackupJob | IntegrityJob | ImportJob;

/**
 * What the app hands a thread for each job: the job, the shared Int32 it sets to 1 to cancel, and
 * the job's own message port (progress and the answer go back on it, an export's save location
 * comes in on it), so nothing of one job is mixed up with the next on a thread that is kept.
 */
export type JobMessage = ThreadJob & { cancel: SharedArrayBuffer; port: MessagePort };

export type FromThread =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; value: unknown }
  /** A DomainError's code and message, or an unexpected error's name and code only (never its text). */
  | { type: 'failed'; domain: boolean; code: string; message: string; name: string; fields?: Record<string, string> };

/** The thread's side of a job: its cancel flag, messages to the app, and the app's next message. */
export interface ThreadIo {
  cancelled(): boolean;
  progress(done: number, total: number): void;
  /** The next message from the app (an export's save location, say). */
  next(): Promise<unknown>;
}
