// What the UI asks for when it previews or runs an export.
import { z } from 'zod';
import { periodSchema } from './periods';
import { FILE_TYPES, type FileType } from './profile';

export const MONTHLY_RETURN_ID = 'monthly_return';

export const exportRequestSchema = z.object({
  /** A profile id, or "monthly_return" for the aggregate return. */
  profileId: z.string().min(1).max(40),
  period: periodSchema,
  /** The monthly return for one site; absent for all sites. */
  siteId: z.number().int().positive().optional(),
});

export const runExportSchema = exportRequestSchema.extend({
  /** Identifiable exports need the worker to have confirmed they meant it. */
  confirmIdentifiable: z.boolean().optional().default(false),
  /** CSV or an Excel workbook; when absent, the profile's own choice (CSV for the monthly return). */
  fileType: z.enum(FILE_TYPES).optional(),
  /** Set to save as an AES-256 ZIP that 7-Zip opens with this password. */
  zipPassword: z
    .string()
    .min(12, { error: 'Use at least 12 characters for the ZIP password.' })
    .max(200)
    .optional(),
});
export type RunExportInput = z.input<typeof runExportSchema>;

export interface ExportPreview {
  header: string[];
  rows: string[][];
  total: number;
  identifiable: boolean;
  profileName: string;
}

export interface ExportResult {
  fileName: string;
  /** Where it was saved (Electron) or a download address (harness). */
  location: string;
  rows: number;
  sha256: string;
  identifiable: boolean;
  encrypted: boolean;
  /** What is inside (a ZIP holds a file of this type): the audit says which, as the export log's name does. */
  fileType: FileType;
}

export interface ExportProgress {
  running: boolean;
  done: number;
  total: number;
}

export interface ExportLogEntry {
  id: number;
  exportedAt: string;
  memberName: string;
  profileId: string;
  profileName: string;
  periodStart: string;
  periodEnd: string;
  rows: number;
  identifiable: boolean;
  encrypted: boolean;
  sha256: string;
  fileName: string;
  /** The audit log's head when it was saved (an anchor); null for exports before they were noted. */
  auditEntries: number | null;
  auditHash: string | null;
}
