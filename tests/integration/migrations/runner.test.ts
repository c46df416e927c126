// The migration runner on real encrypted files: order by journal index (not timestamp),
// all-or-nothing, and refusal of a file from a newer version.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../db/connection';
import { loadMigrations, migrate, schemaVersion } from '../../../db/migrate';
import { repoMigrationsDir } from '../../../core/api/context';
import { tempDir } from '../../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('migrate-')));
afterEach(() => cleanup());

function writeMigrations(folder: string, entries: { tag: string; when: number; sql: string }[]) {
  mkdirSync(join(folder, 'meta'), { recursive: true });
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'sqlite', entries: entries.map((e, idx) => ({ idx, version: '6', when: e.when, tag: e.tag, breakpoints: true })) }),
  );
  for (const e of entries) writeFileSync(join(folder, `${e.tag}.sql`), e.sql);
}

describe('migrations', () => {
  it('the shipped migrations bring a new file to the current version', () => {
    const migrations = loadMigrations(repoMigrationsDir());
    const db = openEncrypted(join(dir, 'a.db'), randomBytes(32), { migrations, create: true });
    expect(schemaVersion(db)).toBe(migrations.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['people', 'episodes', 'members', 'settings', 'workspace_meta']));
    db.close();
  });

  it('applies a migration whose timestamp is older than the last applied (a merged branch)', () => {
    const folder = join(dir, 'm');
    const key = randomBytes(32);
    writeMigrations(folder, [{ tag: '0000_a', when: 2000, sql: 'CREATE TABLE a (x);' }]);
    openEncrypted(join(dir, 'b.db'), key, { migrations: loadMigrations(folder), create: true }).close();
    writeMigrations(folder, [
      { tag: '0000_a', when: 2000, sql: 'CREATE TABLE a (x);' },
      { tag: '0001_b', when: 1000, sql: 'CREATE TABLE b (y);' },
    ]);
    const db = openEncrypted(join(dir, 'b.db'), key, { migrations: loadMigrations(folder) });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 1 });
    expect(schemaVersion(db)).toBe(2);
    db.close();
  });

  it('is all or nothing: a failing statement leaves the file at its old version', () => {
    const folder = join(dir, 'm');
    const key = randomBytes(32);
    writeMigrations(folder, [{ tag: '0000_a', when: 1, sql: 'CREATE TABLE a (x);' }]);
    openEncrypted(join(dir, 'c.db'), key, { migrations: loadMigrations(folder), create: true }).close();
    writeMigrations(folder, [
      { tag: '0000_a', when: 1, sql: 'CREATE TABLE a (x);' },
      { tag: '0001_b', when: 2, sql: 'CREATE TABLE b (y);\n--> statement-breakpoint\nCREATE TABLE b (y);' },
    ]);
    expect(() => openEncrypted(join(dir, 'c.db'), key, { migrations: loadMigrations(folder) })).toThrow();
    writeMigrations(folder, [{ tag: '0000_a', when: 1, sql: 'CREATE TABLE a (x);' }]);
    const db = openEncrypted(join(dir, 'c.db'), key, { migrations: loadMigrations(folder) });
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a file written by a newer version', () => {
    const migrations = loadMigrations(repoMigrationsDir());
    const key = randomBytes(32);
    const db = openEncrypted(join(dir, 'd.db'), key, { migrations, create: true });
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openEncrypted(join(dir, 'd.db'), key, { migrations })).toThrow(expect.objectContaining({ code: 'SCHEMA_TOO_NEW' }));
    const again = openEncrypted(join(dir, 'd.db'), key, { migrations: [...migrations, { tag: 'future', statements: [] }] });
    expect(migrate(again, [...migrations, { tag: 'future', statements: [] }])).toEqual({ from: migrations.length + 1, to: migrations.length + 1 });
    again.close();
  });
});
