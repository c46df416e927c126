// Upgrading to 0004_audit: a file made by the version before keeps its export log and gains the
// append-only audit log, whose triggers refuse any change or removal from the first moment.
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

describe('upgrading from 0003 (exports) to 0004 (audit)', () => {
  it('keeps the export log and adds an empty audit log that refuses changes and removals', () => {
    const all = loadMigrations(repoMigrationsDir());
    expect(all[4].tag).toBe('0004_audit');
    const key = randomBytes(32);
    const file = join(dir, 'v4.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 4), create: true });
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO export_log (exported_at, member_id, profile_id, profile_name, period_start, period_end, rows, identifiable, encrypted, sha256, file_name)
        VALUES ('2026-03-02T09:00:00.000Z', 1, 'referrals', 'Referrals', '2026-02-01', '2026-02-28', 12, 0, 0, '${'b'.repeat(64)}', 'referrals-2026-02.csv');`);
    old.close();
    const db = openEncrypted(file, key, { migrations: all.slice(0, 5) });
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT file_name, rows FROM export_log').all()).toEqual([{ file_name: 'referrals-2026-02.csv', rows: 12 }]);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    db.exec(`INSERT INTO audit_log (at, member_id, action, prev_hash, hash) VALUES ('2026-03-03T09:00:00.000Z', 1, 'session.unlock', '${'0'.repeat(64)}', '${'c'.repeat(64)}')`);
    expect(() => db.exec("UPDATE audit_log SET action = 'nothing'")).toThrow(/cannot be changed/);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/cannot be changed/);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
