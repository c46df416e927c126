// Subject access (UK GDPR Art. 15): a person may ask for a copy of everything held about them.
// The coordinator makes it as a readable PDF or as a CSV of the same facts. The file name says
// what and when by case ID, never who.
import { z } from 'zod';
import { id } from './fields';

export const SUBJECT_ACCESS_FORMATS = ['pdf', 'csv'] as const;
export type SubjectAccessFormat = (typeof SUBJECT_ACCESS_FORMATS)[number];

export const subjectAccessSchema = z
  .object({
    id,
    format: z.enum(SUBJECT_ACCESS_FORMATS, { error: 'Choose PDF or CSV.' }),
  })
  .strict();
export type SubjectAccessInput = z.input<typeof subjectAccessSchema>;

export interface SubjectAccessResult {
  fileName: string;
  /** Where it was saved (Electron) or a download address (harness). */
  location: string;
  format: SubjectAccessFormat;
  sha256: string;
  /** PDF pages, or CSV rows after the header. */
  size: number;
}

/** e.g. subject-access-PS-7K2M-Q9XD-2026-11-21.pdf: the case ID and the day, nothing else. */
export function subjectAccessFileName(caseId: string, format: SubjectAccessFormat, today: string): string {
  return `subject-access-${caseId}-${today}.${format}`;
}
