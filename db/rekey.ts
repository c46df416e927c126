// Re-keying: a new random data key for the caseload file, wrapped to every remaining slot's
// public key (see keyEnvelope.ts), so a removed member's passphrase and every copy of the old key
// file stop opening the live caseload.
//
// Crash safety. The envelope is written first with both key generations (current + pending),
// then the file is re-encrypted, checked, and only then the envelope drops the old generation.
// Opening tries the current key and then the pending one (db/workspace.ts), so a crash at any
// point leaves a file that opens: under the old key before the re-encryption commits, under the
// new one after. tests/integration/rekeyCrash.test.ts kills a re-key at random moments to show it.
//
// Why in WAL mode, not "checkpoint → journal_mode=DELETE → rekey → WAL": SQLite3 Multiple Ciphers
// gives the file a new key salt when it re-keys with a rollback journal, and a crash while those
// pages are being written leaves a hot journal that neither key can roll back (measured here: the
// file no longer opened). Since 2.4.0 it re-keys in WAL mode keeping the salt; the new pages go to
// the WAL and become the file's only at the commit frame, so a crash before it reads as the old
// key and after it as the new one. Older builds re-keyed in WAL mode unsafely: they are refused.
import { randomBytes } from 'node:crypto';
import type { Database as Db } from 'better-sqlite3';
import { DomainError } from '../core/domain/result';
import type { RekeyStage } from '../core/domain/members';
import { applyRekey } from './connection';
import { checkIntegrity } from './integrity';
import { readEnvelope, settledOn, withPending, writeEnvelope } from './keyEnvelope';
import { workspacePaths, type OpenWorkspace } from './workspace';
import type { WorkspaceConfig } from './types';

/** The first SQLite3 Multiple Ciphers release that re-keys in WAL mode keeping the key salt. */
const SAFE_FROM = [2, 4, 0];

function canRekeySafely(db: Db): boolean {
  const text = (db.prepare('SELECT sqlite3mc_version() AS v').get() as { v: string }).v;
  const parts = (text.match(/(\d+)\.(\d+)\.(\d+)/) ?? []).slice(1).map(Number);
  if (parts.length !== 3) return false;
  for (let i = 0; i < 3; i++) if (parts[i] !== SAFE_FROM[i]) return parts[i] > SAFE_FROM[i];
  return true;
}

export interface RekeyHooks {
  onStage?: (stage: RekeyStage) => void;
  /** False once the session has been locked: the re-key stops at the next safe point. */
  stillOpen?: () => boolean;
}

const LOCKED_DURING =
  'The caseload was locked before re-encrypting finished. Nothing is lost: sign in again and re-encrypt once more to be sure it is complete.';

/** Re-encrypts the open workspace's file under a new data key. */
export async function rekeyWorkspace(ws: OpenWorkspace, config: WorkspaceConfig, hooks: RekeyHooks = {}): Promise<void> {
  if (!canRekeySafely(ws.db)) {
    throw new DomainError('CONFLICT', 'This copy of the app cannot re-encrypt the caseload safely. Install the latest version and try again; nothing has been changed.');
  }
  const paths = workspacePaths(config.dataDir);
  const step = async (stage: RekeyStage) => {
    // Lets a progress request be answered between stages; a lock meanwhile stops the re-key here.
    await new Promise((resolve) => setImmediate(resolve));
    if (hooks.stillOpen && !hooks.stillOpen()) throw new DomainError('LOCKED', LOCKED_DURING);
    hooks.onStage?.(stage);
  };

  await step('preparing');
  // An earlier attempt in this session may have stopped half-way: start from the session's key.
  const start = settledOn(readEnvelope(paths.envelope), ws.keyId);
  const newKey = randomBytes(32);
  try {
    const { envelope: both, generationId } = withPending(start, newKey);
    writeEnvelope(paths.envelope, both);

    await step('encrypting');
    // A short WAL first, so the re-key's own frames are nearly all of it.
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    applyRekey(ws.db, newKey);
    ws.dataKey.fill(0);
    ws.dataKey = Buffer.from(newKey);
    ws.keyId = generationId;

    await step('checking');
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    // The same whole-file check as at unlock, off the main thread where the app provides one.
    const checkKey = Buffer.from(newKey);
    try {
      await (config.checkWholeFile ?? checkIntegrityAsync)(paths.database, checkKey);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'DATABASE_DAMAGED') throw new DomainError('DATABASE_DAMAGED', REKEY_CHECK_FAILED);
      throw e;
    } finally {
      checkKey.fill(0);
    }

    await step('finishing');
    writeEnvelope(paths.envelope, settledOn(both, generationId));
  } finally {
    newKey.fill(0);
  }
}

const REKEY_CHECK_FAILED =
  'The re-encrypted caseload did not pass its check. Nothing has been deleted: lock the caseload, sign in again, and tell your IT service if this happens again.';

const checkIntegrityAsync = async (file: string, key: Buffer) => checkIntegrity(file, key);
