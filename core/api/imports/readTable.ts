// A spreadsheet's bytes as a table: its header row and its rows of cells, whatever the clinic saved
// it as. Workbooks (.xlsx, password-protected ones too) through exceljs and officecrypto-tool;
// CSV in UTF-8 (with or without a BOM), UTF-16 or Windows-1252 through iconv-lite and csv-parse.
// Titles above the header row, blank rows, hidden columns and formulas (their last result) are
// handled here, so the rest of the import sees only headers and values.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import officeCrypto from 'officecrypto-tool';
import { DomainError } from '../../domain/result';
import { cellText, type Cell } from '../../domain/import/values';

export interface Table {
  fileType: 'csv' | 'xlsx';
  sheet: string | null;
  headers: string[];
  headerRow: number;
  rows: { line: number; cells: Cell[] }[];
  hiddenColumns: number;
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export const PASSWORD_NEEDED = 'This workbook has a password. Type it to open the workbook for this import (it is not kept).';
export const WRONG_PASSWORD = 'That password does not open this workbook. Check it and try again.';
const OLD_EXCEL = 'This is an old Excel file (.xls). Open it in Excel, save it as an Excel Workbook (.xlsx) or CSV, and import that.';
const NOT_A_TABLE = 'This file has no rows to import: it needs a header row and at least one row under it.';

export async function readTable(bytes: Buffer, password?: string): Promise<Table> {
  if (bytes.subarray(0, 8).equals(CFB)) {
    if (!officeCrypto.isEncrypted(bytes)) throw new DomainError('VALIDATION', OLD_EXCEL);
    if (!password) throw new DomainError('VALIDATION', PASSWORD_NEEDED, { password: PASSWORD_NEEDED });
    let plain: Buffer;
    try {
      plain = await officeCrypto.decrypt(bytes, { password });
    } catch {
      throw new DomainError('VALIDATION', WRONG_PASSWORD, { password: WRONG_PASSWORD });
    }
    return readWorkbook(plain);
  }
  if (bytes.subarray(0, 4).equals(ZIP)) return readWorkbook(bytes);
  return readCsv(bytes);
}

/** The text of a CSV file, from its BOM if it has one; otherwise UTF-8 if it is valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return iconv.decode(bytes.subarray(3), 'utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf16be');
  // UTF-16 without a BOM: text of Latin letters has a zero in every other byte.
  const head = bytes.subarray(0, 400);
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0) continue;
    if (i % 2) zeroOdd++;
    else zeroEven++;
  }
  if (zeroOdd > head.length / 4) return iconv.decode(bytes, 'utf16le');
  if (zeroEven > head.length / 4) return iconv.decode(bytes, 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1252');
  }
}

function readCsv(bytes: Buffer): Table {
  const text = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0].d;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true }) as unknown as typeof records;
  } catch {
    throw new DomainError('VALIDATION', 'This file could not be read as CSV or as an Excel workbook. Save it from Excel as CSV or .xlsx and try again.');
  }
  return tableFrom(
    'csv',
    null,
    records.map((r) => ({ line: r.info.lines, cells: r.record as Cell[] })),
    0,
  );
}

async function readWorkbook(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('VALIDATION', 'This workbook could not be read. Open it in Excel, save it again as an Excel Workbook (.xlsx), and import that.');
  }
  const sheet = workbook.worksheets.find((w) => w.state === 'visible' && w.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) throw new DomainError('VALIDATION', NOT_A_TABLE);
  const width = sheet.columnCount;
  const shown: number[] = [];
  for (let c = 1; c <= width; c++) if (!sheet.getColumn(c).hidden) shown.push(c);
  const rows: { line: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    rows.push({ line, cells: shown.map((c) => cellValue(row.getCell(c))) });
  });
  return tableFrom('xlsx', sheet.name, rows, width - shown.length);
}

/** A workbook cell as the import reads it: a formula's last result, a date as ISO, digits with their leading zeros. */
function cellValue(cell: ExcelJS.Cell): Cell {
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if ('error' in o) return null;
    if ('richText' in o && o.richText) v = o.richText.map((t) => t.text).join('');
    else if ('formula' in o || 'sharedFormula' in o) v = o.result ?? null;
    else if ('text' in o) v = o.text;
    if (v && typeof v === 'object' && !(v instanceof Date)) return (v as { error?: unknown }).error !== undefined ? null : String(v);
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    // "00123456" kept as a number with a format of zeros: the digits as Excel shows them.
    const fmt = cell.numFmt;
    if (fmt && /^0+$/.test(fmt) && Number.isInteger(v)) return String(v).padStart(fmt.length, '0');
    return v;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return null;
}

/**
 * The header row is the first row that names at least half the columns: a title above it (often
 * merged across the sheet, so the same text in every cell) or a row of group headings is passed over.
 */
function tableFrom(fileType: Table['fileType'], sheet: string | null, all: { line: number; cells: Cell[] }[], hiddenColumns: number): Table {
  const filled = all.filter((r) => r.cells.some((c) => cellText(c as Cell) !== null));
  const distinct = (cells: Cell[]) => new Set(cells.map((c) => cellText(c)).filter((t) => t !== null)).size;
  const widest = Math.max(0, ...filled.slice(0, 50).map((r) => distinct(r.cells)));
  const at = filled.findIndex((r) => distinct(r.cells) >= Math.max(1, Math.ceil(widest / 2)) && (widest < 2 || distinct(r.cells) >= 2));
  if (at < 0 || at === filled.length - 1) throw new DomainError('VALIDATION', NOT_A_TABLE);
  const header = filled[at];
  // Columns with neither a header nor any value are left out (Excel's used range often runs on).
  const width = Math.max(...filled.map((r) => r.cells.length));
  const keep: number[] = [];
  for (let c = 0; c < width; c++) {
    if (cellText(header.cells[c] ?? null) !== null || filled.some((r) => cellText(r.cells[c] ?? null) !== null)) keep.push(c);
  }
  const headers = keep.map((c, i) => (cellText(header.cells[c] ?? null) ?? `Column ${i + 1}`).replace(/\s+/g, ' '));
  return {
    fileType,
    sheet,
    headers,
    headerRow: header.line,
    rows: filled.slice(at + 1).map((r) => ({ line: r.line, cells: keep.map((c) => r.cells[c] ?? null) })),
    hiddenColumns,
  };
}
