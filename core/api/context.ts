// What the handlers run against: where the workspace lives, and the open session if unlocked.
import { join } from 'node:path';
import type { Argon2Params } from '../../db/keyEnvelope';
import { loadMigrations, type Migration } from '../../db/migrate';
import type { OpenWorkspace } from '../../db/workspace';

export interface AppContext {
  dataDir: string;
  migrations: Migration[];
  argon2?: Argon2Params;
  session: OpenWorkspace | null;
  /** Told when the session opens or closes (Electron main uses it for the idle lock). */
  onSessionChange?: (unlocked: boolean) => void;
}

export function createContext(options: {
  dataDir: string;
  migrationsDir: string;
  argon2?: Argon2Params;
  onSessionChange?: (unlocked: boolean) => void;
}): AppContext {
  return {
    dataDir: options.dataDir,
    migrations: loadMigrations(options.migrationsDir),
    argon2: options.argon2,
    session: null,
    onSessionChange: options.onSessionChange,
  };
}

/** The repository's migrations folder, for tests, the harness and scripts (not the packaged app). */
export function repoMigrationsDir(): string {
  return join(import.meta.dirname, '..', '..', 'db', 'migrations');
}
