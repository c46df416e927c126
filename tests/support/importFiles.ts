// A corpus of awkward spreadsheets, made here rather than kept as files: what clinics' caseload
// workbooks and hospital opt-out lists look like (a merged title above the headers, blank rows,
// formulas, hidden columns, Excel day numbers, numbers with leading zeros, "N/A"), and CSV in the
// encodings Excel and hospital systems write. Made-up people only.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import officeCrypto from 'officecrypto-tool';
import { nhsCheckDigit } from '../../core/domain/nhsNumber';

/** A valid NHS Number made from a seed (the check digit worked out), never a real person's on purpose. */
export function madeUpNhsNumber(seed: number): string {
  for (let n = seed; ; n++) {
    const nine = String(400_000_000 + ((n * 7919) % 599_999_999)).padStart(9, '0');
    const check = nhsCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

/** The same NHS Number with its last digit wrong: fails the check digit. */
export const badCheckDigit = (nhs: string) => `${nhs.slice(0, 9)}${(Number(nhs[9]) + 1) % 10}`;

export const AWKWARD_HEADERS = ['Client name', 'NHS No.', 'Hospital number', 'D.O.B.', 'Gender', 'Ethnicity', 'Notes (hidden)', 'Referral date', 'Diagnosis'];

export interface AwkwardRow {
  name: string;
  nhs: string | null;
  hospital: string | number | null;
  dob: Date | string | number;
  gender: string | null;
  ethnicity: string | null;
  referral: Date | string | number | { formula: string; result: Date };
  diagnosis: string | null;
}

/**
 * A caseload workbook as a clinic keeps one: a title merged across the top, a blank row, the
 * headers, then rows with a blank row among them; a hidden "Notes" column; the hospital number as
 * a number shown with leading zeros. Row numbers in the sheet: title 1, blank 2, headers 3, data from 4.
 */
export async function awkwardWorkbook(rows: AwkwardRow[], options: { blankAfter?: number } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // A hidden sheet first: the import reads the first visible one.
  workbook.addWorksheet('Lookups', { state: 'hidden' }).addRow(['not', 'this', 'sheet']);
  const sheet = workbook.addWorksheet('Caseload');
  sheet.getCell('A1').value = 'Peer support caseload (made-up people)';
  sheet.mergeCells('A1:I1');
  sheet.addRow([]);
  sheet.addRow(AWKWARD_HEADERS);
  sheet.getColumn(7).hidden = true;
  rows.forEach((r, i) => {
    const row = sheet.addRow([r.name, r.nhs, r.hospital, r.dob, r.gender, r.ethnicity, 'private note', r.referral, r.diagnosis]);
    if (typeof r.hospital === 'number') row.getCell(3).numFmt = '00000000';
    if (r.dob instanceof Date) row.getCell(4).numFmt = 'dd/mm/yyyy';
    if (options.blankAfter === i) sheet.addRow([]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same workbook behind a password (Excel's agile encryption), as clinics keep caseloads. */
export async function withPassword(xlsx: Buffer, password: string): Promise<Buffer> {
  return officeCrypto.encrypt(xlsx, { password });
}

export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'win1252';

/** CSV text as a file's bytes in the given encoding (lines end CRLF, as Excel writes them). */
export function csvBytes(lines: string[][], encoding: TextEncoding): Buffer {
  const text = lines.map((l) => l.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\n';
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    case 'win1252':
      return iconv.encode(text, 'win1252');
  }
}

export const OPT_OUT_HEADERS = ['MRN', 'Surname', 'Forename', 'DOB', 'NHS Number', 'Date referred', 'Reason'];
