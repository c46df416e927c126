// An import's steps on the app's worker thread (../threads/worker.ts), so the window answers while
// a large file is read, checked and written. The write is all or nothing: inside its transaction
// everyone is matched against the caseload again (someone may have been added since the dry run),
// and a problem or a cancel rolls the whole import back.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { openReader, openWriter } from '../../../db/connection';
import { appendAudit } from '../../../db/queries/audit';
import { insertImported, rememberMapping } from '../../../db/queries/imports';
import { duplicateMatcher } from '../../../db/queries/people';
import * as schema from '../../../db/schema';
import type { Orm } from '../../../db/types';
import type { ImportCheck, ImportDone } from '../../domain/import/check';
import type { NewPerson } from '../../domain/person';
import { DomainError } from '../../domain/result';
import type { ThreadIo } from '../threads/job';
import { checkTable } from './checkTable';
import { pack, unpack, type ImportJob, type PackedTable } from './job';
import { readTable, type Table } from './readTable';

export const NOT_IMPORTED = 'Nothing was imported.';

const tableOf = (packed: PackedTable): Table => ({ ...packed.meta, rows: unpack(packed.rows) });

export async function runImport(job: ImportJob, key: Buffer, io: ThreadIo): Promise<PackedTable | { check: ImportCheck; people: Uint8Array } | ImportDone> {
  if (job.step === 'read') {
    key.fill(0);
    const { rows, ...meta } = await readTable(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), job.password);
    return { meta, rows: pack(rows), count: rows.length, sample: rows.slice(0, 3) };
  }
  const total = job.table.count;
  if (job.step === 'check') {
    const db = openReader(job.database, key);
    key.fill(0);
    try {
      db.exec('BEGIN');
      const { check, people } = checkTable(drizzle(db, { schema }) as Orm, tableOf(job.table), job.mapping, job.importKind, job.today, (done) => io.progress(done, total));
      return { check, people: pack(check.problemCount === 0 && check.mappingProblems.length === 0 ? people : []) };
    } finally {
      db.close();
    }
  }
  const db = openWriter(job.database, key);
  key.fill(0);
  const orm = drizzle(db, { schema }) as Orm;
  try {
    db.exec('BEGIN IMMEDIATE');
    let people: NewPerson[];
    let skipped: number;
    let rows: number;
    if (job.checked) {
      // Read and checked already with this mapping: only the caseload may have changed since.
      const onCaseload = duplicateMatcher(orm);
      const checked = unpack<NewPerson[]>(job.checked.people);
      people = checked.filter((p) => !onCaseload(p));
      skipped = job.checked.rows - job.checked.problems - people.length;
      rows = job.checked.rows;
    } else {
      const { check, people: found } = checkTable(orm, tableOf(job.table), job.mapping, job.importKind, job.today, (done) => io.progress(done, total * 2));
      if (check.mappingProblems.length > 0) throw new DomainError('VALIDATION', `${check.mappingProblems[0]} ${NOT_IMPORTED}`);
      if (check.problemCount > 0) {
        throw new DomainError('VALIDATION', `The file has ${check.problemCount === 1 ? 'a problem' : `${check.problemCount} problems`}: check the file again to see what to put right. ${NOT_IMPORTED}`);
      }
      people = found;
      skipped = check.skipped.length;
      rows = check.rows;
    }
    if (people.length === 0) throw new DomainError('VALIDATION', `Everyone in this file is already on the caseload. ${NOT_IMPORTED}`);
    const actor = { memberId: job.memberId, now: new Date(job.now) };
    const batchId = insertImported(orm, job.importKind, people, job.settings, actor, (done) => {
      if (io.cancelled()) throw new DomainError('CANCELLED', `The import was cancelled. ${NOT_IMPORTED}`);
      io.progress(total + done, total * 2);
    });
    rememberMapping(orm, job.importKind, job.shape, job.mapping);
    // By numbers only: never a name, a file name or a cell.
    appendAudit(orm, { at: job.now, memberId: job.memberId, action: 'imports.run', entity: 'import', entityId: batchId, detail: { kind: job.importKind, people: people.length, skipped, rows } });
    db.exec('COMMIT');
    return { batchId, created: people.length, skipped };
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  } finally {
    db.close();
  }
}
