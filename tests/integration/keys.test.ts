// The data key reaches SQLite through key()/rekey() in a Buffer that is zeroed straight after,
// still as SQLCipher's raw key (no KDF), with the SQLCipher v4 settings before it: a file written
// the old way (`PRAGMA key = "x'…'"`) opens the new way and the other way round.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyKey, applyRekey, openReader, type CipherDb } from '../../db/connection';
import { tempDir } from '../support/workspace';

/** Where key() and rekey() live (the cipher build's additions to the driver). */
const cipher = Database.prototype as unknown as CipherDb;

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('keys-')));
afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
});

/** A file keyed as the app did before: SQL text with the hex key. */
function writtenTheOldWay(file: string, key: Buffer): void {
  const db = new Database(file);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  db.pragma('journal_mode = WAL');
  db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept')");
  db.close();
}

function readTheOldWay(file: string, key: Buffer): string | null {
  const db = new Database(file, { readonly: true });
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    return (db.prepare('SELECT x FROM t').pluck().get() as string) ?? null;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

describe('applying the data key', () => {
  it('opens a file written the old way, and leaves the caller’s key as it was', () => {
    const file = join(dir, 'old.db');
    const key = randomBytes(32);
    writtenTheOldWay(file, key);
    const copy = Buffer.from(key);
    const db = openReader(file, key);
    expect(db.prepare('SELECT x FROM t').pluck().get()).toBe('kept');
    db.close();
    expect(key.equals(copy)).toBe(true);
    // A wrong key still does not open it.
    expect(() => openReader(file, randomBytes(32))).toThrow(/could not be read/);
  });

  it('sets cipher and legacy before the key, passes the raw-key text, and zeroes that Buffer after', () => {
    const file = join(dir, 'spy.db');
    const key = randomBytes(32);
    writtenTheOldWay(file, key);
    const order: string[] = [];
    const given: { buffer: Buffer; atCall: string }[] = [];
    const realPragma = Database.prototype.pragma;
    vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (this: Database.Database, source: string, options?: Database.PragmaOptions) {
      order.push(source.split('=')[0].trim());
      return Reflect.apply(realPragma, this, [source, options]) as unknown;
    });
    const realKey = cipher.key;
    vi.spyOn(cipher, 'key').mockImplementation(function (this: CipherDb, buffer: Buffer) {
      order.push('key()');
      given.push({ buffer, atCall: buffer.toString('latin1') });
      return Reflect.apply(realKey, this, [buffer]) as number;
    });
    const db = new Database(file, { readonly: true });
    applyKey(db, key);
    expect(db.prepare('SELECT x FROM t').pluck().get()).toBe('kept');
    db.close();
    expect(order).toEqual(['cipher', 'legacy', 'key()']);
    expect(given).toHaveLength(1);
    expect(given[0].atCall).toBe(`x'${key.toString('hex')}'`);
    expect(given[0].buffer.every((b) => b === 0)).toBe(true);
  });

  it('re-keys through rekey(), raw, zeroing its Buffer: the old way reads the new key', () => {
    const file = join(dir, 'rekey.db');
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    writtenTheOldWay(file, oldKey);
    const db = new Database(file);
    applyKey(db, oldKey);
    const realRekey = cipher.rekey;
    const given: Buffer[] = [];
    vi.spyOn(cipher, 'rekey').mockImplementation(function (this: CipherDb, buffer: Buffer) {
      given.push(buffer);
      return Reflect.apply(realRekey, this, [buffer]) as number;
    });
    applyRekey(db, newKey);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(given).toHaveLength(1);
    expect(given[0].every((b) => b === 0)).toBe(true);
    expect(readTheOldWay(file, newKey)).toBe('kept');
    expect(readTheOldWay(file, oldKey)).toBeNull();
  });
});
