// Upgrading to 0006_assessment_schedule: a file made by the version before is brought up to date and keeps what it held.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../db/connection';
import { loadMigrations, schemaVersion } from '../../../db/migrate';
import { repoMigrationsDir } from '../../../core/api/context';
import { tempDir } from '../../support/workspace';
import { INSTRUMENT_IDS } from '../../../core/domain/instruments/definitions';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('migrate-')));
afterEach(() => cleanup());

describe('upgrading from 0004 (audit) to 0006 (assessment schedule)', () => {
  it('fills the schedule for open, started episodes only, with each instrument’s latest assessment', () => {
    const all = loadMigrations(repoMigrationsDir());
    expect(all.map((m) => m.tag)[6]).toBe('0006_assessment_schedule');
    const key = randomBytes(32);
    const file = join(dir, 'v6.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 5), create: true });
    const assessment = (episode: number, instrument: string, on: string) =>
      `INSERT INTO assessments (episode_id, instrument, completed_on, method, responses, scores, primary_score, scoring_version, created_at, created_by, updated_at, updated_by)
        VALUES (${episode}, '${instrument}', '${on}', 'phone', '{}', '{}', 1, 1, 'x', 1, 'x', 1);`;
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES ('PS-AAAA-EEEE', 'Kept', '1980-01-01', 'x', 1, 'x', 1);
      INSERT INTO episodes (person_id, referral_received_on, first_contact_on, closed_on, created_at, created_by, updated_at, updated_by) VALUES
        (1, '2026-01-02', '2026-01-05', '2026-03-01', 'x', 1, 'x', 1),
        (1, '2026-04-02', NULL, NULL, 'x', 1, 'x', 1),
        (1, '2026-05-02', '2026-05-04', NULL, 'x', 1, 'x', 1);
      ${assessment(1, 'gad7', '2026-01-05')}
      ${assessment(3, 'gad7', '2026-05-04')}
      ${assessment(3, 'gad7', '2026-08-01')}
      ${assessment(3, 'phq9', '2026-05-04')}`);
    old.close();

    const db = openEncrypted(file, key, { migrations: all });
    expect(schemaVersion(db)).toBe(all.length);
    // Only the open episode that has started (3): one row per instrument in the catalogue.
    expect(db.prepare('SELECT episode_id, instrument, started_on, last_completed_on FROM assessment_schedule ORDER BY instrument').all()).toEqual(
      [...INSTRUMENT_IDS].sort().map((instrument) => ({
        episode_id: 3,
        instrument,
        started_on: '2026-05-04',
        last_completed_on: instrument === 'gad7' ? '2026-08-01' : instrument === 'phq9' ? '2026-05-04' : null,
      })),
    );
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
