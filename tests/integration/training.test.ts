// The training caseload: opened from the set-up or lock screen without a passphrase, made-up
// people dated from today, TRAINING in the status and in every saved file's name, a reset, and
// never a touch on the real caseload.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, repoMigrationsDir } from '../../core/api/context';
import { lock, whenSettled } from '../../core/api/handlers';
import { todayIso } from '../../core/domain/dates';
import { NO_POLICY } from '../../core/domain/places';
import { call, must, newWorkspace, PASSPHRASE, tempDir, TEST_ARGON2, testContext } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('training-')));
afterEach(() => cleanup());

const peopleIn = async (ctx: ReturnType<typeof testContext>) => (await must(ctx, 'people.list', { limit: 500 })).rows;

describe('the training caseload', () => {
  it('opens from set-up with made-up people dated from today, says TRAINING, and leaves no real caseload behind', async () => {
    const ctx = testContext(dir);
    const opened = await must(ctx, 'training.open', {});
    expect(opened).toMatchObject({ state: 'unlocked', training: true, organisation: 'Training caseload (made-up people)' });
    await whenSettled(ctx);
    const people = await peopleIn(ctx);
    expect(people.length).toBe(80);
    // Dated from today: someone was referred within the last few months, and nobody in the future.
    const referred = (ctx.session!.db.prepare('SELECT max(referral_received_on) AS latest FROM episodes').get() as { latest: string }).latest;
    expect(referred <= todayIso(new Date())).toBe(true);
    expect(Date.parse(todayIso(new Date())) - Date.parse(referred)).toBeLessThan(120 * 86_400_000);
    // Everything saved from it says TRAINING in its name.
    const saved = await must(ctx, 'audit.export', {});
    expect(saved.fileName).toMatch(/^TRAINING-/);
    expect(existsSync(join(dir, 'exports', saved.fileName))).toBe(true);
    // Locking leaves training: back to set-up, and the real folder still has no caseload.
    expect(await must(ctx, 'session.lock', {})).toMatchObject({ state: 'none', training: false });
    await whenSettled(ctx);
    expect(existsSync(join(dir, 'caseload.keys'))).toBe(false);
    // Opened again, it is the same training caseload (a trainer's changes stay until reset).
    await must(ctx, 'training.open', {});
    await whenSettled(ctx);
    await must(ctx, 'people.create', { preferredName: 'Added In Training', dateOfBirth: '1990-01-01', referralReceivedOn: todayIso(new Date()), referralSource: 'opt_out_clinic', pathway: 'other' });
    expect((await peopleIn(ctx)).length).toBe(81);
    // Reset: fresh made-up people, the trainee's additions gone.
    expect(await must(ctx, 'training.reset', {})).toMatchObject({ state: 'unlocked', training: true });
    await whenSettled(ctx);
    const after = await peopleIn(ctx);
    expect(after.length).toBe(80);
    expect(after.some((p) => p.preferredName === 'Added In Training')).toBe(false);
    lock(ctx);
    await whenSettled(ctx);
  });

  it('opens from a real caseload’s lock screen and goes back to it, the real caseload untouched', async () => {
    const { ctx, close } = await newWorkspace(dir);
    await must(ctx, 'people.create', { preferredName: 'Real Person', dateOfBirth: '1980-01-01', referralReceivedOn: todayIso(new Date()), referralSource: 'opt_out_clinic', pathway: 'other' });
    // Not while the real caseload is open: the training one opens from the lock screen.
    const refused = await call(ctx, 'training.open', {});
    expect(refused.ok ? 'opened' : refused.error.code).toBe('CONFLICT');
    close();
    await whenSettled(ctx);
    const realKeys = readFileSync(join(dir, 'caseload.keys'));
    const realDb = readFileSync(join(dir, 'caseload.db'));
    await must(ctx, 'training.open', {});
    await whenSettled(ctx);
    expect((await peopleIn(ctx)).some((p) => p.preferredName === 'Real Person')).toBe(false);
    // Reset is for training only; and the real caseload cannot be reset from it.
    expect(await must(ctx, 'session.lock', {})).toMatchObject({ state: 'locked', training: false, signIns: [{ name: 'Sam Peer' }] });
    await whenSettled(ctx);
    expect(readFileSync(join(dir, 'caseload.keys'))).toEqual(realKeys);
    expect(readFileSync(join(dir, 'caseload.db'))).toEqual(realDb);
    await must(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    const notTraining = await call(ctx, 'training.reset', {});
    expect(notTraining.ok ? 'reset' : notTraining.error.code).toBe('CONFLICT');
    expect((await peopleIn(ctx)).map((p) => p.preferredName)).toEqual(['Real Person']);
    lock(ctx);
    await whenSettled(ctx);
  });

  it('IT can turn it off', async () => {
    const ctx = createContext({ dataDir: dir, places: { policy: { ...NO_POLICY, trainingDisabled: true } }, migrationsDir: repoMigrationsDir(), argon2: TEST_ARGON2 });
    expect((await must(ctx, 'workspace.status', {})).trainingAvailable).toBe(false);
    const r = await call(ctx, 'training.open', {});
    expect(r.ok ? 'opened' : r.error.message).toMatch(/IT team has turned the training caseload off/);
    expect(existsSync(join(dir, 'training'))).toBe(false);
  });
});
