// Running an export: rows read a chunk at a time, each chunk written as CSV text (or as a
// workbook's rows, ./xlsx.ts) to a temporary file beside the destination and hashed as it goes,
// and the file renamed into place only when complete. A failure or a cancel leaves nothing behind. It runs in a worker thread (./onThread.ts)
// on its own read connection, so the app's main thread never waits for it.
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { fsyncFile, tempBeside } from '../../../db/files';
import type { Database } from 'better-sqlite3';
import { outcomeRows, referralRows, type Row } from '../../../db/queries/exportRows';
import { holdsProgrammeLists, listLabels, trustCodes } from '../../../db/queries/programmeLists';
import { trendInputs } from '../../../db/queries/trends';
import type { Orm } from '../../../db/types';
import { columnById, type ExportColumn } from '../../domain/export/catalogue';
import { csvLine, csvStart, EXCEL_CSV, lineEnd, type CsvFormat } from '../../domain/export/csv';
import { cellWriter, formatCell } from '../../domain/export/format';
import { buildReturn, RETURN_HEADER } from '../../domain/export/monthlyReturn';
import type { ReturnSite } from './job';
import type { Period } from '../../domain/export/periods';
import { csvFormatOf, type ExportProfile, type FileType } from '../../domain/export/profile';
import { ALL_SITES, layOut, layoutCellText, layoutCsvFormat, RETURN_DATASET, type LaidOutReturn, type ReturnLayout } from '../../domain/export/returnLayout';
import type { ExportPreview, ExportProgress } from '../../domain/export/request';
import { DEFAULT_SUPPRESSION, type SuppressionSettings } from '../../domain/export/suppression';
import { sheetCellWriter, sheetKindOf, type SheetCell, type SheetRows } from '../../domain/export/sheetCell';
import { DomainError } from '../../domain/result';
import { writeWorkbook } from './xlsx';
import { returnForPublishing } from './acrossSites';

/** A source of rows: its header, how many, and the file's text a chunk at a time. */
export interface Source {
  header: string[];
  total: number;
  format: CsvFormat;
  identifiable: boolean;
  /** Each chunk as CSV records (no header), with how many rows it holds. */
  csvChunks(): Generator<{ text: string; rows: number }>;
  /** The first rows as the cells a person reads, for the preview. */
  firstRows(limit: number): string[][];
  /** The same rows and columns as a workbook's typed cells; absent where a file is CSV only (the audit log). */
  sheet?: SheetRows;
}

export const MONTHLY_RETURN_NAME = 'Monthly activity return';

/**
 * Everything an export reads goes through the raw connection. The monthly return's reader is
 * typed for the ORM but reads only its `$client`: the worker hands it this rather than loading
 * drizzle, which would add most of a second to every export's start.
 */
const rawOnly = (db: Database) => ({ $client: db }) as unknown as Orm;

export function sourceFor(db: Database, profile: ExportProfile | ReturnLayout | 'monthly_return', period: Period, suppression: SuppressionSettings = DEFAULT_SUPPRESSION, site: ReturnSite | null = null): Source {
  // One site's return (its figures, its file name); the trend, and the team's development, are all
  // sites'. Either is suppressed as one set with the caseload's other sites.
  const across = () => returnForPublishing(rawOnly(db), period, suppression, site?.id ?? null);
  const trend = () => (site ? undefined : trendInputs(rawOnly(db), period));
  const build = (named?: string | null) => {
    const r = across();
    return buildReturn(period, r.inputs, suppression, trend(), named, r.across);
  };
  if (profile !== 'monthly_return' && profile.dataset === RETURN_DATASET) {
    // The same return as the built-in one, laid out as the trust's profile says: the site is in
    // the layout's site column (ALL for the whole caseload), not in a row of its own.
    const built = build(null);
    return layoutSource(layOut(built.map((r) => ({ ...r, site: site?.odsCode ?? ALL_SITES })), profile), layoutCsvFormat(profile));
  }
  if (profile === 'monthly_return') {
    // Aggregate, suppressed: small enough to build whole.
    // With the financial year's trend, suppressed together with the period's figures.
    // One site's return names the site in its first row.
    const built = build(site?.odsCode);
    const rows = built.map((r) => [r.period, r.measure, r.breakdown, r.category, r.value === null ? '' : String(r.value)]);
    return {
      header: RETURN_HEADER,
      total: rows.length,
      format: EXCEL_CSV,
      identifiable: false,
      *csvChunks() {
        yield { text: rows.map((r) => csvLine(r, EXCEL_CSV)).join(''), rows: rows.length };
      },
      firstRows: (limit) => rows.slice(0, limit),
      sheet: {
        name: 'Monthly return',
        kinds: ['text', 'text', 'text', 'text', 'number'],
        *chunks() {
          // A hidden count stays the * the CSV shows, as text; the rest are numbers.
          const value = (v: number | '*' | null): SheetCell => (v === null ? null : v === '*' ? { text: v } : { number: v });
          yield { cells: built.map((r) => [{ text: r.period }, { text: r.measure }, { text: r.breakdown }, { text: r.category }, value(r.value)]), rows: built.length };
        },
      },
    };
  }
  // Only the columns the profile names are read and worked out.
  const wanted = new Set(profile.columns.map((c) => c.id));
  const source = profile.dataset === 'referrals' ? referralRows(db, period, wanted) : outcomeRows(db, period, wanted);
  const format = csvFormatOf(profile);
  const columns = profile.columns.map((c) => {
    const column = withListCodes(db, columnById(profile.dataset, c.id) as ExportColumn);
    const at = source.fields.indexOf(column.id);
    if (at < 0) throw new Error(`no rows for export column ${column.id}`);
    return { column, header: c.header, at };
  });
  return {
    header: columns.map(({ column, header }) => header ?? column.header),
    total: source.total,
    format,
    identifiable: profile.identifiable,
    *csvChunks() {
      // Writers and positions worked out once; per row, one string built by concatenation.
      const writers = columns.map(({ column }) => cellWriter(column, profile, format.delimiter));
      const at = columns.map((c) => c.at);
      const delimiter = format.delimiter;
      const end = lineEnd(format);
      for (const rows of source.chunks()) {
        let text = '';
        for (const row of rows) {
          let line = writers[0](row[at[0]]);
          for (let i = 1; i < writers.length; i++) line += delimiter + writers[i](row[at[i]]);
          text += line + end;
        }
        yield { text, rows: rows.length };
      }
    },
    firstRows(limit) {
      const first: Row[] = source.chunks().next().value ?? [];
      return first.slice(0, limit).map((row) => columns.map(({ column, at }) => formatCell(row[at], column, profile)));
    },
    sheet: {
      name: profile.dataset === 'referrals' ? 'Referrals' : 'Outcomes',
      kinds: columns.map(({ column }) => sheetKindOf(column.kind)),
      *chunks() {
        const writers = columns.map(({ column }) => sheetCellWriter(column, profile));
        const at = columns.map((c) => c.at);
        for (const rows of source.chunks()) yield { cells: rows.map((row) => writers.map((write, i) => write(row[at[i]]))), rows: rows.length };
      },
    },
  };
}

/** A laid-out return (a trust's layout of this caseload's return, or a combined return) as a source. */
export function layoutSource(laid: LaidOutReturn, format: CsvFormat, sheetName = 'Monthly return'): Source {
  const rows = laid.rows.map((r) => r.map(layoutCellText));
  return {
    header: laid.header,
    total: rows.length,
    format,
    identifiable: false,
    *csvChunks() {
      yield { text: rows.map((r) => csvLine(r, format)).join(''), rows: rows.length };
    },
    firstRows: (limit) => rows.slice(0, limit),
    sheet: {
      name: sheetName,
      kinds: laid.figureColumns.map((f) => (f ? 'number' : 'text')),
      *chunks() {
        // A hidden count stays the * the CSV shows, as text; figures are numbers, the rest text.
        const cell = (v: string | number | null, figure: boolean): SheetCell => (v === null ? null : figure && typeof v === 'number' ? { number: v } : { text: String(v) });
        yield { cells: laid.rows.map((r) => r.map((v, i) => cell(v, laid.figureColumns[i]))), rows: laid.rows.length };
      },
    },
  };
}

/** A programme list's column with the caseload's own labels, and the trust's codes where it set them. */
function withListCodes(db: Database, column: ExportColumn): ExportColumn {
  // A file from before the lists were data (an upgrade test reads one) has the seed's: the column's own.
  if (!column.list || !holdsProgrammeLists(db)) return column;
  const labels = listLabels(db, column.list);
  const trust = trustCodes(db, column.list);
  return {
    ...column,
    codes: {
      list: [...labels].map(([code, label]) => ({ code, label })),
      label: (c) => (c == null ? '' : (labels.get(c) ?? c)),
      exportCode: (c) => trust.get(c) ?? c,
    },
  };
}

export function preview(source: Source, profileName: string, limit = 10): ExportPreview {
  return { header: source.header, rows: source.firstRows(limit), total: source.total, identifiable: source.identifiable, profileName };
}

export interface WriteOptions {
  destination: string;
  /** CSV unless asked for an Excel workbook. */
  fileType?: FileType;
  /** Where the file is written before its rename (exportPaths's), when the caller must know it. */
  temp?: string;
  zipPassword?: string;
  /** Asked between chunks: true stops the export, leaving nothing behind. */
  cancelled?: () => boolean;
  onProgress?: (p: ExportProgress) => void;
}

/** The finished file's path, and a hidden temporary one beside it that never looks finished. */
export function exportPaths(destination: string, zip: boolean): { final: string; temp: string } {
  const final = zip ? destination.replace(/\.(csv|xlsx|zip)$/i, '') + '.zip' : destination;
  return { final, temp: tempBeside(final) };
}

export const CANCELLED_MESSAGE = 'The export was cancelled. No file was saved.';

export async function writeExport(source: Source, options: WriteOptions): Promise<{ path: string; rows: number; sha256: string }> {
  const paths = exportPaths(options.destination, !!options.zipPassword);
  const final = paths.final;
  const temp = options.temp ?? paths.temp;
  const fd = openSync(temp, 'w', 0o600);
  let open = true;
  const hash = createHash('sha256');
  const writeBytes = (bytes: Buffer) => {
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
    hash.update(bytes);
  };
  const write = (text: string) => writeBytes(Buffer.from(text, 'utf8'));
  // Between chunks: a cancel (or a lock) is seen here, and progress is told.
  const beforeChunk = () => {
    if (options.cancelled?.()) throw new DomainError('CANCELLED', CANCELLED_MESSAGE);
  };
  const progress = (done: number) => options.onProgress?.({ running: true, done, total: source.total });
  const fileType = options.fileType ?? 'csv';
  let rows = 0;
  try {
    if (fileType === 'xlsx') {
      if (!source.sheet) throw new Error('this export is offered as CSV only');
      rows = await writeWorkbook(source.header, source.sheet, { write: (bytes) => writeBytes(bytes), beforeChunk, progress });
    } else {
      write(csvStart(source.format, source.header));
      for (const chunk of source.csvChunks()) {
        beforeChunk();
        write(chunk.text);
        rows += chunk.rows;
        progress(rows);
      }
    }
    fsyncSync(fd);
    closeSync(fd);
    open = false;
    const sha256 = options.zipPassword ? await encryptInPlace(temp, basename(final).replace(/\.zip$/, `.${fileType}`), options.zipPassword) : hash.digest('hex');
    if (options.cancelled?.()) throw new DomainError('CANCELLED', CANCELLED_MESSAGE);
    renameSync(temp, final);
    return { path: final, rows, sha256 };
  } catch (e) {
    if (open) closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
}

/** Replaces the file at `path` (CSV or workbook) with an AES-256 ZIP holding it (readable by 7-Zip); the ZIP's SHA-256. */
async function encryptInPlace(path: string, entryName: string, password: string): Promise<string> {
  // Loaded when a ZIP is asked for: most exports never need it.
  const { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } = await import('@zip.js/zip.js');
  configure({ useWebWorkers: false });
  const writer = new ZipWriter(new Uint8ArrayWriter(), { password, encryptionStrength: 3 });
  await writer.add(entryName, new Uint8ArrayReader(readFileSync(path)));
  const zipped = await writer.close();
  writeFileSync(path, zipped, { mode: 0o600 });
  fsyncFile(path);
  return createHash('sha256').update(zipped).digest('hex');
}

/** The file name: what and when, never who. */
export function exportFileName(profileId: string, period: Period, fileType: FileType = 'csv', site: ReturnSite | null = null): string {
  return `${profileId}${site ? `_${site.odsCode}` : ''}_${period.start}_${period.end}.${fileType}`;
}
