// A workspace on disk: the encrypted caseload file and its key envelope, side by side.
// File names are fixed and say nothing about who is in the caseload.
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, renameSync } from 'node:fs';
import type { Database as Db } from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { isNetworkPath, NETWORK_PATH_MESSAGE } from '../core/domain/localPath';
import { DomainError } from '../core/domain/result';
import type { DamageReport } from '../core/domain/damage';
import { openEncrypted, openReader } from './connection';
import { damageReport } from './damage';
import { requireUsableFolder } from './dataFolder';
import { checkIntegrity, checkOpens, DAMAGED_DATABASE_MESSAGE, isDamageError, requireWritableFolder } from './integrity';
import {
  DEFAULT_ARGON2,
  forget,
  newEnvelope,
  openWithPassphrase,
  openWithRecoveryKey,
  preparePassphrase,
  prepareRecoveryKey,
  readEnvelope,
  settledOn,
  withLabels,
  withoutSlots,
  withSlot,
  writeEnvelope,
  type CandidateKey,
  type KeyEnvelope,
  type Opened,
} from './keyEnvelope';
import { schemaVersion } from './migrate';
import { workspacePaths } from './paths';
import { isWellFormedRecoveryKey, newRecoveryKey } from './recoveryKey';
import * as schema from './schema';
import type { Orm, Queryable, Tx, WorkspaceConfig } from './types';
import { and, eq, isNull } from 'drizzle-orm';
import { activeRole } from './queries/members';

export interface OpenWorkspace {
  db: Db;
  orm: Orm;
  workspaceId: string;
  /** The member whose key opened the workspace: every record they make carries this id. */
  memberId: number;
  /** A copy of the data key while unlocked, to open and verify backups; zeroed at lock. */
  dataKey: Buffer;
  /** Which key generation of the envelope that data key is (it changes at a re-key). */
  keyId: string;
  /**
   * While the unlock's whole-file check runs elsewhere (WorkspaceConfig.checkWholeFile): `db` is a
   * read-only connection, and nothing is written, the key file included. When the check passes the
   * read-write connection takes its place in this same object, held-back key-file changes are
   * written, and this resolves (and is set to null). When it finds damage the files are copied
   * aside as found and this rejects with CaseloadDamaged. Null for a file already checked.
   */
  checked: Promise<void> | null;
}

function requireLocal(dataDir: string): void {
  if (isNetworkPath(dataDir)) throw new DomainError('VALIDATION', NETWORK_PATH_MESSAGE);
}

export { workspacePaths };
export type { Orm, Queryable, Tx, WorkspaceConfig };

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

/** After opening: a file that passed its checks but makes no sense (no coordinator) is damaged too. */
function reportIfDamaged(e: unknown, config: WorkspaceConfig, dataKey: Buffer): unknown {
  if (e instanceof DomainError && e.code === 'DATABASE_DAMAGED' && !(e instanceof CaseloadDamaged)) return new CaseloadDamaged(DAMAGED_DATABASE_MESSAGE, damageReport(config.dataDir, 'database', dataKey));
  return e;
}

/** The envelope is written last at set-up, so it marks a complete workspace. */
export function workspaceExists(dataDir: string): boolean {
  return existsSync(workspacePaths(dataDir).envelope);
}

function wrap(db: Db, workspaceId: string, memberId: number, key: CandidateKey): OpenWorkspace {
  return { db, orm: drizzle(db, { schema }), workspaceId, memberId, dataKey: Buffer.from(key.dataKey), keyId: key.generationId, checked: null };
}

export async function createWorkspace(
  config: WorkspaceConfig,
  input: { organisation: string; displayName: string; passphrase: string },
  now: Date = new Date(),
): Promise<{ workspace: OpenWorkspace; recoveryKey: string }> {
  requireLocal(config.dataDir);
  // A folder that cannot take the files says so now, before any key work, in its own words.
  requireUsableFolder(config.dataDir, 'set up');
  const paths = workspacePaths(config.dataDir);
  if (workspaceExists(config.dataDir)) throw new DomainError('WORKSPACE_EXISTS', 'A caseload is already set up on this computer.');
  if (existsSync(paths.database)) {
    // A set-up that stopped before its key file was written: keep it aside, never delete.
    renameSync(paths.database, `${paths.database}.incomplete-${now.getTime()}`);
  }
  // Argon2id first: nothing is on disk yet if it fails.
  const passphraseSecret = await preparePassphrase(input.passphrase, config.argon2 ?? DEFAULT_ARGON2);
  const dataKey = randomBytes(32);
  const workspaceId = randomUUID();
  const recoveryKey = newRecoveryKey();
  const recoverySecret = prepareRecoveryKey(recoveryKey);
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
    const { envelope, generationId } = newEnvelope(workspaceId, dataKey, [
      { type: 'passphrase', memberId, label: input.displayName.trim(), secret: passphraseSecret },
      { type: 'recovery', memberId: null, secret: recoverySecret },
    ]);
    writeEnvelope(paths.envelope, envelope);
    return { workspace: wrap(db, workspaceId, memberId, { generationId, dataKey }), recoveryKey };
  } catch (e) {
    db.close();
    throw e;
  } finally {
    dataKey.fill(0);
    passphraseSecret.kek.fill(0);
    recoverySecret.kek.fill(0);
  }
}

export const WRONG_PASSPHRASE_MESSAGE = 'That passphrase is not right. Check Caps Lock and try again.';

/**
 * Opens with a member's passphrase. With `memberId` (the lock screen's "Who is signing in") only
 * that member's slot is tried; without it every passphrase slot is.
 */
export async function unlockWorkspace(config: WorkspaceConfig, passphrase: string, memberId?: number): Promise<OpenWorkspace> {
  requireLocal(config.dataDir);
  const envelope = readEnvelopeOrReport(config);
  const opened = await openWithPassphrase(envelope, passphrase, memberId);
  if (!opened) throw new DomainError('WRONG_PASSPHRASE', WRONG_PASSPHRASE_MESSAGE);
  try {
    return await openSession(config, envelope, opened, {
      who: (db) => opened.slot.memberId ?? firstCoordinator(db),
      // A slot from an earlier version becomes a key-pair slot now that its secret is at hand.
      adjust: (env, who, key) =>
        opened.slot.legacy
          ? withSlot(withoutSlots(env, (s) => s.id === opened.slot.id), { type: 'passphrase', memberId: who.id, label: who.name, secret: opened.secret }, key.dataKey, key.generationId)
          : env,
    });
  } finally {
    forget(opened);
  }
}

/** Opens with the recovery key and replaces a coordinator's passphrase with a new one. */
export async function recoverWorkspace(
  config: WorkspaceConfig,
  recoveryKey: string,
  newPassphrase: string,
  memberId?: number,
): Promise<OpenWorkspace> {
  requireLocal(config.dataDir);
  const envelope = readEnvelopeOrReport(config);
  const wrong = new DomainError('WRONG_RECOVERY_KEY', 'That recovery key is not right. Check each group of four characters.', {
    recoveryKey: 'That recovery key is not right. Check each group of four characters.',
  });
  if (!isWellFormedRecoveryKey(recoveryKey)) throw wrong;
  const opened = openWithRecoveryKey(envelope, recoveryKey);
  if (!opened) throw wrong;
  const secret = await preparePassphrase(newPassphrase, config.argon2 ?? DEFAULT_ARGON2);
  try {
    return await openSession(config, envelope, opened, {
      // The new passphrase is the only one the person knows now: the key file must hold it before
      // the unlock answers (an app closed moments later would otherwise lose it), and it must
      // never be written beside a damaged file. So a recovery waits for the whole-file check.
      checkFirst: true,
      // Only the active coordinator the person names, never someone else by default: a removed
      // coordinator who still knows the recovery key must not take over a colleague's sign-in.
      who: (db) => recoveringCoordinator(drizzle(db, { schema }), memberId),
      adjust: (env, who, key) => {
        let next = withoutSlots(env, (s) => s.type === 'passphrase' && s.memberId === who.id);
        next = withSlot(next, { type: 'passphrase', memberId: who.id, label: who.name, secret }, key.dataKey, key.generationId);
        if (!opened.slot.legacy) return next;
        next = withoutSlots(next, (s) => s.id === opened.slot.id);
        return withSlot(next, { type: 'recovery', memberId: null, secret: opened.secret }, key.dataKey, key.generationId);
      },
    });
  } finally {
    forget(opened);
    secret.kek.fill(0);
  }
}

interface Member {
  id: number;
  name: string;
}

export const RECOVER_COORDINATOR_ONLY =
  'The recovery key resets a coordinator’s passphrase only. Choose a coordinator’s name, or ask a coordinator to remove and add you again.';

/** Whose passphrase a recovery replaces: the coordinator named, or the only member there is. */
function recoveringCoordinator(orm: Orm, memberId: number | undefined): number {
  if (memberId !== undefined) {
    if (activeRole(orm, memberId) !== 'coordinator') throw new DomainError('FORBIDDEN', RECOVER_COORDINATOR_ONLY);
    return memberId;
  }
  const active = orm.select().from(schema.members).where(isNull(schema.members.removedAt)).all();
  if (active.length === 1 && active[0].role === 'coordinator') return active[0].id;
  throw new DomainError('VALIDATION', 'Choose your name first: the recovery key resets the passphrase of the coordinator you choose.', { memberId: 'Choose your name.' });
}

/**
 * Opens the file with the key the secret unlocked, then brings the envelope up to date in one
 * write: an interrupted re-key settled on whichever key opens the file, the caller's change,
 * slots of removed members dropped, and sign-in labels matching the members' names. While the
 * whole-file check is still running the envelope is worked out now and written once it passes.
 */
async function openSession(
  config: WorkspaceConfig,
  envelope: KeyEnvelope,
  opened: Opened,
  how: { who: (db: Db) => number; adjust: (env: KeyEnvelope, who: Member, key: CandidateKey) => KeyEnvelope; checkFirst?: boolean },
): Promise<OpenWorkspace> {
  const paths = workspacePaths(config.dataDir);
  const { db, key, checked } = await openWithCandidates(config, opened.keys, how.checkFirst ?? false);
  let ws: OpenWorkspace;
  let next: KeyEnvelope;
  try {
    const orm = drizzle(db, { schema });
    const memberId = how.who(db);
    const member = orm.select().from(schema.members).where(eq(schema.members.id, memberId)).get();
    if (!member || member.removedAt) throw new DomainError('FORBIDDEN', 'This sign-in has been removed from the caseload. Ask your coordinator.');
    const all = orm.select().from(schema.members).all();
    const active = new Map(all.filter((m) => !m.removedAt).map((m) => [m.id, m.displayName]));
    next = settledOn(envelope, key.generationId);
    next = how.adjust(next, { id: member.id, name: member.displayName }, key);
    next = withoutSlots(next, (s) => s.type === 'passphrase' && s.memberId !== null && !active.has(s.memberId));
    next = withLabels(next, (id) => active.get(id));
    // Signed in: the wrong-passphrase count starts again (its times go to the audit log).
    if (next.signIn) next = { ...next, signIn: undefined };
    ws = wrap(db, envelope.workspaceId, memberId, key);
  } catch (e) {
    db.close();
    // A check still running is left to finish on its own; its outcome no longer matters.
    checked?.catch(() => undefined);
    throw reportIfDamaged(e, config, key.dataKey);
  }
  const writeEnvelopeIfChanged = () => {
    if (JSON.stringify(next) !== JSON.stringify(envelope)) writeEnvelope(paths.envelope, next);
  };
  if (!checked) {
    try {
      writeEnvelopeIfChanged();
    } catch (e) {
      closeWorkspace(ws);
      throw e;
    }
    return ws;
  }
  ws.checked = checked.then(
    () => {
      // Whole: the read-write connection takes the reader's place (migrations were checked at
      // open), and the key file changes held back are written.
      const writer = openEncrypted(paths.database, ws.dataKey, { migrations: config.migrations });
      const reader = ws.db;
      ws.db = writer;
      ws.orm = drizzle(writer, { schema });
      ws.checked = null;
      reader.close();
      writeEnvelopeIfChanged();
    },
    (e: unknown) => {
      if (e instanceof DomainError && e.code === 'DATABASE_DAMAGED') throw new CaseloadDamaged(DAMAGED_DATABASE_MESSAGE, damageReport(config.dataDir, 'database', ws.dataKey));
      throw e;
    },
  );
  ws.checked.catch(() => undefined);
  return ws;
}

/**
 * Opens the file under the key that makes it whole. The usual case, one key and the app's worker
 * thread to check with: the cheap checks now (the file is there and its schema reads under this
 * key), a read-only connection at once, and `checked` settling when the worker's quick_check has
 * read every page. Otherwise — a re-key interrupted (two keys: the whole file decides which is
 * kept), a migration to apply (a write), a recovery (see recoverWorkspace), or no worker — each
 * key gets the whole check first (on the worker thread when there is one).
 * When no key opens a whole file, the file is damaged: it is copied aside untouched (with what is
 * known about backups) and stays locked.
 */
async function openWithCandidates(config: WorkspaceConfig, keys: CandidateKey[], checkFirst: boolean): Promise<{ db: Db; key: CandidateKey; checked: Promise<void> | null }> {
  const { database } = workspacePaths(config.dataDir);
  requireWritableFolder(database);
  const damaged = () => new CaseloadDamaged(DAMAGED_DATABASE_MESSAGE, damageReport(config.dataDir, 'database', keys[0].dataKey));
  if (keys.length === 1 && config.checkWholeFile && !checkFirst) {
    const [key] = keys;
    let reader: Db;
    try {
      checkOpens(database, key.dataKey);
      reader = openReader(database, key.dataKey);
    } catch (e) {
      if ((e instanceof DomainError && e.code === 'DATABASE_DAMAGED') || isDamageError(e)) throw damaged();
      throw e;
    }
    // The session's own page cache (connection.ts), not a background reader's.
    reader.pragma('cache_size = -65536');
    if (schemaVersion(reader) === config.migrations.length) {
      return { db: reader, key, checked: config.checkWholeFile(database, Buffer.from(key.dataKey)) };
    }
    reader.close();
  }
  for (const key of keys) {
    try {
      if (config.checkWholeFile) await config.checkWholeFile(database, Buffer.from(key.dataKey));
      else checkIntegrity(database, key.dataKey);
      return { db: openEncrypted(database, key.dataKey, { migrations: config.migrations }), key, checked: null };
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'DATABASE_DAMAGED') && !isDamageError(e)) throw e;
    }
  }
  throw damaged();
}

function firstCoordinator(db: Db): number {
  const orm = drizzle(db, { schema });
  const row = orm
    .select({ id: schema.members.id })
    .from(schema.members)
    .where(and(eq(schema.members.role, 'coordinator'), isNull(schema.members.removedAt)))
    .orderBy(schema.members.id)
    .get();
  // Only a damaged file has no coordinator: set-up records one in the same transaction.
  if (!row) throw new DomainError('DATABASE_DAMAGED', DAMAGED_DATABASE_MESSAGE);
  return row.id;
}

export function closeWorkspace(ws: OpenWorkspace): void {
  // Checkpoint so the -wal file does not linger between sessions; it is encrypted either way.
  // Never waiting: a worker thread still reading (a backup, an export) keeps the -wal file until
  // the next checkpoint, rather than holding the lock up for seconds.
  try {
    ws.db.pragma('busy_timeout = 0');
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A full disk, say: the changes stay in the -wal file and are copied in at the next open.
    // Locking must still close the file and drop the key.
  } finally {
    ws.db.close();
    ws.dataKey.fill(0);
  }
}
