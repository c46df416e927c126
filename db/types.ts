// The types every query and the workspace share, apart from the workspace's code so that a query
// file importing them does not import the workspace (which imports queries): no import cycle.
import type { Database as Db } from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Argon2Params } from './keyEnvelope';
import type { Migration } from './migrate';
import type * as schema from './schema';

// `$client` is the raw better-sqlite3 handle, for the few queries clearer as plain SQL.
export type Orm = BetterSQLite3Database<typeof schema> & { $client: Db };
/** Inside a transaction: the same query builder without `$client`. */
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];
/** Either: for helpers used both inside and outside transactions. */
export type Queryable = Orm | Tx;

export interface WorkspaceConfig {
  dataDir: string;
  migrations: Migration[];
  /** Tests may lower the cost; never below OWASP's minimum (enforced by the envelope schema). */
  argon2?: Argon2Params;
  /**
   * Runs checkIntegrity (PRAGMA quick_check: seconds on a large caseload) off the main thread; the
   * app gives its worker thread. With it, unlock opens at once for reading and the check runs
   * meanwhile (see OpenWorkspace.checked); without it (scripts), the check runs here first.
   */
  checkWholeFile?: (database: string, dataKey: Buffer) => Promise<void>;
}

