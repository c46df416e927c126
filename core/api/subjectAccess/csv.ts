// The subject access copy as one CSV for Excel: a row per fact, in the same order as the PDF
// (section, entry, field, value). One long file opens anywhere, filters by section, and can be
// checked line by line against the PDF; the exact text is kept (no font limits here). Dates
// are ISO, as in every other export; codes are their labels, as a person reads them.
import { writeFile } from 'node:fs/promises';
import { csvLine, csvStart, EXCEL_CSV, neutraliseText } from '../../domain/export/csv';
import type { RecordCopy } from '../../domain/subjectAccessCopy';

export const SUBJECT_ACCESS_CSV_HEADER = ['Section', 'Entry', 'Field', 'Value'];

export function copyRows(copy: RecordCopy): string[][] {
  const rows: string[][] = [];
  for (const s of copy.sections) {
    for (const p of s.paragraphs) rows.push([s.path, '', 'Explanation', p]);
    for (const f of s.fields) rows.push([s.path, '', f.label, f.value ?? '']);
    for (const e of s.entries) for (const f of e.fields) rows.push([s.path, e.title, f.label, f.value ?? '']);
  }
  // Free text is the person's words and staff notes: none of it may run as a formula in Excel.
  return rows.map((r) => r.map(neutraliseText));
}

/** Writes the copy to `path`; answers with the number of rows after the header. */
export async function writeCsv(copy: RecordCopy, path: string): Promise<number> {
  const rows = copyRows(copy);
  const text = csvStart(EXCEL_CSV, SUBJECT_ACCESS_CSV_HEADER) + rows.map((r) => csvLine(r, EXCEL_CSV)).join('');
  await writeFile(path, text, { encoding: 'utf8', mode: 0o600 });
  return rows.length;
}
