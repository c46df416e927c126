// One cell's text, from a row value and its column, as a profile asks for it.
import type { ExportColumn } from './catalogue';
import { csvField, neutraliseText, type CsvFormat } from './csv';
import type { ExportProfile } from './profile';

export type CellValue = string | number | boolean | null | undefined;

export function formatCell(value: CellValue, column: ExportColumn, profile: Pick<ExportProfile, 'dateFormat' | 'codeStyle'>): string {
  if (value === null || value === undefined || value === '') return '';
  switch (column.kind) {
    case 'number':
      return typeof value === 'number' ? String(value) : neutraliseText(String(value));
    case 'boolean':
      return value === true || value === 1 ? 'Y' : value === false || value === 0 ? 'N' : '';
    case 'date': {
      const s = String(value).slice(0, 10);
      return profile.dateFormat === 'dmy' ? s.split('-').reverse().join('/') : s;
    }
    case 'code': {
      const code = column.codes?.exportCode?.(String(value)) ?? String(value);
      const label = column.codes?.label(String(value)) ?? code;
      const text = profile.codeStyle === 'code' ? code : profile.codeStyle === 'label' ? label : `${code} ${label}`;
      return neutraliseText(text);
    }
    // Identifiers stay text with leading zeros; free text is neutralised against formulas.
    case 'identifier':
    case 'text':
      return neutraliseText(String(value));
  }
}

/** The most distinct values one column remembers (codes and dates have a few hundred at most). */
const MEMO_LIMIT = 5_000;

/**
 * A column's writer for the file, worked out once per export: the value formatted as
 * formatCell does, then made a CSV field. Codes, dates and yes/no take few distinct values, so
 * each is worked out once and remembered; counts and numeric ids need neither (their text is
 * digits, a point or a minus sign, and a minus sign is neutralised only in identifiers).
 */
export function cellWriter(column: ExportColumn, profile: Pick<ExportProfile, 'dateFormat' | 'codeStyle'>, delimiter: CsvFormat['delimiter']): (value: CellValue) => string {
  const write = (value: CellValue) => csvField(formatCell(value, column, profile), delimiter);
  if (column.kind === 'number') return (value) => (typeof value === 'number' ? String(value) : write(value));
  if (column.kind === 'identifier') return (value) => (typeof value === 'number' && value >= 0 ? String(value) : write(value));
  if (column.kind === 'text') return write;
  const memo = new Map<CellValue, string>();
  return (value) => {
    let text = memo.get(value);
    if (text === undefined) {
      text = write(value);
      if (memo.size < MEMO_LIMIT) memo.set(value, text);
    }
    return text;
  };
}
