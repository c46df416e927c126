// Upgrading to 0015_entered_in_error: a new, empty table for records marked entered in error;
// every record already there stays live and counted, and the new table refuses a row for a person
// who does not exist (its foreign key, which retention's purge list must name: retention.ts).
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

describe('upgrading to 0015 (entered in error)', () => {
  it('adds an empty table and leaves every record as it was', () => {
    const all = loadMigrations(repoMigrationsDir());
    const at = all.findIndex((m) => m.tag.endsWith('_entered_in_error'));
    expect(at).toBeGreaterThan(0);
    const key = randomBytes(32);
    const file = join(dir, 'before.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, at), create: true });
    const stamp = "'x', 1, 'x', 1";
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES ('PS-AAAA-FFFF', 'Kept', '1980-01-01', ${stamp});
      INSERT INTO episodes (person_id, referral_received_on, referral_status, created_at, created_by, updated_at, updated_by) VALUES (1, '2026-01-05', 'engaged', ${stamp});
      INSERT INTO contacts (episode_id, contact_on, mode, type, attendance, created_at, created_by, updated_at, updated_by) VALUES (1, '2026-01-12', 'phone', 'one_to_one', 'attended', ${stamp});`);
    const before = old.prepare('SELECT * FROM contacts').all();
    old.close();

    const db = openEncrypted(file, key, { migrations: all.slice(0, at + 1) });
    expect(schemaVersion(db)).toBe(at + 1);
    expect(db.prepare('SELECT * FROM contacts').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM entered_in_error').get()).toEqual({ n: 0 });
    expect(() =>
      db.prepare("INSERT INTO entered_in_error (person_id, kind, record_id, recorded_on, record, reason, marked_at, marked_by) VALUES (99, 'contact', 1, '2026-01-12', '{}', 'r', 'x', 1)").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
