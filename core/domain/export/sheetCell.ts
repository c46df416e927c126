// One cell of an Excel workbook export, typed, from a row value and its column: the same value the
// CSV holds, but where CSV can only give text and hope, a workbook says what it is. Identifiers,
// codes, yes/no and free text are text cells (so 00123456 keeps its zeros); counts and scores are
// numbers; dates are dates (shown DD/MM/YYYY whatever the profile's CSV date style). A text cell is
// never read as a formula, so "=1+1" goes in as it is, without the apostrophe the CSV needs.
import type { ColumnKind, ExportColumn } from './catalogue';
import type { CellValue } from './format';
import type { ExportProfile } from './profile';

/** How a workbook column is laid out and what its cells hold. */
export type SheetKind = 'text' | 'number' | 'date';

export type SheetCell = { text: string } | { number: number } | { date: string } | null;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const sheetKindOf = (kind: ColumnKind): SheetKind => (kind === 'number' ? 'number' : kind === 'date' ? 'date' : 'text');

/** A date cell from an ISO date (or the date part of a timestamp); anything else stays text. */
export function dateCell(value: string): SheetCell {
  const day = value.slice(0, 10);
  const m = ISO_DATE.exec(day);
  if (!m) return { text: value };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const real = new Date(Date.UTC(y, mo - 1, d));
  // 2026-02-30 is not a date: keep what was recorded rather than show 02/03/2026.
  return real.getUTCFullYear() === y && real.getUTCMonth() === mo - 1 && real.getUTCDate() === d ? { date: day } : { text: value };
}

export function sheetCell(value: CellValue, column: ExportColumn, profile: Pick<ExportProfile, 'codeStyle'>): SheetCell {
  if (value === null || value === undefined || value === '') return null;
  switch (column.kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { number: value } : { text: String(value) };
    case 'boolean':
      // As in the CSV: Y or N, text.
      return value === true || value === 1 ? { text: 'Y' } : value === false || value === 0 ? { text: 'N' } : null;
    case 'date':
      return dateCell(String(value));
    case 'code': {
      const code = String(value);
      const label = column.codes?.label(code) ?? code;
      const written = column.codes?.exportCode?.(code) ?? code;
      return { text: profile.codeStyle === 'code' ? written : profile.codeStyle === 'label' ? label : `${written} ${label}` };
    }
    // Identifiers stay text whatever they look like: a numeric id is written as its digits.
    case 'identifier':
    case 'text':
      return { text: String(value) };
  }
}

/** The most distinct values one column remembers (codes, dates and yes/no take a few hundred at most). */
const MEMO_LIMIT = 5_000;

/** A column's cell maker for one export, remembering the few distinct values of codes, dates and yes/no. */
export function sheetCellWriter(column: ExportColumn, profile: Pick<ExportProfile, 'codeStyle'>): (value: CellValue) => SheetCell {
  const write = (value: CellValue) => sheetCell(value, column, profile);
  if (column.kind === 'number' || column.kind === 'identifier' || column.kind === 'text') return write;
  const memo = new Map<CellValue, SheetCell>();
  return (value) => {
    let cell = memo.get(value);
    if (cell === undefined) {
      cell = write(value);
      if (memo.size < MEMO_LIMIT) memo.set(value, cell);
    }
    return cell;
  };
}

/** An export's rows as a workbook sheet: its name, each column's kind, and the cells a chunk at a time. */
export interface SheetRows {
  name: string;
  kinds: SheetKind[];
  chunks(): Generator<{ cells: SheetCell[][]; rows: number }>;
}
