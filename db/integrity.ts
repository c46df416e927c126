// Checks made before the caseload is written to: that its folder can be written to, and that the
// file is whole (db/workspace.ts says when each runs). Both run on read-only connections, because
// closing a read-write connection checkpoints and deletes the -wal file: a damaged caseload must be
// left exactly as it was found, so the copy put aside shows IT what was there.
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../core/domain/result';
import { applyKey } from './connection';
import { folderError, requireUsableFolder } from './dataFolder';

export const DAMAGED_DATABASE_MESSAGE =
  'The caseload file is damaged: part of it could not be read. It has stayed locked so nothing more is lost, and nothing has been deleted.';

/** SQLite's words for a file that is not a whole database (under the key that unwrapped). */
const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB|IOERR_SHORT_READ)/;

export const isDamageError = (e: unknown) => DAMAGE_CODES.test(String((e as { code?: unknown })?.code ?? ''));

/** The folder and the file in it can be written to; otherwise the folder's own words (db/dataFolder.ts). */
export function requireWritableFolder(file: string): void {
  requireUsableFolder(dirname(file), 'open');
  try {
    if (existsSync(file)) accessSync(file, constants.W_OK);
  } catch (e) {
    throw folderError(e, 'open') ?? e;
  }
}

/**
 * Opens the file read-only with the data key and reads its schema: the checks that take
 * milliseconds at any size, done on the main thread at unlock. Throws DATABASE_DAMAGED when the
 * file is missing, empty, or not a database under this key (its first page fails to decrypt).
 */
export function checkOpens(file: string, dataKey: Buffer): void {
  inspect(file, dataKey, false);
}

/**
 * checkOpens, then PRAGMA quick_check (structure, every page decrypted and its HMAC checked):
 * seconds on a large caseload, so the app runs it on a worker thread (core/api/threads). Throws
 * DATABASE_DAMAGED when the file fails either; other failures are passed on as they are.
 */
export function checkIntegrity(file: string, dataKey: Buffer): void {
  inspect(file, dataKey, true);
}

function inspect(file: string, dataKey: Buffer, wholeFile: boolean): void {
  const damaged = () => new DomainError('DATABASE_DAMAGED', DAMAGED_DATABASE_MESSAGE);
  if (!existsSync(file)) throw damaged();
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    applyKey(db, dataKey);
    // A file cut to nothing reads as an empty database: a caseload always has tables.
    const tables = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
    if (tables === 0) throw damaged();
    // quick_check(1): the first problem is enough to know; listing them all can take long.
    if (wholeFile && db.pragma('quick_check(1)', { simple: true }) !== 'ok') throw damaged();
  } catch (e) {
    if (e instanceof DomainError) throw e;
    if (isDamageError(e)) throw damaged();
    throw e;
  } finally {
    db?.close();
  }
}
