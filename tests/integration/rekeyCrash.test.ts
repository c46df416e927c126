// Crash safety of re-keying: a child process re-keys the caseload again and again (adding a
// person after each re-key) and is killed with SIGKILL at random moments, 30 times. After every
// kill the workspace opens with the remaining members' unchanged passphrases and with the
// recovery key, integrity_check is ok, and no acknowledged record is lost. A removed member's
// passphrase and a copy of the key file from before never open it again.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runUntilKilled } from '../support/killChild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lock, whenSettled } from '../../core/api/handlers';
import { applyKey } from '../../db/connection';
import { openWithPassphrase, openWithRecoveryKey, readEnvelope } from '../../db/keyEnvelope';
import { insertPeople } from '../../db/queries/bulk';
import { workspacePaths } from '../../db/workspace';
import { syntheticPeople } from '../../db/synthetic';
import { call, must, PASSPHRASE, REPORTER_PASSPHRASE, teamWorkspace, tempDir, testContext, WORKER_PASSPHRASE } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('rekey-crash-')));
afterEach(() => cleanup());

const KILLS = 30;
// The first run is left to re-key for this long, to learn how long one re-key (and the save after
// it) takes on this machine; the kills after it are spread evenly, with jitter, over about two of
// those cycles, so on a fast machine and a slow one alike some land inside a re-key and some runs
// finish re-keys first.
const CALIBRATION_MS = 5_000;
const CHILD = join(import.meta.dirname, '../fixtures/rekey-child.ts');

/** Runs the child until killed `afterMs` after it has signed in; what it acknowledged, and how far it got. */
async function runAndKill(memberId: number, afterMs: number): Promise<{ acked: number[]; rekeys: number }> {
  const lines = await runUntilKilled(['--import', 'tsx', CHILD, dir, String(memberId), PASSPHRASE], afterMs, 'the re-keying child');
  const acked = lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));
  return { acked, rekeys: acked.length };
}

function integrityWith(file: string, key: Buffer): string {
  const db = new Database(file, { readonly: true });
  try {
    applyKey(db, key);
    return db.pragma('integrity_check', { simple: true }) as string;
  } catch (e) {
    return (e as Error).message;
  } finally {
    db.close();
  }
}

describe('re-key crash safety', () => {
  it(`survives ${KILLS} kills mid-re-key: opens for every remaining member and the recovery key, nothing lost`, async () => {
    const { ctx, recoveryKey, coordinatorId, workerId, reporterId } = await teamWorkspace(dir);
    insertPeople(ctx.session!, syntheticPeople(500, 21));
    await must(ctx, 'members.remove', { id: reporterId, rekey: false });
    const paths = workspacePaths(dir);
    copyFileSync(paths.envelope, join(dir, 'before.keys'));
    const originalKey = Buffer.from(ctx.session!.dataKey);
    lock(ctx);
    // Closed for good (and its claim on the caseload given up: db/openClaim.ts) before the child opens it.
    await whenSettled(ctx);

    const acknowledged = new Set<number>();
    let midRekey = 0;
    let completed = 0;
    let cycleMs = CALIBRATION_MS;
    for (let i = 0; i < KILLS; i++) {
      const afterMs = i === 0 ? CALIBRATION_MS : Math.floor(((i - 1 + Math.random()) / (KILLS - 1)) * 2.2 * cycleMs);
      const run = await runAndKill(coordinatorId, afterMs);
      if (i === 0) cycleMs = CALIBRATION_MS / Math.max(1, run.rekeys);
      run.acked.forEach((id) => acknowledged.add(id));
      completed += run.rekeys;
      // Two key generations on disk: the kill landed inside a re-key.
      if (readEnvelope(paths.envelope).keys.length === 2) midRekey++;

      const check = testContext(dir);
      const opened = await call(check, 'session.unlock', { memberId: workerId, passphrase: WORKER_PASSPHRASE });
      expect(opened.ok ? 'opened' : opened.error, `worker after kill ${i + 1}`).toBe('opened');
      expect(check.session!.db.pragma('integrity_check', { simple: true }), `after kill ${i + 1}`).toBe('ok');
      const ids = new Set((check.session!.db.prepare('SELECT id FROM people').all() as { id: number }[]).map((r) => r.id));
      expect(ids.size).toBeGreaterThanOrEqual(500);
      expect([...acknowledged].filter((id) => !ids.has(id)), `records lost after kill ${i + 1}`).toEqual([]);
      lock(check);
      // A lock moments after an unlock closes once the whole-file check is done: wait for it, or
      // the next child finds this context still holding the caseload (db/openClaim.ts).
      await whenSettled(check);
      // The recovery key opens the file as it now is (the unlock above settled the envelope).
      const byRecovery = openWithRecoveryKey(readEnvelope(paths.envelope), recoveryKey);
      expect(byRecovery && integrityWith(paths.database, byRecovery.keys[0].dataKey), `recovery key after kill ${i + 1}`).toBe('ok');
    }
    // The kills really landed inside re-keys, and many re-keys also finished.
    const spread = `${KILLS} kills over 0–${Math.round(2.2 * cycleMs)} ms; ${midRekey} inside a re-key, ${completed} re-keys finished`;
    expect(midRekey, spread).toBeGreaterThan(0);
    expect(completed, spread).toBeGreaterThan(0);

    const last = testContext(dir);
    await must(last, 'session.unlock', { passphrase: PASSPHRASE });
    expect((await must(last, 'members.list', {})).map((m) => m.name).sort()).toEqual(['Ade Worker', 'Kim Reports', 'Sam Peer']);
    lock(last);
    expect((await call(last, 'session.unlock', { passphrase: REPORTER_PASSPHRASE })).ok).toBe(false);
    const fromCopy = await openWithPassphrase(readEnvelope(join(dir, 'before.keys')), PASSPHRASE);
    expect(fromCopy?.keys[0].dataKey.equals(originalKey)).toBe(true);
    expect(integrityWith(paths.database, originalKey)).not.toBe('ok');
  }, 300_000);
});
