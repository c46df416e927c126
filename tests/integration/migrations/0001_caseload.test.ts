// Upgrading to 0001_caseload: a file made by the version before is brought up to date and keeps what it held.
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

describe('upgrading a caseload made by the previous version', () => {
  it('0000 → 0001: people and referrals are kept, and the new columns are filled sensibly', () => {
    const all = loadMigrations(repoMigrationsDir());
    const key = randomBytes(32);
    const file = join(dir, 'old.db');
    // The previous version's file: only the first migration, with a person in it.
    const old = openEncrypted(file, key, { migrations: all.slice(0, 1), create: true });
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', '2026-01-01T00:00:00Z');
      INSERT INTO people (case_id, preferred_name, nhs_number, date_of_birth, created_at, created_by, updated_at) VALUES ('PS-AAAA-BBBB', 'Old Person', '9434765919', '1980-01-01', '2026-01-02T00:00:00Z', 1, '2026-01-02T00:00:00Z');
      INSERT INTO episodes (person_id, referral_received_on, created_at, created_by) VALUES (1, '2026-01-02', '2026-01-02T00:00:00Z', 1);`);
    old.close();

    const db = openEncrypted(file, key, { migrations: all });
    expect(schemaVersion(db)).toBe(all.length);
    expect(db.prepare('SELECT case_id, preferred_name, nhs_number, updated_by, contact_consent, interpreter_needed, latest_episode_id FROM people').get()).toEqual({
      latest_episode_id: 1,
      case_id: 'PS-AAAA-BBBB',
      preferred_name: 'Old Person',
      nhs_number: '9434765919',
      updated_by: 1,
      contact_consent: '[]',
      interpreter_needed: 0,
    });
    expect(db.prepare('SELECT referral_received_on, referral_status, pathway, updated_at, updated_by, closed_on FROM episodes').get()).toEqual({
      referral_received_on: '2026-01-02',
      referral_status: 'received',
      pathway: 'other',
      updated_at: '2026-01-02T00:00:00Z',
      updated_by: 1,
      closed_on: null,
    });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
