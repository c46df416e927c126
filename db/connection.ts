// Opening the encrypted caseload file. SQLite3 Multiple Ciphers defaults to a different cipher,
// so the SQLCipher v4 scheme is chosen before the key on every open; the 256-bit data key is
// applied raw (x'…'), so no second KDF runs on top of the envelope's Argon2id.
//
// The key goes to SQLite through the driver's key()/rekey() (sqlite3_key/sqlite3_rekey) in a
// Buffer made for the call and zeroed straight after, never as SQL text: a `PRAGMA key = "x'…'"`
// string would stay in the JS heap, unzeroable, until collected. The Buffer holds SQLCipher's
// raw-key form `x'<64 hex digits>'`: 32 bare bytes would be taken as a passphrase and run through
// PBKDF2, giving another key (tests/integration/keys.test.ts opens files written either way).
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { dirname } from 'node:path';
import { DomainError } from '../core/domain/result';
import { folderProblem } from './dataFolder';
import { migrate, type Migration } from './migrate';

export interface OpenOptions {
  migrations: Migration[];
  /** Create the file if missing (first run); otherwise a missing file is an error. */
  create?: boolean;
}

export const DAMAGED_DATABASE_MESSAGE =
  'The caseload file could not be read: it may be damaged, or it does not belong to this key. Nothing has been changed or deleted.';

/** The cipher build's own methods (sqlite3_key, sqlite3_rekey); @types/better-sqlite3 does not list them. */
export type CipherDb = Db & { key(key: Buffer): number; rekey(key: Buffer): number };

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/** SQLCipher's raw-key form, `x'<hex>'`, written straight into a fresh Buffer (no string made). */
function rawKeyText(key: Buffer): Buffer {
  if (key.length !== 32) throw new Error('data key must be 32 bytes');
  // alloc, not allocUnsafe: a Buffer of its own, outside Node's shared pool.
  const text = Buffer.alloc(3 + key.length * 2);
  text[0] = 0x78; // x
  text[1] = 0x27; // '
  for (let i = 0; i < key.length; i++) {
    text[2 + 2 * i] = HEX_DIGITS[key[i] >> 4];
    text[3 + 2 * i] = HEX_DIGITS[key[i] & 0x0f];
  }
  text[text.length - 1] = 0x27;
  return text;
}

/** Chooses SQLCipher v4 (before the key, on every open) and applies the data key raw. */
export function applyKey(db: Db, dataKey: Buffer): void {
  if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  const text = rawKeyText(dataKey);
  try {
    (db as CipherDb).key(text);
  } finally {
    text.fill(0);
  }
}

/** Re-encrypts the open file under a new raw key (see db/rekey.ts for when this is safe). */
export function applyRekey(db: Db, newKey: Buffer): void {
  const text = rawKeyText(newKey);
  try {
    (db as CipherDb).rekey(text);
  } finally {
    text.fill(0);
  }
}

export function openEncrypted(file: string, dataKey: Buffer, options: OpenOptions): Db {
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: !options.create });
  } catch {
    // A folder that is missing, is a file or cannot be written is not a damaged caseload.
    throw folderProblem(dirname(file), options.create ? 'set up' : 'open') ?? new DomainError('DATABASE_DAMAGED', DAMAGED_DATABASE_MESSAGE);
  }
  try {
    applyKey(db, dataKey);
    // The first read is where a wrong key or a damaged header shows (SQLITE_NOTADB).
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    db.close();
    throw new DomainError('DATABASE_DAMAGED', DAMAGED_DATABASE_MESSAGE);
  }
  try {
    // Temp tables and sort spills stay in memory: no plaintext temp files on disk.
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged write survives power loss, not only an app crash.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    // Every page read from disk is decrypted and checked (SQLCipher HMAC); SQLite's default 2 MB
    // cache made My day decrypt the same pages again and again. 64 MB holds a large caseload.
    db.pragma('cache_size = -65536');
    migrate(db, options.migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Copies committed pages from the -wal file into the caseload file itself (PASSIVE: never waits,
 * never blocks a reader). Called after every call that had a session, before it is answered, so
 * an acknowledged change is in the main file and survives even if the -wal file is lost after a
 * crash (deleted by a clean-up tool, say); without it, every change since SQLite's last automatic
 * checkpoint (up to 1,000 pages) would be lost with no sign. Cost measured here: about 1 ms per
 * write (4 ms without); 15–40 µs when the -wal holds nothing new, as after a read.
 * What it cannot do: a crash in the middle of a checkpoint leaves the main file half-updated until
 * the -wal repairs it at the next open; if the -wal is lost too, the unlock check reports the file
 * damaged (never opens it short). No scheme that updates a file in place avoids that window.
 * A failure here (a full disk) is not the caller's: the change is committed and safe in the -wal.
 */
export function checkpointCommitted(db: Db): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // See above: the -wal file still holds the change, and the next checkpoint will copy it.
  }
}

/**
 * A second, read-only connection to an open caseload, for work done off the main thread (an
 * export's worker). It reads a consistent snapshot beside the app's own connection (WAL) and
 * never writes; its small page cache keeps a long export's memory flat.
 */
export function openReader(file: string, dataKey: Buffer): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw folderProblem(dirname(file), 'open') ?? new DomainError('DATABASE_DAMAGED', DAMAGED_DATABASE_MESSAGE);
  }
  try {
    applyKey(db, dataKey);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('temp_store = MEMORY');
    db.pragma('query_only = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch {
    db.close();
    throw new DomainError('DATABASE_DAMAGED', DAMAGED_DATABASE_MESSAGE);
  }
}

/**
 * A second read-write connection to an open caseload, for a long write done off the main thread
 * (an import from a spreadsheet): the same pragmas as the app's own, no migrations (the app's
 * connection has applied them). SQLite lets one writer at a time: the app's writes wait for it
 * (busy_timeout), as they would for any other transaction.
 */
export function openWriter(file: string, dataKey: Buffer): Db {
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch {
    throw folderProblem(dirname(file), 'open') ?? new DomainError('DATABASE_DAMAGED', DAMAGED_DATABASE_MESSAGE);
  }
  try {
    applyKey(db, dataKey);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    return db;
  } catch {
    db.close();
    throw new DomainError('DATABASE_DAMAGED', DAMAGED_DATABASE_MESSAGE);
  }
}
