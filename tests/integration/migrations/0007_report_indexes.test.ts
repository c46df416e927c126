// Upgrading to 0007_report_indexes: a file made by the version before is brought up to date and keeps what it held.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../db/connection';
import { loadMigrations, schemaVersion } from '../../../db/migrate';
import { repoMigrationsDir } from '../../../core/api/context';
import { tempDir } from '../../support/workspace';
import { month } from '../../../core/domain/export/periods';
import { returnInputs } from '../../../db/queries/returns';
import type { Orm } from '../../../db/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('migrate-')));
afterEach(() => cleanup());

describe('upgrading from 0006 (assessment schedule) to 0007 (report indexes)', () => {
  it('keeps every record, adds the indexes the return reads, and the return counts what it held', () => {
    const all = loadMigrations(repoMigrationsDir()).slice(0, 8);
    expect(all.map((m) => m.tag).at(-1)).toBe('0007_report_indexes');
    const key = randomBytes(32);
    const file = join(dir, 'v7.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 7), create: true });
    const stamp = "'x', 1, 'x', 1";
    const contact = (episode: number, on: string, attendance: string) =>
      `INSERT INTO contacts (episode_id, contact_on, mode, type, attendance, created_at, created_by, updated_at, updated_by) VALUES (${episode}, '${on}', 'phone', 'one_to_one', '${attendance}', ${stamp});`;
    const assessment = (episode: number, instrument: string, on: string, score: number) =>
      `INSERT INTO assessments (episode_id, instrument, completed_on, method, responses, scores, primary_score, scoring_version, created_at, created_by, updated_at, updated_by)
        VALUES (${episode}, '${instrument}', '${on}', 'phone', '{}', '{}', ${score}, 1, ${stamp});`;
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES
        ('PS-AAAA-FFFF', 'Kept', '1980-01-01', ${stamp}), ('PS-AAAA-GGGG', 'Also kept', '1990-06-15', ${stamp});
      INSERT INTO episodes (person_id, referral_received_on, newly_diagnosed, referral_status, first_contact_on, closed_on, created_at, created_by, updated_at, updated_by) VALUES
        (1, '2026-08-03', 0, 'engaged', '2026-08-10', NULL, ${stamp}),
        (2, '2026-10-05', 1, 'engaged', '2026-10-12', '2026-10-30', ${stamp});
      ${contact(1, '2026-08-10', 'attended')} ${contact(1, '2026-10-14', 'attended')} ${contact(1, '2026-10-21', 'dna')} ${contact(2, '2026-10-12', 'attended')}
      ${assessment(1, 'gad7', '2026-08-10', 15)}
      ${assessment(1, 'gad7', '2026-10-14', 14)}
      ${assessment(1, 'gad7', '2026-10-14', 8)}
      ${assessment(2, 'phq9', '2026-10-12', 12)}`);
    const october = month(2026, 10);
    old.close();

    const db = openEncrypted(file, key, { migrations: all });
    expect(schemaVersion(db)).toBe(all.length);
    const columns = (index: string) => db.prepare(`SELECT name FROM pragma_index_info('${index}') ORDER BY seqno`).pluck().all();
    expect(columns('assessments_episode_idx')).toEqual(['episode_id', 'instrument', 'completed_on', 'id', 'primary_score']);
    expect(columns('assessments_completed_idx')).toEqual(['completed_on', 'episode_id']);
    expect(columns('contacts_date_idx')).toEqual(['contact_on', 'attendance', 'type', 'mode', 'episode_id']);
    expect(columns('contacts_attended_idx')).toEqual(['episode_id', 'contact_on']);
    expect(columns('episodes_referral_idx')).toEqual(['referral_received_on']);
    expect(columns('episodes_closed_idx')).toEqual(['closed_on']);
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(4);
    expect(db.prepare('SELECT count(*) FROM assessments').pluck().get()).toBe(4);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();

    // Today's return reads columns later migrations add: it counts on the file brought fully up to date.
    const latest = openEncrypted(file, key, { migrations: loadMigrations(repoMigrationsDir()) });
    const after = returnInputs({ $client: latest } as unknown as Orm, october);
    latest.close();
    // Person 1 was first supported in August, person 2 in October. GAD-7: 15 at baseline, then
    // two on 14 October; the one recorded last (8) is the follow-up, so it improved by 7.
    expect(after).toMatchObject({ attended: 2, dna: 1, peopleSupported: 2, newlyDiagnosedOffered: 1, newlyDiagnosedEngaged: 1 });
    expect(after.groups.find((g) => g.breakdown === 'new_or_continuing')!.categories).toEqual([
      { category: 'continuing', count: 1 },
      { category: 'new', count: 1 },
    ]);
    expect(after.wellbeing).toEqual([
      { instrument: 'gad7', improved: 1, followedUp: 1, noFollowUp: 0 },
      { instrument: 'phq9', improved: 0, followedUp: 0, noFollowUp: 1 },
    ]);
  });
});
