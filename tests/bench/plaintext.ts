// An unencrypted copy of the bench caseload, to measure what encryption costs the same reads.
// SQLite3 Multiple Ciphers has no sqlcipher_export(); instead a verified backup (VACUUM INTO,
// same key) is copied and re-keyed to the empty key, which decrypts it in place (journal_mode
// DELETE first: re-keying a WAL file can corrupt it). Bench only: never done to a real caseload.
import { copyFileSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { applyKey } from '../../db/connection';

export function decryptedCopy(backupFile: string, dataKey: Buffer, to: string): void {
  copyFileSync(backupFile, to);
  const db = new Database(to);
  try {
    applyKey(db, dataKey);
    db.pragma('journal_mode = DELETE');
    db.pragma("rekey = ''");
  } finally {
    db.close();
  }
  if (readFileSync(to).subarray(0, 15).toString('latin1') !== 'SQLite format 3') throw new Error('the copy is still encrypted');
}

/** The plain file opened as openEncrypted opens the real one, less the key. */
export function openPlain(file: string): Db {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  return db;
}
