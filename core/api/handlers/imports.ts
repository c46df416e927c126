// Importing a caseload or the clinic's opt-out list from a spreadsheet: open the file, check it
// (the dry run), import it, and undo the last import. Reading, checking and writing run on the
// app's worker thread (../imports/onThread.ts) with progress the screen polls.
import { extname } from 'node:path';
import { lastImport, rememberedMapping, undoImport } from '../../../db/queries/imports';
import { workspacePaths } from '../../../db/workspace';
import type { ImportCheck, ImportDone, ImportFile, ImportProgress } from '../../domain/import/check';
import { fits, guessColumns, headerShape } from '../../domain/import/mapping';
import { readText } from '../../domain/import/values';
import { DomainError } from '../../domain/result';
import type { AppContext } from '../context';
import type { ImportJob, PackedTable } from '../imports/job';
import { session } from './context';
import type { HandlerMap } from './types';

const BUSY = 'An import is already under way. Wait for it to finish, then try again.';
const NO_FILE = 'Choose the file to import first.';

/** One step on the worker thread, its progress passed on; a lock cancels it. */
async function onThread<T>(ctx: AppContext, stage: ImportProgress['stage'], job: ImportJob): Promise<T> {
  if (ctx.importCancel) throw new DomainError('CONFLICT', BUSY);
  ctx.importProgress = { running: true, stage, done: 0, total: 0 };
  const thread = ctx.threads.start<T>(job, (done, total) => (ctx.importProgress = { running: true, stage, done, total }));
  ctx.importCancel = () => thread.cancel();
  try {
    return await thread.result;
  } finally {
    ctx.importCancel = null;
    ctx.importProgress = { ...ctx.importProgress, running: false };
  }
}

function withCaseload(ctx: AppContext) {
  const s = session(ctx);
  const draft = ctx.importDraft;
  if (!draft) throw new DomainError('VALIDATION', NO_FILE);
  return { s, draft, base: { database: workspacePaths(ctx.dataDir).database, dataKey: new Uint8Array(s.ws.dataKey), table: draft.table, importKind: draft.kind, today: s.today } };
}

export const importHandlers = {
  'imports.open': async (ctx, input) => {
    const s = session(ctx);
    const type = extname(input.fileName).toLowerCase();
    if (!['.csv', '.txt', '.xlsx', '.xlsm', '.tsv', ''].includes(type)) {
      throw new DomainError('VALIDATION', type === '.xls' ? 'This is an old Excel file (.xls). Open it in Excel, save it as an Excel Workbook (.xlsx) or CSV, and import that.' : 'Choose an Excel workbook (.xlsx) or a CSV file.');
    }
    ctx.importDraft = null;
    const bytes = Buffer.from(input.data, 'base64');
    const table = await onThread<PackedTable>(ctx, 'reading', { kind: 'import', step: 'read', bytes: new Uint8Array(bytes), password: input.password, dataKey: new Uint8Array(0) });
    const { meta } = table;
    const shape = headerShape(meta.headers);
    ctx.importDraft = { kind: input.kind, table, shape, checked: null };
    const remembered = rememberedMapping(s.ws.orm, input.kind, shape);
    return {
      kind: input.kind,
      fileType: meta.fileType,
      sheet: meta.sheet,
      headers: meta.headers,
      headerRow: meta.headerRow,
      rows: table.count,
      sample: table.sample.map((r) => r.cells.map((c) => readText(c) ?? '')),
      columns: fits(remembered, meta.headers) ? remembered.columns : guessColumns(meta.headers),
      remembered: fits(remembered, meta.headers),
      hiddenColumns: meta.hiddenColumns,
    } satisfies ImportFile;
  },
  'imports.check': async (ctx, input) => {
    const { draft, base } = withCaseload(ctx);
    draft.checked = null;
    const { check, people } = await onThread<{ check: ImportCheck; people: Uint8Array }>(ctx, 'checking', { kind: 'import', step: 'check', ...base, mapping: input.mapping });
    const clean = check.problemCount === 0 && check.mappingProblems.length === 0;
    if (clean) draft.checked = { mapping: JSON.stringify(input.mapping), people, rows: check.rows, problems: 0 };
    return check;
  },
  'imports.run': async (ctx, input) => {
    const { s, draft, base } = withCaseload(ctx);
    const done = await onThread<ImportDone>(ctx, 'importing', {
      kind: 'import',
      step: 'write',
      ...base,
      mapping: input.mapping,
      memberId: s.ws.memberId,
      now: s.actor.now.toISOString(),
      settings: s.settings(),
      shape: draft.shape,
      // The dry run's people, when it was run with this same mapping; otherwise the rows are read again.
      checked: draft.checked?.mapping === JSON.stringify(input.mapping) ? draft.checked : null,
    });
    ctx.importDraft = null;
    return done;
  },
  'imports.progress': (ctx) => ctx.importProgress,
  'imports.last': (ctx) => lastImport(session(ctx).ws.orm),
  'imports.undo': (ctx, input) => {
    const s = session(ctx);
    return { people: undoImport(s.ws.orm, input.id, s.actor) };
  },
} satisfies HandlerMap<'imports.open' | 'imports.check' | 'imports.run' | 'imports.progress' | 'imports.last' | 'imports.undo'>;
