// Upgrading to 0002_outcomes: a file made by the version before is brought up to date and keeps what it held.
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

describe('upgrading from 0001 (caseload) to 0002 (outcomes)', () => {
  it('keeps the caseload and adds empty assessments and engagement reviews', () => {
    const all = loadMigrations(repoMigrationsDir());
    const key = randomBytes(32);
    const file = join(dir, 'v2.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 2), create: true });
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', '2026-01-01T00:00:00Z');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES ('PS-AAAA-CCCC', 'Kept Person', '1980-01-01', 'x', 1, 'x', 1);
      INSERT INTO episodes (person_id, referral_received_on, referral_status, created_at, created_by, updated_at, updated_by) VALUES (1, '2026-01-02', 'engaged', 'x', 1, 'x', 1);
      INSERT INTO contacts (episode_id, contact_on, mode, type, attendance, created_at, created_by, updated_at, updated_by) VALUES (1, '2026-01-03', 'phone', 'one_to_one', 'attended', 'x', 1, 'x', 1);`);
    expect(schemaVersion(old)).toBe(2);
    old.close();
    const db = openEncrypted(file, key, { migrations: all.slice(0, 3) });
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM assessments').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM engagement_reviews').get()).toEqual({ n: 0 });
    db.close();
  });
});
