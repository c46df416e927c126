// Re-keying the caseload: after a member is removed with re-encryption, neither their passphrase
// nor a copy of the old key file (or the old data key) opens the live file, while everyone else
// keeps their unchanged passphrase and the recovery key; the data is identical. An interrupted
// re-key is finished or rolled back at the next unlock, whichever key opens the file.
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lock, whenSettled } from '../../core/api/handlers';
import { applyKey } from '../../db/connection';
import { openWithPassphrase, openWithRecoveryKey, readEnvelope, withPending, writeEnvelope } from '../../db/keyEnvelope';
import { insertPeople } from '../../db/queries/bulk';
import { workspacePaths } from '../../db/workspace';
import { syntheticPeople } from '../../db/synthetic';
import { call, must, PASSPHRASE, REPORTER_PASSPHRASE, signInAs, snapshotWithoutAudit, teamWorkspace, tempDir, testContext, WORKER_PASSPHRASE } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('rekey-')));
afterEach(() => cleanup());

/** Whether a key opens the caseload file as it is on disk now (a fresh connection, read-only). */
function opensWith(key: Buffer): boolean {
  const db = new Database(workspacePaths(dir).database, { readonly: true });
  try {
    applyKey(db, key);
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db.close();
  }
}

const CASELOAD_TABLES = ['people', 'episodes', 'contacts', 'contact_attempts', 'goals', 'signposting', 'assessments', 'risk_flags', 'episode_closures', 'settings', 'sites', 'export_profiles'];

describe('removing a member with re-encryption', () => {
  it('shuts out the removed member and every copy of the old key, keeps everyone else and the data', async () => {
    const { ctx, recoveryKey, reporterId, workerId } = await teamWorkspace(dir);
    insertPeople(ctx.session!, syntheticPeople(300, 11));
    const paths = workspacePaths(dir);
    copyFileSync(paths.envelope, join(dir, 'old-copy.keys'));
    const oldKey = Buffer.from(ctx.session!.dataKey);
    const before = snapshotWithoutAudit(ctx);

    const stages: string[] = [];
    const polling = setInterval(() => void call(ctx, 'workspace.rekeyProgress', {}).then((r) => r.ok && r.value.stage && stages.push(r.value.stage)), 0);
    const after = await must(ctx, 'members.remove', { id: reporterId, rekey: true });
    clearInterval(polling);
    expect(after.members.find((m) => m.id === reporterId)?.removedAt).toBeTruthy();
    // A reporting member knew no recovery key: it stays as it was.
    expect(after).toMatchObject({ recoveryKey: null, rekeyProblem: null });
    expect(stages.length).toBeGreaterThan(0);
    expect(await must(ctx, 'workspace.rekeyProgress', {})).toEqual({ running: false, stage: null });

    // Same data, under a new key.
    const now = snapshotWithoutAudit(ctx);
    for (const t of CASELOAD_TABLES) expect(now[t], t).toEqual(before[t]);
    // Members too, but for the one removal.
    expect(now.members).toEqual((before.members as { id: number }[]).map((m) => (m.id === reporterId ? { ...m, removed_at: expect.any(String) } : m)));
    expect(ctx.session!.dataKey.equals(oldKey)).toBe(false);
    expect(opensWith(oldKey)).toBe(false);
    expect(opensWith(ctx.session!.dataKey)).toBe(true);
    const audit = await must(ctx, 'audit.list', { action: 'workspace.rekeyed' });
    expect(audit).toHaveLength(1);
    lock(ctx);

    // The removed member, even with the old key file they may have copied, gets nothing that opens it.
    const again = testContext(dir);
    expect((await call(again, 'session.unlock', { passphrase: REPORTER_PASSPHRASE })).ok).toBe(false);
    const oldCopy = readEnvelope(join(dir, 'old-copy.keys'));
    const fromCopy = await openWithPassphrase(oldCopy, REPORTER_PASSPHRASE);
    expect(fromCopy?.keys[0].dataKey.equals(oldKey)).toBe(true); // the copy still yields the old key…
    expect(opensWith(fromCopy!.keys[0].dataKey)).toBe(false); // …which no longer opens the file
    // Putting the old key file back in place does not open the caseload either.
    const live = readFileSync(paths.envelope);
    copyFileSync(join(dir, 'old-copy.keys'), paths.envelope);
    const withOldFile = await call(again, 'session.unlock', { passphrase: PASSPHRASE });
    expect(withOldFile.ok || withOldFile.error.code).toBe('DATABASE_DAMAGED');
    writeFileSync(paths.envelope, live);

    // Everyone else, with unchanged passphrases, and the recovery key.
    await must(again, 'session.unlock', { memberId: workerId, passphrase: WORKER_PASSPHRASE });
    await signInAs(again, 1, PASSPHRASE);
    expect((await must(again, 'people.list', {})).total).toBe(300);
    lock(again);
    const byRecovery = openWithRecoveryKey(readEnvelope(paths.envelope), recoveryKey);
    expect(byRecovery && opensWith(byRecovery.keys[0].dataKey)).toBe(true);
  });

  it('a peer worker cannot start a re-key, and a removal without re-encryption leaves the key as it was', async () => {
    const { ctx, workerId, reporterId } = await teamWorkspace(dir);
    const key = Buffer.from(ctx.session!.dataKey);
    await must(ctx, 'members.remove', { id: reporterId, rekey: false });
    expect(opensWith(key)).toBe(true);
    await signInAs(ctx, workerId, WORKER_PASSPHRASE);
    const r = await call(ctx, 'workspace.rekey', {});
    expect(r.ok || r.error.code).toBe('FORBIDDEN');
    expect(opensWith(key)).toBe(true);
    lock(ctx);
  });
});

describe('an interrupted re-key', () => {
  it('is rolled back at the next unlock when the file never took the new key', async () => {
    const { ctx } = await teamWorkspace(dir);
    const key = Buffer.from(ctx.session!.dataKey);
    lock(ctx);
    // As if the app stopped just after writing the envelope with both key generations.
    const paths = workspacePaths(dir);
    writeEnvelope(paths.envelope, withPending(readEnvelope(paths.envelope), randomBytes(32)).envelope);
    expect(readEnvelope(paths.envelope).keys).toHaveLength(2);
    await must(ctx, 'session.unlock', { passphrase: WORKER_PASSPHRASE });
    expect(readEnvelope(paths.envelope).keys.map((k) => k.state)).toEqual(['current']);
    expect(ctx.session!.dataKey.equals(key)).toBe(true);
    lock(ctx);
  });

  it('is finished at the next unlock when the file had already taken the new key', async () => {
    const { ctx } = await teamWorkspace(dir);
    const paths = workspacePaths(dir);
    const newKey = randomBytes(32);
    const { envelope, generationId } = withPending(readEnvelope(paths.envelope), newKey);
    writeEnvelope(paths.envelope, envelope);
    // As if the app stopped just after re-encrypting, before the envelope dropped the old key.
    ctx.session!.db.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
    ctx.session!.db.close();
    ctx.session = null;
    await must(ctx, 'session.unlock', { passphrase: REPORTER_PASSPHRASE });
    expect(readEnvelope(paths.envelope).keys).toEqual([expect.objectContaining({ id: generationId, state: 'current' })]);
    expect(ctx.session!.dataKey.equals(newKey)).toBe(true);
    lock(ctx);
  });
});

describe('a key file from an earlier version', () => {
  it('is upgraded as members sign in, and is re-keyed once a new recovery key replaces the old kind', async () => {
    const { ctx, recoveryKey, close } = await teamWorkspace(dir);
    insertPeople(ctx.session!, syntheticPeople(20, 3));
    const dataKey = Buffer.from(ctx.session!.dataKey);
    const workspaceId = ctx.session!.workspaceId;
    close();
    // Rewrite the key file the way version 1 did: the data key wrapped directly, one slot each.
    const { createCipheriv, hkdfSync } = await import('node:crypto');
    const { hashRaw } = await import('@node-rs/argon2');
    const { normaliseRecoveryKey } = await import('../../db/recoveryKey');
    const { TEST_ARGON2 } = await import('../support/workspace');
    const v1Slot = (type: string, id: string, kek: Buffer, kdf: object, memberId: number | null) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', kek, iv);
      c.setAAD(Buffer.from(`peer-caseload-key-envelope|${workspaceId}|${type}|${id}`));
      const w = Buffer.concat([c.update(dataKey), c.final()]);
      return { id, type, memberId, kdf, iv: iv.toString('base64'), wrappedKey: w.toString('base64'), tag: c.getAuthTag().toString('base64') };
    };
    const salt = randomBytes(16);
    const kek = await hashRaw(PASSPHRASE, { algorithm: 2, memoryCost: TEST_ARGON2.memoryKiB, timeCost: TEST_ARGON2.iterations, parallelism: 1, outputLen: 32, salt });
    const rsalt = randomBytes(16);
    const rkek = Buffer.from(hkdfSync('sha256', Buffer.from(normaliseRecoveryKey(recoveryKey)), rsalt, 'peer-caseload recovery v1', 32));
    writeFileSync(
      workspacePaths(dir).envelope,
      JSON.stringify({
        format: 'peer-caseload-key-envelope',
        version: 1,
        workspaceId,
        slots: [v1Slot('passphrase', 'a', kek, { name: 'argon2id', ...TEST_ARGON2, salt: salt.toString('base64') }, 1), v1Slot('recovery', 'b', rkek, { name: 'hkdf-sha256', salt: rsalt.toString('base64') }, null)],
      }),
    );

    const again = testContext(dir);
    await must(again, 'session.unlock', { passphrase: PASSPHRASE });
    // The key file is rewritten once the whole-file check begun at unlock has passed.
    await whenSettled(again);
    const upgraded = JSON.parse(readFileSync(workspacePaths(dir).envelope, 'utf8'));
    expect(upgraded.version).toBe(2);
    expect(upgraded.slots.map((s: { type: string; label?: string }) => [s.type, s.label])).toEqual([['passphrase', 'Sam Peer']]);
    expect(upgraded.legacySlots.map((s: { type: string }) => s.type)).toEqual(['recovery']);
    const refused = await call(again, 'workspace.rekey', {});
    expect(refused.ok ? 'rekeyed' : refused.error.message).toMatch(/new recovery key/);
    expect(opensWith(dataKey)).toBe(true);
    const { recoveryKey: fresh } = await must(again, 'recovery.regenerate', {});
    await must(again, 'workspace.rekey', {});
    expect(opensWith(dataKey)).toBe(false);
    lock(again);
    const byRecovery = openWithRecoveryKey(readEnvelope(workspacePaths(dir).envelope), fresh);
    expect(byRecovery && opensWith(byRecovery.keys[0].dataKey)).toBe(true);
    await must(again, 'session.unlock', { passphrase: PASSPHRASE });
    expect((await must(again, 'people.list', {})).total).toBe(20);
    lock(again);
  });
});
