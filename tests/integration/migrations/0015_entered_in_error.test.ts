// Upgrading to 0015_entered_in_error: a new, empty table for records marked entered in error;
// every record already there stays live and counted, and the new table refuses a row for a person
// who does not exist (its foreign key, which retention's purge list must name: retention.ts).
import { describe, expect, it } from 'vitest';
import { fileBeforeMigration } from '../../support/migrationFile';

describe('upgrading to 0015 (entered in error)', () => {
  it('adds an empty table and leaves every record as it was', () => {
    const { old, upgrade } = fileBeforeMigration('entered_in_error');
    const stamp = "'x', 1, 'x', 1";
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES ('PS-AAAA-FFFF', 'Kept', '1980-01-01', ${stamp});
      INSERT INTO episodes (person_id, referral_received_on, referral_status, created_at, created_by, updated_at, updated_by) VALUES (1, '2026-01-05', 'engaged', ${stamp});
      INSERT INTO contacts (episode_id, contact_on, mode, type, attendance, created_at, created_by, updated_at, updated_by) VALUES (1, '2026-01-12', 'phone', 'one_to_one', 'attended', ${stamp});`);
    const before = old.prepare('SELECT * FROM contacts').all();

    const db = upgrade();
    expect(db.prepare('SELECT * FROM contacts').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM entered_in_error').get()).toEqual({ n: 0 });
    expect(() =>
      db.prepare("INSERT INTO entered_in_error (person_id, kind, record_id, recorded_on, record, reason, marked_at, marked_by) VALUES (99, 'contact', 1, '2026-01-12', '{}', 'r', 'x', 1)").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
