// Writing an export as an Excel workbook (.xlsx) with exceljs's streaming writer: one sheet, a
// bold header row kept in view, then the rows a chunk at a time, each cell typed (../../domain/
// export/sheetCell.ts). Text columns carry Excel's Text format too, so a hospital number retyped in
// Excel keeps its zeros; dates carry DD/MM/YYYY. Strings are always written as strings: exceljs
// writes a formula only when given { formula }, which nothing here makes.
import { once } from 'node:events';
import { Writable } from 'node:stream';
import type { SheetCell, SheetKind, SheetRows } from '../../domain/export/sheetCell';

export const APP_NAME = 'Peer Support Caseload';
const NUMBER_FORMAT: Record<SheetKind, string | undefined> = { text: '@', date: 'dd/mm/yyyy', number: undefined };

/**
 * How much of a sheet's XML may wait for the zip before the next chunk is made. exceljs hands the
 * sheet to its zip without backpressure (exceljs issues #734 and #1894, open): the zip deflates on
 * libuv's threads, which get their turn only when the event loop does, so unchecked the whole
 * sheet's XML (about 50 MB for 55,000 rows) piles up in memory before it is compressed.
 */
export const ZIP_QUEUE_LIMIT = 256 * 1024;

interface QueueState {
  length: number;
  needDrain: boolean;
}

/**
 * The stream that carries a sheet's XML into the zip, as exceljs 4 lays it out: the worksheet's
 * `stream` (a StreamBuf) pipes into one stream that archiver reads. Null when exceljs is laid out
 * otherwise (tests/integration/xlsxExports.test.ts fails then, as the file stops growing as it is
 * written).
 */
export function sheetQueue(sheet: unknown): (NodeJS.EventEmitter & { _writableState: QueueState }) | null {
  const queue = (sheet as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0] as (NodeJS.EventEmitter & { _writableState?: QueueState }) | undefined;
  return queue && typeof queue._writableState?.length === 'number' ? (queue as NodeJS.EventEmitter & { _writableState: QueueState }) : null;
}

/** Waits until the zip has taken all but ZIP_QUEUE_LIMIT bytes of the sheet written so far. */
async function zipCaughtUp(sheet: unknown): Promise<void> {
  const queue = sheetQueue(sheet);
  if (!queue) return new Promise((r) => setImmediate(r));
  const state = queue._writableState;
  // Past the limit the queue is past its high-water mark, so it will say when it has drained.
  if (state.length > ZIP_QUEUE_LIMIT && state.needDrain) await once(queue, 'drain');
}

const cellValue = (cell: SheetCell): string | number | Date | null =>
  cell === null ? null : 'text' in cell ? cell.text : 'number' in cell ? cell.number : new Date(`${cell.date}T00:00:00Z`);

/** What the writer needs from the file it fills. */
export interface WorkbookOut {
  /** Writes these bytes to the file (and its hash); throws on a disk error. */
  write(bytes: Buffer): void;
  /** Called before each chunk: throws to stop (a cancel). */
  beforeChunk(): void;
  /** Rows written so far. */
  progress(rows: number): void;
}

/** Writes the workbook; resolves with the number of rows once the file is complete. */
export async function writeWorkbook(header: readonly string[], sheet: SheetRows, out: WorkbookOut): Promise<number> {
  // Loaded when a workbook is asked for: CSV exports never pay for it.
  const { stream } = (await import('exceljs')).default;
  let stopped = false;
  // After a failure or a cancel, what the zip still has in hand goes nowhere: the file is removed.
  const file = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (stopped) return done();
      try {
        out.write(chunk);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  // A disk error stops the zip, so nothing else would ever settle: every wait races it.
  let fail: (e: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (fail = reject));
  failure.catch(() => undefined);
  file.on('error', (e) => fail(e));
  const book = new stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
  book.creator = APP_NAME;
  book.lastModifiedBy = APP_NAME;
  const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  // One style object per column, given to each of its cells: exceljs remembers the styles it has
  // seen by object, so a shared one is worked out once rather than once a cell (half the time).
  const styles = sheet.kinds.map((kind) => {
    const numFmt = NUMBER_FORMAT[kind];
    return numFmt ? { numFmt } : {};
  });
  ws.columns = sheet.kinds.map((kind, i) => ({ width: Math.min(40, Math.max(kind === 'date' ? 12 : 10, header[i].length + 2)), style: styles[i] }));
  const styled = (cell: { style: object }, column: number) => (cell.style = styles[column - 1]);
  try {
    const head = ws.addRow([...header]);
    head.eachCell((cell) => (cell.style = { font: { bold: true }, numFmt: '@' }));
    head.commit();
    let rows = 0;
    for (const chunk of sheet.chunks()) {
      out.beforeChunk();
      for (const cells of chunk.cells) {
        const row = ws.addRow(cells.map(cellValue));
        row.eachCell({ includeEmpty: true }, styled);
        row.commit();
      }
      rows += chunk.rows;
      await Promise.race([zipCaughtUp(ws), failure]);
      out.progress(rows);
    }
    out.beforeChunk();
    ws.commit();
    await Promise.race([book.commit(), failure]);
    return rows;
  } catch (e) {
    stopped = true;
    throw e;
  }
}
