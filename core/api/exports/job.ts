// What passes between the app and an export's worker thread (./worker.ts, ./inWorker.ts).
import type { Period } from '../../domain/export/periods';
import type { ExportProfile } from '../../domain/export/profile';
import type { SuppressionSettings } from '../../domain/export/suppression';

export interface ExportJob {
  /** The caseload file; the worker opens its own read-only connection to it. */
  database: string;
  /** A copy of the data key, zeroed by the worker once the file is open. */
  dataKey: Uint8Array;
  profile: ExportProfile | 'monthly_return';
  period: Period;
  suppression: SuppressionSettings;
  destination: string;
  /** The temporary file written before the rename: the app removes it if the worker dies. */
  temp: string;
  zipPassword?: string;
  /** One Int32 the app sets to 1 to cancel: read between chunks, with no message to wait for. */
  cancel: SharedArrayBuffer;
}

export type FromWorker =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; path: string; rows: number; sha256: string }
  /** A DomainError's code and message, or an unexpected error's name and code only (never its text). */
  | { type: 'failed'; domain: boolean; code: string; message: string; name: string };
