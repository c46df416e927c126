// Upgrading to 0014_caseload_imports: the people and referrals already on the caseload are not
// from any import (so no import can be undone over them), and the table of imports starts empty.
import { describe, expect, it } from 'vitest';
import { fileBeforeMigration } from '../../support/migrationFile';

describe('upgrading from 0013 to 0014 (caseload imports)', () => {
  it('keeps everyone, marks no one as imported, and starts with no imports', () => {
    const { tag, old, upgrade } = fileBeforeMigration('caseload_imports');
    expect(tag).toBe('0014_caseload_imports');
    old.exec("INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x')");
    old.exec("INSERT INTO people (case_id, preferred_name, name_folded, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES ('PS-AAAA-0001', 'Ann', 'ann', '1980-01-01', 'x', 1, 'x', 1)");
    old.exec("INSERT INTO episodes (person_id, referral_received_on, created_at, created_by) VALUES (1, '2024-01-01', 'x', 1)");

    const db = upgrade();
    expect(db.prepare('SELECT case_id AS caseId, import_batch_id AS batch FROM people').all()).toEqual([{ caseId: 'PS-AAAA-0001', batch: null }]);
    expect(db.prepare('SELECT import_batch_id AS batch FROM episodes').all()).toEqual([{ batch: null }]);
    expect(db.prepare('SELECT count(*) AS n FROM import_batches').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
