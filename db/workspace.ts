// A workspace on disk: the encrypted caseload file and its key envelope, side by side.
// File names are fixed and say nothing about who is in the caseload.
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, renameSync } from 'node:fs';
import type { Database as Db } from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { isNetworkPath, NETWORK_PATH_MESSAGE } from '../core/domain/localPath';
import { DomainError } from '../core/domain/result';
import type { DamageReport } from '../core/domain/damage';
import { openEncrypted } from './connection';
import { damageReport } from './damage';
import { checkIntegrity, DAMAGED_DATABASE_MESSAGE, requireWritableFolder } from './integrity';
import {
  DEFAULT_ARGON2,
  passphraseSlot,
  readEnvelope,
  recoverySlot,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  writeEnvelope,
  type Argon2Params,
  type KeyEnvelope,
} from './keyEnvelope';
import type { Migration } from './migrate';
import { workspacePaths } from './paths';
import { isWellFormedRecoveryKey, newRecoveryKey } from './recoveryKey';
import * as schema from './schema';
import { eq } from 'drizzle-orm';

// `$client` is the raw better-sqlite3 handle, for the few queries clearer as plain SQL.
export type Orm = BetterSQLite3Database<typeof schema> & { $client: Db };
/** Inside a transaction: the same query builder without `$client`. */
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];
/** Either: for helpers used both inside and outside transactions. */
export type Queryable = Orm | Tx;

export interface OpenWorkspace {
  db: Db;
  orm: Orm;
  workspaceId: string;
  /** The member whose key opened the workspace: every record they make carries this id. */
  memberId: number;
  /** A copy of the data key while unlocked, to open and verify backups; zeroed at lock. */
  dataKey: Buffer;
}

export interface WorkspaceConfig {
  dataDir: string;
  migrations: Migration[];
  /** Tests may lower the cost; never below OWASP's minimum (enforced by the envelope schema). */
  argon2?: Argon2Params;
}

function requireLocal(dataDir: string): void {
  if (isNetworkPath(dataDir)) throw new DomainError('VALIDATION', NETWORK_PATH_MESSAGE);
}

export { workspacePaths };

/**
 * The caseload or its key file is damaged. Carries what was found while the key was still in
 * hand: where the files were copied, and the newest backup that opens with this key.
 */
export class CaseloadDamaged extends DomainError {
  constructor(
    message: string,
    readonly report: DamageReport,
  ) {
    super('DATABASE_DAMAGED', message);
  }
}

/** The key file itself cannot be read: set the files aside and list the backups (unchecked: no key). */
function readEnvelopeOrReport(config: WorkspaceConfig): KeyEnvelope {
  try {
    return readEnvelope(workspacePaths(config.dataDir).envelope);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'ENVELOPE_DAMAGED') throw new CaseloadDamaged(e.message, damageReport(config.dataDir, 'keys', null));
    throw e;
  }
}

/**
 * Opens an existing caseload for writing once it has passed its checks: the folder can be
 * written to, and the file is whole (see integrity.ts). A damaged file is copied aside, untouched.
 */
function openChecked(config: WorkspaceConfig, dataKey: Buffer): Db {
  const { database } = workspacePaths(config.dataDir);
  requireWritableFolder(database);
  try {
    checkIntegrity(database, dataKey);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'DATABASE_DAMAGED') throw new CaseloadDamaged(e.message, damageReport(config.dataDir, 'database', dataKey));
    throw e;
  }
  return openEncrypted(database, dataKey, { migrations: config.migrations });
}

/** After opening: a file that passed its checks but makes no sense (no coordinator) is damaged too. */
function reportIfDamaged(e: unknown, config: WorkspaceConfig, dataKey: Buffer): unknown {
  if (e instanceof DomainError && e.code === 'DATABASE_DAMAGED' && !(e instanceof CaseloadDamaged)) return new CaseloadDamaged(e.message, damageReport(config.dataDir, 'database', dataKey));
  return e;
}

/** The envelope is written last at set-up, so it marks a complete workspace. */
export function workspaceExists(dataDir: string): boolean {
  return existsSync(workspacePaths(dataDir).envelope);
}

function wrap(db: Db, workspaceId: string, memberId: number, dataKey: Buffer): OpenWorkspace {
  return { db, orm: drizzle(db, { schema }), workspaceId, memberId, dataKey: Buffer.from(dataKey) };
}

export async function createWorkspace(
  config: WorkspaceConfig,
  input: { organisation: string; displayName: string; passphrase: string },
  now: Date = new Date(),
): Promise<{ workspace: OpenWorkspace; recoveryKey: string }> {
  requireLocal(config.dataDir);
  const paths = workspacePaths(config.dataDir);
  if (workspaceExists(config.dataDir)) throw new DomainError('WORKSPACE_EXISTS', 'A caseload is already set up on this computer.');
  if (existsSync(paths.database)) {
    // A set-up that stopped before its key file was written: keep it aside, never delete.
    renameSync(paths.database, `${paths.database}.incomplete-${now.getTime()}`);
  }
  const dataKey = randomBytes(32);
  const workspaceId = randomUUID();
  const recoveryKey = newRecoveryKey();
  const db = openEncrypted(paths.database, dataKey, { migrations: config.migrations, create: true });
  // Owner-only, like the key file; SQLite gives the -wal and -shm files the same mode.
  if (process.platform !== 'win32') chmodSync(paths.database, 0o600);
  try {
    const orm = drizzle(db, { schema });
    const at = now.toISOString();
    const memberId = db.transaction(() => {
      orm.insert(schema.workspaceMeta).values([
        { key: 'workspaceId', value: workspaceId },
        { key: 'organisation', value: input.organisation },
        { key: 'createdAt', value: at },
      ]).run();
      return orm
        .insert(schema.members)
        .values({ displayName: input.displayName, role: 'coordinator', createdAt: at })
        .returning({ id: schema.members.id })
        .get().id;
    })();
    const envelope: KeyEnvelope = {
      format: 'peer-caseload-key-envelope',
      version: 1,
      workspaceId,
      slots: [
        await passphraseSlot(dataKey, workspaceId, input.passphrase, memberId, config.argon2 ?? DEFAULT_ARGON2),
        recoverySlot(dataKey, workspaceId, recoveryKey),
      ],
    };
    writeEnvelope(paths.envelope, envelope);
    return { workspace: wrap(db, workspaceId, memberId, dataKey), recoveryKey };
  } catch (e) {
    db.close();
    throw e;
  } finally {
    dataKey.fill(0);
  }
}

export async function unlockWorkspace(config: WorkspaceConfig, passphrase: string): Promise<OpenWorkspace> {
  requireLocal(config.dataDir);
  const envelope = readEnvelopeOrReport(config);
  const opened = await unlockWithPassphrase(envelope, passphrase);
  if (!opened) throw new DomainError('WRONG_PASSPHRASE', 'That passphrase is not right. Check Caps Lock and try again.');
  try {
    const db = openChecked(config, opened.dataKey);
    try {
      return wrap(db, envelope.workspaceId, opened.slot.memberId ?? firstCoordinator(db), opened.dataKey);
    } catch (e) {
      db.close();
      throw reportIfDamaged(e, config, opened.dataKey);
    }
  } finally {
    opened.dataKey.fill(0);
  }
}

/** Opens with the recovery key and replaces the coordinator's passphrase with a new one. */
export async function recoverWorkspace(
  config: WorkspaceConfig,
  recoveryKey: string,
  newPassphrase: string,
): Promise<OpenWorkspace> {
  const paths = workspacePaths(config.dataDir);
  const envelope = readEnvelopeOrReport(config);
  const wrong = new DomainError('WRONG_RECOVERY_KEY', 'That recovery key is not right. Check each group of four characters.', {
    recoveryKey: 'That recovery key is not right. Check each group of four characters.',
  });
  if (!isWellFormedRecoveryKey(recoveryKey)) throw wrong;
  const dataKey = unlockWithRecoveryKey(envelope, recoveryKey);
  if (!dataKey) throw wrong;
  try {
    const db = openChecked(config, dataKey);
    try {
      const memberId = firstCoordinator(db);
      const slot = await passphraseSlot(dataKey, envelope.workspaceId, newPassphrase, memberId, config.argon2 ?? DEFAULT_ARGON2);
      const slots = [...envelope.slots.filter((s) => !(s.type === 'passphrase' && s.memberId === memberId)), slot];
      writeEnvelope(paths.envelope, { ...envelope, slots });
      return wrap(db, envelope.workspaceId, memberId, dataKey);
    } catch (e) {
      db.close();
      throw reportIfDamaged(e, config, dataKey);
    }
  } finally {
    dataKey.fill(0);
  }
}

function firstCoordinator(db: Db): number {
  const orm = drizzle(db, { schema });
  const row = orm.select({ id: schema.members.id }).from(schema.members).where(eq(schema.members.role, 'coordinator')).orderBy(schema.members.id).get();
  // Only a damaged file has no coordinator: set-up records one in the same transaction.
  if (!row) throw new DomainError('DATABASE_DAMAGED', DAMAGED_DATABASE_MESSAGE);
  return row.id;
}

export function closeWorkspace(ws: OpenWorkspace): void {
  // Checkpoint so the -wal file does not linger between sessions; it is encrypted either way.
  try {
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A full disk, say: the changes stay in the -wal file and are copied in at the next open.
    // Locking must still close the file and drop the key.
  } finally {
    ws.db.close();
    ws.dataKey.fill(0);
  }
}
