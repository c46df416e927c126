// Upgrading to 0005_members: a file made by the version before is brought up to date and keeps what it held.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../db/connection';
import { loadMigrations, schemaVersion } from '../../../db/migrate';
import { repoMigrationsDir } from '../../../core/api/context';
import { tempDir } from '../../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('migrate-')));
afterEach(() => cleanup());

describe('upgrading from 0004 (audit) to 0005 (members)', () => {
  it('keeps every member and their records, all still active', () => {
    const all = loadMigrations(repoMigrationsDir());
    const key = randomBytes(32);
    const file = join(dir, 'v5.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 5), create: true });
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x'), ('Ade', 'peer_worker', 'y');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES ('PS-AAAA-EEEE', 'Kept', '1980-01-01', 'x', 2, 'x', 2);`);
    old.close();
    const db = openEncrypted(file, key, { migrations: all.slice(0, 6) });
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT display_name, role, removed_at FROM members ORDER BY id').all()).toEqual([
      { display_name: 'Sam', role: 'coordinator', removed_at: null },
      { display_name: 'Ade', role: 'peer_worker', removed_at: null },
    ]);
    expect(db.prepare('SELECT created_by FROM people').get()).toEqual({ created_by: 2 });
    db.close();
  });
});
