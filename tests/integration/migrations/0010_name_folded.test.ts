// Upgrading to 0010_name_folded: the names already on the caseload are folded by the migration
// itself (fold_name, registered by db/migrate.ts), so search and the duplicate check find them at once.
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

describe('upgrading from 0009 to 0010 (folded names)', () => {
  it('folds every name already stored, composed or not, and keeps the names as they were', () => {
    const all = loadMigrations(repoMigrationsDir());
    expect(all[10].tag).toBe('0010_name_folded');
    const key = randomBytes(32);
    const file = join(dir, 'v10.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 10), create: true });
    old.exec("INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x')");
    const insert = old.prepare("INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES (?, ?, '1980-01-01', 'x', 1, 'x', 1)");
    const names = ['Zoë Nguyễn-Đặng', 'Zoë Nguyễn-Đặng'.normalize('NFD'), 'Seán O’Brien', 'Łukasz Søndergaard', 'Işıl Groß'];
    names.forEach((name, i) => insert.run(`PS-AAAA-000${i}`, name));
    old.close();

    const db = openEncrypted(file, key, { migrations: all });
    expect(schemaVersion(db)).toBe(all.length);
    expect(db.prepare('SELECT preferred_name AS name, name_folded AS folded FROM people ORDER BY id').all()).toEqual([
      { name: names[0], folded: 'zoe nguyen-dang' },
      { name: names[1], folded: 'zoe nguyen-dang' },
      { name: 'Seán O’Brien', folded: "sean o'brien" },
      { name: 'Łukasz Søndergaard', folded: 'lukasz sondergaard' },
      { name: 'Işıl Groß', folded: 'isil gross' },
    ]);
    expect(db.prepare("SELECT name FROM pragma_index_list('people') WHERE name = 'people_search_idx'").all()).toHaveLength(1);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
