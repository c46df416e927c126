// What passes between the app and an export's worker thread (./worker.ts, ./inWorker.ts).
import type { Period } from '../../domain/export/periods';
import type { ExportProfile } from '../../domain/export/profile';
import type { SuppressionSettings } from '../../domain/export/suppression';

/** Given when the thread starts: it opens the file and gets its rows ready meanwhile. */
export interface ExportJob {
  /** The caseload file; the worker opens its own read-only connection to it. */
  database: string;
  /** A copy of the data key, zeroed by the worker once the file is open. */
  dataKey: Uint8Array;
  profile: ExportProfile | 'monthly_return';
  period: Period;
  suppression: SuppressionSettings;
  /** One Int32 the app sets to 1 to cancel: read between chunks, with no message to wait for. */
  cancel: SharedArrayBuffer;
}

/** Sent once the save location is known (write), or when the export will not happen (stop). */
export type ToWorker =
  | { type: 'write'; destination: string; temp: string; zipPassword?: string }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; path: string; rows: number; sha256: string }
  /** A DomainError's code and message, or an unexpected error's name and code only (never its text). */
  | { type: 'failed'; domain: boolean; code: string; message: string; name: string };
