// An import's steps on the app's worker thread (../threads/worker.ts), so the window answers while
// a large file is read, checked and written. The write is all or nothing: the rows are checked
// again inside the transaction, and a single problem (or a cancel) rolls the whole import back.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { openReader, openWriter } from '../../../db/connection';
import { appendAudit } from '../../../db/queries/audit';
import { insertImported, rememberMapping } from '../../../db/queries/imports';
import * as schema from '../../../db/schema';
import type { Orm } from '../../../db/types';
import type { ImportCheck, ImportDone } from '../../domain/import/check';
import { DomainError } from '../../domain/result';
import type { ThreadIo } from '../threads/job';
import { checkTable } from './checkTable';
import type { ImportJob } from './job';
import { readTable, type Table } from './readTable';

export const NOT_IMPORTED = 'Nothing was imported.';

export async function runImport(job: ImportJob, key: Buffer, io: ThreadIo): Promise<Table | ImportCheck | ImportDone> {
  if (job.step === 'read') {
    key.fill(0);
    return readTable(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), job.password);
  }
  const total = job.table.rows.length;
  if (job.step === 'check') {
    const db = openReader(job.database, key);
    key.fill(0);
    try {
      db.exec('BEGIN');
      return checkTable(drizzle(db, { schema }) as Orm, job.table, job.mapping, job.importKind, job.today, (done) => io.progress(done, total)).check;
    } finally {
      db.close();
    }
  }
  const db = openWriter(job.database, key);
  key.fill(0);
  const orm = drizzle(db, { schema }) as Orm;
  try {
    db.exec('BEGIN IMMEDIATE');
    const { check, people } = checkTable(orm, job.table, job.mapping, job.importKind, job.today, (done) => io.progress(done, total * 2));
    if (check.mappingProblems.length > 0) throw new DomainError('VALIDATION', `${check.mappingProblems[0]} ${NOT_IMPORTED}`);
    if (check.problemCount > 0) throw new DomainError('VALIDATION', `The file has ${check.problemCount === 1 ? 'a problem' : `${check.problemCount} problems`}: check the file again to see what to put right. ${NOT_IMPORTED}`);
    if (people.length === 0) throw new DomainError('VALIDATION', `Everyone in this file is already on the caseload. ${NOT_IMPORTED}`);
    const actor = { memberId: job.memberId, now: new Date(job.now) };
    const batchId = insertImported(orm, job.importKind, people, job.settings, actor, (done) => {
      if (io.cancelled()) throw new DomainError('CANCELLED', `The import was cancelled. ${NOT_IMPORTED}`);
      io.progress(total + done, total * 2);
    });
    rememberMapping(orm, job.importKind, job.shape, job.mapping);
    // By numbers only: never a name, a file name or a cell.
    appendAudit(orm, { at: job.now, memberId: job.memberId, action: 'imports.run', entity: 'import', entityId: batchId, detail: { kind: job.importKind, people: people.length, skipped: check.skipped.length, rows: check.rows } });
    db.exec('COMMIT');
    return { batchId, created: people.length, skipped: check.skipped.length };
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  } finally {
    db.close();
  }
}
