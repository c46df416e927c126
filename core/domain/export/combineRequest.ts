// What the UI asks for when a workstation saves its return data file and when a coordinator
// combines several into one return.
import { z } from 'zod';
import { id } from '../fields';
import { periodSchema, type Period } from './periods';
import { FILE_TYPES } from './profile';
import type { ReturnFileSummary } from './returnData';

/** The passphrase a coordinator gives each workstation for the period's files. */
const passphrase = z
  .string({ error: 'Enter the passphrase.' })
  .min(12, { error: 'Use at least 12 characters for the passphrase.' })
  .max(200, { error: 'Use 200 characters at most.' });

export const saveReturnDataSchema = z.object({
  period: periodSchema,
  /** The site this workstation's figures are returned for. */
  siteId: id,
  passphrase,
});
export type SaveReturnDataInput = z.input<typeof saveReturnDataSchema>;

/** At most this many workstations' files at once, each at most this large (they are a few KB). */
export const MAX_RETURN_FILES = 50;
const MAX_FILE_BASE64 = 2_000_000;

export const returnFilesSchema = z.object({
  files: z
    .array(
      z.object({
        /** The file's own name, shown back in messages (chosen by whoever saved it, never a person's). */
        name: z.string().min(1).max(260),
        /** The file's bytes, base64. */
        data: z.string().max(MAX_FILE_BASE64, { error: 'This file is too large to be a return data file.' }),
      }),
    )
    .min(1, { error: 'Choose the workstations’ return data files.' })
    .max(MAX_RETURN_FILES, { error: `Combine ${MAX_RETURN_FILES} files at most.` }),
  passphrase: z.string({ error: 'Enter the passphrase.' }).min(1, { error: 'Enter the passphrase.' }).max(200),
});
export type ReturnFilesInput = z.input<typeof returnFilesSchema>;

export const saveCombinedSchema = returnFilesSchema.extend({
  /** The built-in combined return (long, with a site column), or a return layout's id. */
  profileId: z.string().min(1).max(40),
  fileType: z.enum(FILE_TYPES).default('csv'),
});
export type SaveCombinedInput = z.input<typeof saveCombinedSchema>;

/** The built-in layout of a combined return: today's long return with a site column. */
export const COMBINED_RETURN_ID = 'combined_return';

export interface ReturnDataResult {
  fileName: string;
  location: string;
  sha256: string;
  /** The SHA-256 in groups of four, to read out to the coordinator. */
  fingerprint: string;
}

export interface CombinePreview {
  period: Period;
  files: ReturnFileSummary[];
  /** The sites' ODS codes and names, then ALL. */
  sites: { odsCode: string; name: string }[];
  header: string[];
  rows: string[][];
}
