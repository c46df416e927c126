// One cell's text, from a row value and its column, as a profile asks for it.
import type { ExportColumn } from './catalogue';
import { neutraliseText } from './csv';
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
      const code = String(value);
      const label = column.codes?.label(code) ?? code;
      const text = profile.codeStyle === 'code' ? code : profile.codeStyle === 'label' ? label : `${code} ${label}`;
      return neutraliseText(text);
    }
    // Identifiers stay text with leading zeros; free text is neutralised against formulas.
    case 'identifier':
    case 'text':
      return neutraliseText(String(value));
  }
}
