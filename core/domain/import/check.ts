// What the app answers at each step of an import: the file as read, the dry run, the import done,
// and the last import (which can be undone while nothing else has touched it).
import { z } from 'zod';
import { id } from '../fields';
import type { ImportFieldId, ImportKind } from './fields';
import { importMappingSchema, type RowProblem, type SeenValues } from './rows';

export const IMPORT_KINDS = ['caseload', 'opt_out'] as const;

/** The largest file taken (about 200,000 rows of a dozen columns). */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

export const openImportSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    /** Only its extension is used (.csv, .txt, .xlsx); the name is never stored or logged. */
    fileName: z.string().max(260),
    /** The file's bytes, base64. */
    data: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, { error: 'This file is too large to import: split it into smaller files.' }),
    password: z.string().max(200).optional(),
  })
  .strict();

export const checkImportSchema = z.object({ mapping: importMappingSchema }).strict();
export const undoImportSchema = z.object({ id }).strict();

/** The file as read: its columns, a few rows to recognise it by, and the mapping to start from. */
export interface ImportFile {
  kind: ImportKind;
  fileType: 'csv' | 'xlsx';
  /** The worksheet read (the first visible one), for a workbook. */
  sheet: string | null;
  headers: string[];
  /** The header row's number in the file. */
  headerRow: number;
  rows: number;
  /** The first rows, as text, for the mapping step. */
  sample: string[][];
  columns: (ImportFieldId | null)[];
  /** True when the columns come from the last file with this header row. */
  remembered: boolean;
  /** Columns left out because they are hidden in the workbook. */
  hiddenColumns: number;
}

export interface ImportCheck {
  rows: number;
  toCreate: number;
  /** Already on the caseload (same NHS Number, or same date of birth and a name in common): not added again. */
  skipped: { row: number; reason: string }[];
  problems: RowProblem[];
  /** How many problems in all (the list stops at PROBLEMS_SHOWN). */
  problemCount: number;
  mappingProblems: string[];
  values: SeenValues[];
  /** The first people who would be added, to check the mapping by. */
  preview: { row: number; name: string; dateOfBirth: string; referralReceivedOn: string }[];
}

export const PROBLEMS_SHOWN = 2000;

export interface ImportDone {
  batchId: number;
  created: number;
  skipped: number;
}

export interface ImportBatch {
  id: number;
  kind: ImportKind;
  at: string;
  byName: string;
  people: number;
  undoneAt: string | null;
  /** Why it cannot be undone now, or null when it can. */
  undoBlocked: string | null;
}

export interface ImportProgress {
  running: boolean;
  stage: 'reading' | 'checking' | 'importing' | null;
  done: number;
  total: number;
}
