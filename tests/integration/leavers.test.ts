// Access that holds when staff leave: the recovery key resets only the coordinator the person
// names, a removed coordinator's recovery key stops working at once, and a coordinator whose
// passphrase was reset is told at their next sign-in. Through the dispatcher, as the app calls it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import { lock, whenSettled } from '../../core/api/handlers';
import { RECOVER_COORDINATOR_ONLY, workspacePaths } from '../../db/workspace';
import { call, must, newWorkspace, PASSPHRASE, tempDir, teamWorkspace, WORKER_PASSPHRASE } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('leavers-')));
afterEach(() => cleanup());

const ALEX_PASSPHRASE = 'harbour violet lantern pebble';
const NEW_PASSPHRASE = 'lantern orbit meadow quietly';

/** Sam and Alex coordinate; Ade is a peer worker. */
async function twoCoordinators() {
  const made = await teamWorkspace(dir);
  const members = await must(made.ctx, 'members.add', { name: 'Alex Lead', role: 'coordinator', passphrase: ALEX_PASSPHRASE });
  return { ...made, alexId: members.find((m) => m.name === 'Alex Lead')!.id };
}

describe('a coordinator who leaves', () => {
  it('is removed with a new recovery key in the same step: the one they knew opens nothing, for anyone', async () => {
    const { ctx, recoveryKey, coordinatorId, alexId } = await twoCoordinators();
    const removed = await must(ctx, 'members.remove', { id: alexId, rekey: true });
    expect(removed.recoveryKey).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){7}$/);
    expect(removed.recoveryKey).not.toBe(recoveryKey);
    expect(removed.rekeyProblem).toBeNull();
    lock(ctx);
    await whenSettled(ctx);
    // Alex names themself: no longer a coordinator. Alex names Sam: the old key is not right any more.
    const asThemself = await call(ctx, 'session.recover', { recoveryKey, newPassphrase: NEW_PASSPHRASE, memberId: alexId });
    expect(asThemself.ok ? 'opened' : asThemself.error.code).toBe('WRONG_RECOVERY_KEY');
    const asSam = await call(ctx, 'session.recover', { recoveryKey, newPassphrase: NEW_PASSPHRASE, memberId: coordinatorId });
    expect(asSam.ok ? 'opened' : asSam.error.code).toBe('WRONG_RECOVERY_KEY');
    // Sam's own passphrase is untouched.
    await must(ctx, 'session.unlock', { memberId: coordinatorId, passphrase: PASSPHRASE });
    const log = await must(ctx, 'audit.list', { action: 'recovery.regenerated' });
    expect(log.map((e) => e.detail)).toEqual([JSON.stringify({ reason: 'coordinator.removed' })]);
    lock(ctx);
    await whenSettled(ctx);
  });

  it('removing a peer worker keeps the recovery key (the removal offers a new one in the app)', async () => {
    const { ctx, recoveryKey, coordinatorId, workerId } = await teamWorkspace(dir);
    expect((await must(ctx, 'members.remove', { id: workerId, rekey: false })).recoveryKey).toBeNull();
    lock(ctx);
    await whenSettled(ctx);
    expect((await call(ctx, 'session.recover', { recoveryKey, newPassphrase: NEW_PASSPHRASE, memberId: coordinatorId })).ok).toBe(true);
    lock(ctx);
    await whenSettled(ctx);
  });
});

describe('the recovery key', () => {
  it('resets only the active coordinator the person names: no fallback to someone else', async () => {
    const { ctx, recoveryKey, workerId, alexId, coordinatorId } = await twoCoordinators();
    lock(ctx);
    await whenSettled(ctx);
    // Naming a peer worker (or a removed member) is refused: before, it silently reset the first coordinator.
    const worker = await call(ctx, 'session.recover', { recoveryKey, newPassphrase: NEW_PASSPHRASE, memberId: workerId });
    expect(worker.ok ? 'opened' : worker.error).toEqual({ code: 'FORBIDDEN', message: RECOVER_COORDINATOR_ONLY });
    // Naming nobody where several can sign in: choose first.
    const nobody = await call(ctx, 'session.recover', { recoveryKey, newPassphrase: NEW_PASSPHRASE });
    expect(nobody.ok ? 'opened' : nobody.error.fields).toEqual({ memberId: 'Choose your name.' });
    // Every passphrase still works: nothing was replaced.
    await must(ctx, 'session.unlock', { memberId: coordinatorId, passphrase: PASSPHRASE });
    lock(ctx);
    await must(ctx, 'session.unlock', { memberId: workerId, passphrase: WORKER_PASSPHRASE });
    lock(ctx);
    await whenSettled(ctx);
    // Alex, named, is reset: audited as its own action against Alex.
    const opened = await must(ctx, 'session.recover', { recoveryKey, newPassphrase: NEW_PASSPHRASE, memberId: alexId });
    expect(opened).toMatchObject({ memberName: 'Alex Lead' });
    await whenSettled(ctx);
    const log = await must(ctx, 'audit.list', { action: 'session.recover' });
    expect(log.map((e) => [e.memberName, e.entity, e.entityId])).toEqual([['Alex Lead', 'member', alexId]]);
    lock(ctx);
    await whenSettled(ctx);
    // Sam was not touched.
    await must(ctx, 'session.unlock', { memberId: coordinatorId, passphrase: PASSPHRASE });
    lock(ctx);
    await whenSettled(ctx);
  });

  it('tells the coordinator at their next sign-in that their passphrase was reset, and when; once', async () => {
    const { ctx, recoveryKey, alexId } = await twoCoordinators();
    lock(ctx);
    await whenSettled(ctx);
    await must(ctx, 'session.recover', { recoveryKey, newPassphrase: NEW_PASSPHRASE, memberId: alexId });
    await whenSettled(ctx);
    const resetAt = (await must(ctx, 'audit.list', { action: 'session.recover' }))[0].at;
    // The recovery itself does not warn about itself.
    expect((await must(ctx, 'workspace.status', {})).passphraseResetAt).toBeUndefined();
    lock(ctx);
    await whenSettled(ctx);
    const next = await must(ctx, 'session.unlock', { memberId: alexId, passphrase: NEW_PASSPHRASE });
    expect(next.passphraseResetAt).toBe(resetAt);
    expect((await must(ctx, 'workspace.status', {})).passphraseResetAt).toBe(resetAt);
    lock(ctx);
    await whenSettled(ctx);
    expect((await must(ctx, 'session.unlock', { memberId: alexId, passphrase: NEW_PASSPHRASE })).passphraseResetAt).toBeUndefined();
    lock(ctx);
    await whenSettled(ctx);
  });

  it('with one coordinator and nobody else, no name is needed', async () => {
    const { ctx, recoveryKey } = await newWorkspace(dir);
    lock(ctx);
    await whenSettled(ctx);
    expect(await must(ctx, 'session.recover', { recoveryKey, newPassphrase: NEW_PASSPHRASE })).toMatchObject({ memberName: 'Sam Peer' });
    lock(ctx);
    await whenSettled(ctx);
  });
});

/** Garbage in the caseload's pages: the unlock finds it damaged (so a locked restore is allowed). */
async function damageAndUnlock(ctx: AppContext, memberId: number) {
  const bytes = readFileSync(workspacePaths(dir).database);
  for (let i = 0; i < 3000; i++) bytes[4096 * 3 + 100 + i] = (i * 131 + 7) & 0xff;
  writeFileSync(workspacePaths(dir).database, bytes);
  const opened = await call(ctx, 'session.unlock', { memberId, passphrase: PASSPHRASE });
  if (opened.ok) await call(ctx, 'people.create', { preferredName: 'Written Meanwhile', dateOfBirth: '1980-02-01', referralReceivedOn: '2026-12-01', referralSource: 'opt_out_clinic', pathway: 'other' });
  await whenSettled(ctx);
  expect((await must(ctx, 'workspace.status', {})).state).toBe('damaged');
}

describe('slots revoked in the live key file stay revoked in anything restored', () => {
  it('a removed coordinator cannot open, or restore, a backup from before their removal, even with the caseload damaged', async () => {
    const { ctx, recoveryKey, coordinatorId, alexId } = await twoCoordinators();
    const before = await must(ctx, 'backups.create', {});
    const backupPath = join(dir, 'backups', before.fileName);
    const { recoveryKey: newKey } = await must(ctx, 'members.remove', { id: alexId, rekey: false });
    lock(ctx);
    await whenSettled(ctx);
    await damageAndUnlock(ctx, coordinatorId);
    // Alex's passphrase was a coordinator's in that backup, and the old recovery key opened it.
    const asAlex = await call(ctx, 'backups.inspect', { path: backupPath, passphrase: ALEX_PASSPHRASE });
    expect(asAlex.ok ? 'opened' : asAlex.error.message).toMatch(/removed from this caseload/);
    const oldKey = await call(ctx, 'backups.restore', { path: backupPath, recoveryKey, confirm: true });
    expect(oldKey.ok ? 'restored' : oldKey.error.message).toMatch(/removed from this caseload/);
    // Sam restores it: the restored key file has no way in for Alex, and today's recovery key works.
    const restored = await must(ctx, 'backups.restore', { path: backupPath, passphrase: PASSPHRASE, confirm: true });
    expect(restored.signIns!.map((s) => s.name).sort()).toEqual(['Ade Worker', 'Kim Reports', 'Sam Peer']);
    const alexBack = await call(ctx, 'session.unlock', { memberId: alexId, passphrase: ALEX_PASSPHRASE });
    expect(alexBack.ok ? 'opened' : alexBack.error.code).toBe('WRONG_PASSPHRASE');
    await must(ctx, 'session.recover', { recoveryKey: newKey!, newPassphrase: NEW_PASSPHRASE, memberId: coordinatorId });
    await whenSettled(ctx);
    // In the restored file Alex is removed as well, and the log says why.
    expect((await must(ctx, 'members.list', {})).find((m) => m.id === alexId)?.removedAt).toBeTruthy();
    expect((await must(ctx, 'audit.list', { action: 'member.removed' })).map((e) => e.detail)).toContain(JSON.stringify({ reason: 'revoked.before_restore' }));
    lock(ctx);
    await whenSettled(ctx);
  });

  it('a removed peer worker is not brought back by a coordinator restoring an older backup from Settings', async () => {
    const { ctx, coordinatorId, workerId } = await teamWorkspace(dir);
    const before = await must(ctx, 'backups.create', {});
    await must(ctx, 'members.remove', { id: workerId, rekey: true });
    await must(ctx, 'backups.restore', { path: before.fileName, passphrase: PASSPHRASE, confirm: true });
    const back = await call(ctx, 'session.unlock', { memberId: workerId, passphrase: WORKER_PASSPHRASE });
    expect(back.ok ? 'opened' : back.error.code).toBe('WRONG_PASSPHRASE');
    await must(ctx, 'session.unlock', { memberId: coordinatorId, passphrase: PASSPHRASE });
    await whenSettled(ctx);
    expect((await must(ctx, 'members.list', {})).find((m) => m.id === workerId)?.removedAt).toBeTruthy();
    lock(ctx);
    await whenSettled(ctx);
  });
});
