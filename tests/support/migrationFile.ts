// Where each migration's upgrade test starts: a real encrypted caseload file as the version before
// that migration left it, in a temp folder that goes when the test ends (passed or failed).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { repoMigrationsDir } from '../../core/api/context';
import { openEncrypted } from '../../db/connection';
import { loadMigrations, schemaVersion } from '../../db/migrate';
import { tempDir } from './workspace';

type Db = ReturnType<typeof openEncrypted>;

export interface FileBeforeMigration {
  /** The migration's whole tag, as the journal has it: `0014_caseload_imports`. */
  tag: string;
  /** The file open with every migration before this one, for the test to fill as that version would. */
  old: Db;
  /** Closes `old`, opens the file again with this migration applied (and no later one), and checks the file says so. */
  upgrade: () => Db;
}

/** The file before the migration whose tag ends with `_${suffix}`, for example `fileBeforeMigration('caseload_imports')`. */
export function fileBeforeMigration(suffix: string): FileBeforeMigration {
  const all = loadMigrations(repoMigrationsDir());
  const at = all.findIndex((m) => m.tag.endsWith(`_${suffix}`));
  // Found, and not the first: there is a version before it to upgrade from.
  expect(at, `a migration tagged …_${suffix}, after the first`).toBeGreaterThan(0);
  const { dir, cleanup } = tempDir('migrate-');
  const opened: Db[] = [];
  onTestFinished(() => {
    for (const db of opened) if (db.open) db.close();
    cleanup();
  });
  const key = randomBytes(32);
  const file = join(dir, 'before.db');
  const old = openEncrypted(file, key, { migrations: all.slice(0, at), create: true });
  opened.push(old);
  return {
    tag: all[at].tag,
    old,
    upgrade() {
      old.close();
      const db = openEncrypted(file, key, { migrations: all.slice(0, at + 1) });
      opened.push(db);
      expect(schemaVersion(db), `the file's schema version after ${all[at].tag}`).toBe(at + 1);
      return db;
    },
  };
}
