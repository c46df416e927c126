// Upgrading to 0013_programme_lists: the programme's lists are seeded with the codes the app used
// before, so every record already there holds a code of its list and reads as it did; group events
// gain an optional mode, blank on the old ones; development records start empty.
import { describe, expect, it } from 'vitest';
import { fileBeforeMigration } from '../../support/migrationFile';
import { LIST_DEFINITIONS, LIST_KEYS } from '../../../core/domain/programmeLists';

describe('upgrading to 0013 (programme lists)', () => {
  it('seeds each list with the codes used before, in order, and keeps the old records as they were', () => {
    const { old, upgrade } = fileBeforeMigration('programme_lists');
    const stamp = "'x', 1, 'x', 1";
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO group_events (type, held_on, facilitator, ${'created_at, created_by, updated_at, updated_by'}) VALUES ('support_group', '2026-01-05', 'Sam', ${stamp});`);

    const db = upgrade();
    for (const list of LIST_KEYS) {
      const items = db.prepare('SELECT code, label, trust_code AS trustCode, retired_at AS retiredAt FROM programme_list_items WHERE list = ? ORDER BY position').all(list);
      expect(items, list).toEqual(LIST_DEFINITIONS[list].seed.map((c) => ({ code: c.code, label: c.label, trustCode: null, retiredAt: null })));
    }
    expect(db.prepare('SELECT type, mode FROM group_events').all()).toEqual([{ type: 'support_group', mode: null }]);
    expect(db.prepare('SELECT count(*) FROM member_development').pluck().get()).toBe(0);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
