// What passes between the app and an export's worker thread (./onThread.ts, ./exportThread.ts).
import type { Period } from '../../domain/export/periods';
import type { ExportProfile, FileType } from '../../domain/export/profile';
import type { ReturnLayout } from '../../domain/export/returnLayout';
import type { SuppressionSettings } from '../../domain/export/suppression';

/** Given when the thread starts: it opens the file and gets its rows ready meanwhile. */
export interface ExportJob {
  kind: 'export';
  /** The caseload file; the worker opens its own read-only connection to it. */
  database: string;
  /** A copy of the data key, zeroed by the worker once the file is open. */
  dataKey: Uint8Array;
  profile: ExportProfile | ReturnLayout | 'monthly_return';
  /** CSV or an Excel workbook: the same rows either way. */
  fileType: FileType;
  period: Period;
  suppression: SuppressionSettings;
  /** The monthly return for one site (its id and ODS code); absent for all sites. */
  site?: ReturnSite | null;
}

export interface ReturnSite {
  id: number;
  odsCode: string;
}

/** Sent once the save location is known (write), or when the export will not happen (stop). */
export type ToWorker =
  | { type: 'write'; destination: string; temp: string; zipPassword?: string }
  | { type: 'stop' };

export interface Written {
  path: string;
  rows: number;
  sha256: string;
}
