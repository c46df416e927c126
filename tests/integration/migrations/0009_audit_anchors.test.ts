// Upgrading to 0009_audit_anchors: a file made by the version before is brought up to date and keeps what it held.
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

describe('upgrading from 0008 to 0009 (audit anchors in the export log)', () => {
  it('keeps every export log entry, with no anchor for the files saved before', () => {
    const all = loadMigrations(repoMigrationsDir());
    expect(all[9].tag).toBe('0009_audit_anchors');
    const key = randomBytes(32);
    const file = join(dir, 'v9.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 9), create: true });
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO export_log (exported_at, member_id, profile_id, profile_name, period_start, period_end, rows, identifiable, encrypted, sha256, file_name)
        VALUES ('2026-11-02T09:00:00.000Z', 1, 'monthly_return', 'Monthly return', '2026-10-01', '2026-10-31', 40, 0, 0, '${'a'.repeat(64)}', 'monthly_return-2026-10.csv');`);
    old.close();
    const db = openEncrypted(file, key, { migrations: all });
    expect(schemaVersion(db)).toBe(all.length);
    expect(db.prepare('SELECT file_name, rows, audit_entries, audit_hash FROM export_log').all()).toEqual([{ file_name: 'monthly_return-2026-10.csv', rows: 40, audit_entries: null, audit_hash: null }]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
