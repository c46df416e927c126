// Upgrading to 0003_exports: a file made by the version before is brought up to date and keeps what it held.
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

describe('upgrading from 0002 (outcomes) to 0003 (exports)', () => {
  it('keeps assessments and adds export profiles and the export log', () => {
    const all = loadMigrations(repoMigrationsDir());
    const key = randomBytes(32);
    const file = join(dir, 'v3.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 3), create: true });
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES ('PS-AAAA-DDDD', 'Kept', '1980-01-01', 'x', 1, 'x', 1);
      INSERT INTO episodes (person_id, referral_received_on, created_at, created_by, updated_at, updated_by) VALUES (1, '2026-01-02', 'x', 1, 'x', 1);
      INSERT INTO assessments (episode_id, instrument, completed_on, method, responses, scores, primary_score, scoring_version, created_at, created_by, updated_at, updated_by)
        VALUES (1, 'gad7', '2026-01-03', 'phone', '{}', '{"total":5}', 5, 1, 'x', 1, 'x', 1);`);
    old.close();
    const db = openEncrypted(file, key, { migrations: all.slice(0, 4) });
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT primary_score FROM assessments').get()).toEqual({ primary_score: 5 });
    expect(db.prepare('SELECT count(*) AS n FROM export_log').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM export_profiles').get()).toEqual({ n: 0 });
    db.close();
  });
});
