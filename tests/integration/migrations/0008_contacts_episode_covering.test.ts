// Upgrading to 0008_contacts_episode_covering: a file made by the version before is brought up to date and keeps what it held.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../db/connection';
import { loadMigrations, schemaVersion } from '../../../db/migrate';
import { repoMigrationsDir } from '../../../core/api/context';
import { tempDir } from '../../support/workspace';
import { custom } from '../../../core/domain/export/periods';
import { BUILT_IN_PROFILES } from '../../../core/domain/export/profile';
import { sourceFor } from '../../../core/api/exports/run';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('migrate-')));
afterEach(() => cleanup());

describe('upgrading from 0007 (report indexes) to 0008 (contacts by episode with attendance)', () => {
  it('keeps every contact and the referral export’s counts, and the export reads the index alone', () => {
    const all = loadMigrations(repoMigrationsDir());
    expect(all[8].tag).toBe('0008_contacts_episode_covering');
    const key = randomBytes(32);
    const file = join(dir, 'v8.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 8), create: true });
    const stamp = "'x', 1, 'x', 1";
    const contact = (episode: number, on: string, attendance: string | null) =>
      `INSERT INTO contacts (episode_id, contact_on, mode, type, attendance, created_at, created_by, updated_at, updated_by) VALUES (${episode}, '${on}', 'phone', 'one_to_one', ${attendance ? `'${attendance}'` : 'NULL'}, ${stamp});`;
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES
        ('PS-AAAA-FFFF', 'Kept', '1980-01-01', ${stamp}), ('PS-AAAA-GGGG', 'Also kept', '1990-06-15', ${stamp});
      INSERT INTO episodes (person_id, referral_received_on, newly_diagnosed, referral_status, first_contact_on, created_at, created_by, updated_at, updated_by) VALUES
        (1, '2026-08-03', 0, 'engaged', '2026-08-10', ${stamp}), (2, '2026-10-05', 1, 'engaged', '2026-10-12', ${stamp});
      ${contact(1, '2026-08-10', 'attended')} ${contact(1, '2026-10-14', 'attended')} ${contact(1, '2026-10-21', 'dna')}
      ${contact(2, '2026-10-12', 'attended')} ${contact(2, '2026-11-30', null)}`);
    const referrals = BUILT_IN_PROFILES.find((p) => p.id === 'referrals')!;
    const everything = custom('2000-01-01', '2099-12-31');
    const exported = (db: typeof old) => [...sourceFor(db, referrals, everything).csvChunks()].map((c) => c.text).join('');
    const before = exported(old);
    expect(before.split(/\r?\n/).filter(Boolean)).toHaveLength(2);
    old.close();

    const db = openEncrypted(file, key, { migrations: all });
    expect(schemaVersion(db)).toBe(all.length);
    expect(exported(db)).toBe(before);
    const columns = db.prepare("SELECT name FROM pragma_index_info('contacts_episode_idx') ORDER BY seqno").pluck().all();
    expect(columns).toEqual(['episode_id', 'contact_on', 'attendance']);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT episode_id, sum(attendance = 'attended'), sum(attendance = 'dna') FROM contacts WHERE episode_id BETWEEN 1 AND 2 GROUP BY episode_id")
      .all()
      .map((r) => (r as { detail: string }).detail);
    expect(plan.join(' ')).toContain('USING COVERING INDEX contacts_episode_idx');
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(5);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
