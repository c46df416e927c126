// The import's figure: a 50,000-row caseload workbook (made here, as a clinic's would look: a
// title, headers on row 3, day-first text dates, codes as words) read, checked and imported
// through the same calls the Import screen makes, each step on the worker thread, against the
// caseload being benchmarked (so every row's duplicate check runs against it too). The import is
// undone after, so the figures after this one see the caseload as it was.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Figure } from './measure';
import { awkwardWorkbook, madeUpNhsNumber, type AwkwardRow } from '../support/importFiles';

type Call = (name: string, input: unknown) => Promise<unknown>;

const GENDERS = ['F', 'M', 'Female', 'Male', 'non-binary', 'N/A'];
const ETHNICITIES = ['Black African', 'White British', 'Black Caribbean', 'Any other White background', 'N/A'];

export function importRows(n: number): AwkwardRow[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `Imported Person ${i}`,
    nhs: i % 3 === 0 ? null : madeUpNhsNumber(1_000_000 + i * 10),
    hospital: String(i).padStart(8, '0'),
    dob: `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1950 + (i % 50)}`,
    gender: GENDERS[i % GENDERS.length],
    ethnicity: ETHNICITIES[i % ETHNICITIES.length],
    referral: `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2025`,
    diagnosis: i % 4 === 0 ? null : '2024-06',
  }));
}

export async function importFigures(call: Call, rows: number): Promise<Figure[]> {
  const made = performance.now();
  const bytes = await awkwardWorkbook(importRows(rows));
  const madeMs = performance.now() - made;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  const file = (await call('imports.open', { kind: 'caseload', fileName: 'bench.xlsx', data: bytes.toString('base64') })) as { rows: number; columns: unknown[] };
  const t1 = performance.now();
  const mapping = { columns: file.columns, values: {} };
  const check = (await call('imports.check', { mapping })) as { toCreate: number; problemCount: number };
  const t2 = performance.now();
  const done = (await call('imports.run', { mapping })) as { batchId: number; created: number };
  const t3 = performance.now();
  loop.disable();
  if (file.rows !== rows || check.problemCount !== 0 || done.created !== rows) throw new Error(`import bench: ${file.rows} rows read, ${check.problemCount} problems, ${done.created} created`);
  const u0 = performance.now();
  await call('imports.undo', { id: done.batchId });
  const undoMs = performance.now() - u0;
  const one = (name: string, ms: number, extra: Partial<Figure> = {}): Figure => ({ name, runs: 1, medianMs: ms, p95Ms: ms, ...extra });
  return [
    one(`import ${rows.toLocaleString('en-GB')} rows from .xlsx: open, check, import`, t3 - t0, {
      target: '< 30 s',
      note: `${(bytes.length / 1e6).toFixed(1)} MB workbook (made in ${(madeMs / 1000).toFixed(1)} s, not counted); main thread's longest pause ${(loop.max / 1e6).toFixed(0)} ms`,
    }),
    one('  reading the workbook (worker thread)', t1 - t0),
    one('  the dry run (worker thread)', t2 - t1),
    one('  the import in one transaction (worker thread)', t3 - t2),
    one('  undoing it', undoMs),
  ];
}
