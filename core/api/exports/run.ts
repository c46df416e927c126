// Running an export: rows read a chunk at a time, written through the CSV encoder to a temporary
// file beside the destination (files/atomicFile), and renamed into place only when complete.
// A failure or a cancel leaves nothing behind. The event loop is given back between chunks, so
// the window stays responsive and progress can be read while it runs.
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { countOutcomeEpisodes, countReferrals, outcomeRows, referralRows, type Row } from '../../../db/queries/exportRows';
import { returnInputs } from '../../../db/queries/returns';
import type { Orm } from '../../../db/workspace';
import { columnById, type ExportColumn } from '../../domain/export/catalogue';
import { csvStringifier, EXCEL_CSV, toRecord, type CsvFormat } from '../../domain/export/csv';
import { formatCell } from '../../domain/export/format';
import { buildReturn, RETURN_HEADER } from '../../domain/export/monthlyReturn';
import type { Period } from '../../domain/export/periods';
import { csvFormatOf, type ExportProfile } from '../../domain/export/profile';
import type { ExportPreview, ExportProgress } from '../../domain/export/request';
import { DEFAULT_SUPPRESSION, type SuppressionSettings } from '../../domain/export/suppression';
import { DomainError } from '../../domain/result';
import { writeAtomically } from '../files/atomicFile';

configure({ useWebWorkers: false });

/** A source of rows: its header, how many, and the rows a chunk at a time. */
export interface Source {
  header: string[];
  total: number;
  format: CsvFormat;
  identifiable: boolean;
  chunks(): AsyncGenerator<string[][]>;
}

export const MONTHLY_RETURN_NAME = 'Monthly activity return';

export function sourceFor(orm: Orm, profile: ExportProfile | 'monthly_return', period: Period, today: string, suppression: SuppressionSettings = DEFAULT_SUPPRESSION): Source {
  if (profile === 'monthly_return') {
    // Aggregate, suppressed: small enough to build whole.
    const rows = buildReturn(period, returnInputs(orm, period), suppression).map((r) => [r.period, r.measure, r.breakdown, r.category, r.value === null ? '' : String(r.value)]);
    return {
      header: RETURN_HEADER,
      total: rows.length,
      format: EXCEL_CSV,
      identifiable: false,
      async *chunks() {
        yield rows;
      },
    };
  }
  const columns = profile.columns.map((c) => ({ column: columnById(profile.dataset, c.id) as ExportColumn, header: c.header }));
  const read = profile.dataset === 'referrals' ? referralRows : outcomeRows;
  const total = profile.dataset === 'referrals' ? countReferrals(orm, period) : countOutcomeEpisodes(orm, period);
  const toCells = (row: Row) => columns.map(({ column }) => formatCell(row[column.id], column, profile));
  return {
    header: columns.map(({ column, header }) => header ?? column.header),
    total,
    format: csvFormatOf(profile),
    identifiable: profile.identifiable,
    async *chunks() {
      let after = 0;
      for (;;) {
        const rows = read(orm, period, after, today);
        if (rows.length === 0) return;
        after = rows[rows.length - 1].episodeId as number;
        yield rows.map(toCells);
      }
    },
  };
}

export async function preview(source: Source, profileName: string, limit = 10): Promise<ExportPreview> {
  const first = (await source.chunks().next()).value ?? [];
  return { header: source.header, rows: first.slice(0, limit), total: source.total, identifiable: source.identifiable, profileName };
}

export interface WriteOptions {
  destination: string;
  zipPassword?: string;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
}

export async function writeExport(source: Source, options: WriteOptions): Promise<{ path: string; rows: number; sha256: string }> {
  const final = options.zipPassword ? options.destination.replace(/\.(csv|zip)$/i, '') + '.zip' : options.destination;
  let rows = 0;
  const written = await writeAtomically(final, async (temp) => {
    const out = createWriteStream(temp, { mode: 0o600 });
    const failed = new Promise<never>((_, reject) => out.on('error', reject));
    failed.catch(() => undefined);
    const stringifier = csvStringifier(source.format, source.header);
    const finished = new Promise<void>((resolve, reject) => {
      stringifier.on('error', reject);
      out.on('error', reject);
      out.on('finish', resolve);
    });
    stringifier.pipe(out);
    try {
      for await (const chunk of source.chunks()) {
        if (options.signal?.aborted) throw new DomainError('CANCELLED', 'The export was cancelled. No file was saved.');
        for (const cells of chunk) {
          if (!stringifier.write(toRecord(cells))) await new Promise((r) => stringifier.once('drain', r));
          rows++;
        }
        options.onProgress?.({ running: true, done: rows, total: source.total });
        await yieldToEventLoop();
      }
      stringifier.end();
      await Promise.race([finished, failed]);
    } catch (e) {
      stringifier.destroy();
      out.destroy();
      throw e;
    }
    if (options.zipPassword) await encryptInPlace(temp, basename(final).replace(/\.zip$/, '.csv'), options.zipPassword);
  });
  return { path: written.path, rows, sha256: written.sha256 };
}

/** Replaces the CSV at `path` with an AES-256 ZIP holding it (readable by 7-Zip). */
async function encryptInPlace(path: string, entryName: string, password: string): Promise<void> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { password, encryptionStrength: 3 });
  await writer.add(entryName, new Uint8ArrayReader(readFileSync(path)));
  const zipped = await writer.close();
  writeFileSync(path, zipped, { mode: 0o600 });
}

/** The file name: what and when, never who. */
export function exportFileName(profileId: string, period: Period): string {
  return `${profileId}_${period.start}_${period.end}.csv`;
}
