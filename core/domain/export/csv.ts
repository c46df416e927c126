// CSV as the trust's Excel reads it: RFC 4180 quoting, CRLF, UTF-8 with a byte-order mark (each a
// profile setting), and text cells that would run as a formula neutralised.
import { stringify, type Options, type Stringifier } from 'csv-stringify';

export interface CsvFormat {
  delimiter: ',' | ';' | '\t';
  bom: boolean;
  lineEnding: 'crlf' | 'lf';
}

export const EXCEL_CSV: CsvFormat = { delimiter: ',', bom: true, lineEnding: 'crlf' };

/** Cells starting with these run as formulas in Excel and LibreOffice (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

/** A text cell made safe: a leading formula character gets an apostrophe in front. */
export function neutraliseText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Cells are already strings; those that were neutralised are always quoted. */
export function csvStringifier(format: CsvFormat, header: string[]): Stringifier {
  const options: Options = {
    delimiter: format.delimiter,
    bom: format.bom,
    record_delimiter: format.lineEnding === 'crlf' ? 'windows' : 'unix',
    header: true,
    columns: header.map((h, i) => ({ key: String(i), header: neutraliseText(h) })),
    // Neutralised cells, and any line break (csv-stringify quotes only the record delimiter).
    quoted_match: [/^'[=+\-@\t\r\n\0]/, /[\r\n]/],
    // RFC 4180: quote a field holding the delimiter, a quote or a line break; double inner quotes.
    quote: '"',
    escape: '"',
  };
  return stringify(options);
}

/** Row values (already formatted) to the object shape csv-stringify expects. */
export function toRecord(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  values.forEach((v, i) => (out[String(i)] = v));
  return out;
}
