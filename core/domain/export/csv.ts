// CSV as the trust's Excel reads it: RFC 4180 quoting, CRLF, UTF-8 with a byte-order mark (each a
// profile setting), and text cells that would run as a formula neutralised.
//
// Written by hand rather than through csv-stringify: a 100,000-row export spends most of its time
// here, and the rules are few. They are exactly the ones csv-stringify applied with the options
// this file used to pass it (tests/unit/exportRules.test.ts checks the two agree on generated cells).

export interface CsvFormat {
  delimiter: ',' | ';' | '\t';
  bom: boolean;
  lineEnding: 'crlf' | 'lf';
}

export const EXCEL_CSV: CsvFormat = { delimiter: ',', bom: true, lineEnding: 'crlf' };

export const BOM = '\uFEFF';

/**
 * What makes a cell run as a formula in Excel, LibreOffice or Google Sheets (OWASP CSV injection):
 * = + - @ at the start, also after leading spaces, tabs, line breaks or zero-width characters
 * (U+200B–200D, U+2060, the byte-order mark), which spreadsheets skip; their fullwidth forms
 * ＝ ＋ － ＠, which some read as the ASCII ones; and a leading tab, carriage return, line feed or
 * NUL on its own. Source text for the tests' reference encoder too.
 */
export const FORMULA_PATTERN = '(?:[\\s\\u200B-\\u200D\\u2060\\uFEFF]*[=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20]|[\\t\\r\\n\\0])';
const FORMULA_START = new RegExp(`^${FORMULA_PATTERN}`);

/** A text cell made safe: a leading formula character gets an apostrophe in front. */
export function neutraliseText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const lineEnd = (format: CsvFormat) => (format.lineEnding === 'crlf' ? '\r\n' : '\n');

const QUOTE_ALL = /"/g;
const needsQuotes: Record<CsvFormat['delimiter'], RegExp> = {
  ',': new RegExp(`[",\\r\\n]|^'${FORMULA_PATTERN}`),
  ';': new RegExp(`[";\\r\\n]|^'${FORMULA_PATTERN}`),
  '\t': new RegExp(`["\\t\\r\\n]|^'${FORMULA_PATTERN}`),
};

/**
 * One field as it goes in the file: quoted when it holds the delimiter, a quote or a line break,
 * or when it is a neutralised formula (so the apostrophe is plainly part of the text); inner
 * quotes doubled. An empty cell stays empty.
 */
export function csvField(value: string, delimiter: CsvFormat['delimiter']): string {
  if (!needsQuotes[delimiter].test(value)) return value;
  return `"${value.replace(QUOTE_ALL, '""')}"`;
}

/** One record, fields already formatted as cells, with its line ending. */
export function csvLine(cells: readonly string[], format: CsvFormat): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : format.delimiter) + csvField(cells[i], format.delimiter);
  return line + lineEnd(format);
}

/** What a file starts with: the byte-order mark if asked for, and the header row (neutralised too). */
export function csvStart(format: CsvFormat, header: readonly string[]): string {
  return (format.bom ? BOM : '') + csvLine(header.map(neutraliseText), format);
}
