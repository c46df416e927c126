// Upgrading to 0011_given_family_names: the people already on the caseload keep their names and
// folded names, have no given or family name yet, and are found and sorted as before; the index on
// the lower-cased preferred name is gone (the sort by name reads people_search_idx).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoMigrationsDir } from '../../../core/api/context';
import { nameKey } from '../../../core/domain/nameFolding';
import { openEncrypted } from '../../../db/connection';
import { loadMigrations, schemaVersion } from '../../../db/migrate';
import { tempDir } from '../../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('migrate-')));
afterEach(() => cleanup());

describe('upgrading from 0010 to 0011 (given and family names)', () => {
  it('adds empty given and family names, keeps every folded name as the app would write it now, and drops the old name index', () => {
    const all = loadMigrations(repoMigrationsDir());
    expect(all[11].tag).toBe('0011_given_family_names');
    const key = randomBytes(32);
    const file = join(dir, 'v11.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 11), create: true });
    old.exec("INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x')");
    const insert = old.prepare("INSERT INTO people (case_id, preferred_name, name_folded, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES (?, ?, fold_name(?), '1980-01-01', 'x', 1, 'x', 1)");
    const names = ['Zoë Nguyễn-Đặng', 'Ábel Kovács', 'adam Smith'];
    names.forEach((name, i) => insert.run(`PS-AAAA-000${i}`, name, name));
    expect(old.prepare("SELECT name FROM pragma_index_list('people') WHERE name = 'people_name_idx'").all()).toHaveLength(1);
    old.close();

    const db = openEncrypted(file, key, { migrations: all });
    expect(schemaVersion(db)).toBe(all.length);
    const rows = db.prepare('SELECT preferred_name AS preferredName, given_name AS givenName, family_name AS familyName, name_folded AS folded FROM people ORDER BY id').all() as {
      preferredName: string;
      givenName: string | null;
      familyName: string | null;
      folded: string;
    }[];
    expect(rows.map((r) => [r.preferredName, r.givenName, r.familyName])).toEqual(names.map((n) => [n, null, null]));
    // What 0010 stored is what the app writes for someone with only a preferred name: no refold needed.
    expect(rows.map((r) => r.folded)).toEqual(rows.map((r) => nameKey(r)));
    expect(db.prepare("SELECT name FROM pragma_index_list('people') WHERE name = 'people_name_idx'").all()).toHaveLength(0);
    expect(db.prepare("SELECT name FROM pragma_index_list('people') WHERE name = 'people_search_idx'").all()).toHaveLength(1);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
