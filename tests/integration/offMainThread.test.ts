// The slow file work runs on a worker thread, so the app's main thread (Electron's IPC, the
// harness's server) keeps answering: a backup (copy, check, rename, prune) and the whole-file
// check begun at unlock. And what that means for the person: the unlock answers before the check
// ends, saves made meanwhile wait for it, damage it finds ends in the damaged state with nothing
// written, and a lock in the middle of either leaves nothing half done.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lock, whenSettled } from '../../core/api/handlers';
import { createBackup } from '../../db/backup';
import { insertPeople } from '../../db/queries/bulk';
import { workspacePaths } from '../../db/workspace';
import { syntheticPeople } from '../../db/synthetic';
import { call, daysAgo, must, newWorkspace, PASSPHRASE, referral, tempDir, testContext } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('off-main-')));
afterEach(() => cleanup());

const PEOPLE = 4_000;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const person = (name: string) => ({ preferredName: name, dateOfBirth: '1980-02-01', ...referral(daysAgo(3)) });

/** A locked caseload of `PEOPLE` people, with its first daily backup taken; where its audit log starts. */
async function caseload(): Promise<{ auditRoot: number; pageSize: number }> {
  const { ctx } = await newWorkspace(dir);
  insertPeople(ctx.session!, syntheticPeople(PEOPLE, 11));
  const db = ctx.session!.db;
  const auditRoot = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'").pluck().get() as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  lock(ctx);
  return { auditRoot, pageSize };
}

/**
 * How the main thread fared while `work` ran: the longest it was kept from its event loop, and
 * how many 10 ms timer ticks it managed (a thread kept busy for the whole time manages none).
 */
async function mainThreadDuring(work: () => Promise<unknown>) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  delay.enable();
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  delay.disable();
  clearInterval(timer);
  return { ms, ticks, maxDelayMs: delay.max / 1e6 };
}

describe('a backup runs beside the app', () => {
  it('the main thread keeps answering while a backup of a few thousand people is taken and checked', async () => {
    await caseload();
    const ctx = testContext(dir);
    await must(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    await whenSettled(ctx);
    let answered = 0;
    let backup: { fileName: string; people: number | null } | undefined;
    let finished = false;
    const during = await mainThreadDuring(async () => {
      const made = must(ctx, 'backups.create', {})
        .then((b) => (backup = b))
        .finally(() => (finished = true));
      // The caseload screen, asked for again and again while the backup is being made.
      while (!finished) {
        await must(ctx, 'people.list', { limit: 100 });
        answered++;
        await new Promise((r) => setTimeout(r, 20));
      }
      await made;
    });
    expect(backup).toMatchObject({ people: PEOPLE });
    expect(existsSync(join(dir, 'backups', backup!.fileName))).toBe(true);
    // The work took a while, and the loop ran all through it.
    expect(during.ms).toBeGreaterThan(100);
    expect(during.ticks).toBeGreaterThan(during.ms / 10 / 3);
    expect(during.maxDelayMs).toBeLessThan(Math.max(100, during.ms / 3));
    expect(answered).toBeGreaterThan(2);
    lock(ctx);
  }, 60_000);

  it('control: the same backup made on the main thread holds the loop for its whole length', async () => {
    await caseload();
    const ctx = testContext(dir);
    await must(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    await whenSettled(ctx);
    const key = Buffer.from(ctx.session!.dataKey);
    const during = await mainThreadDuring(async () => {
      await new Promise((r) => setTimeout(r, 20));
      createBackup({ dataDir: dir, dataKey: key }, join(dir, 'backups'), 5, new Date());
      await new Promise((r) => setTimeout(r, 20));
    });
    key.fill(0);
    expect(during.maxDelayMs).toBeGreaterThan(during.ms / 2);
    lock(ctx);
  }, 60_000);

  it('locking during a backup cancels it: "…locked before the backup finished…", no half file, the caseload whole', async () => {
    await caseload();
    const ctx = testContext(dir);
    await must(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    await whenSettled(ctx);
    const before = readdirSync(join(dir, 'backups')).sort();
    const asked = call(ctx, 'backups.create', {});
    // Locked as soon as the backup is under way on its thread.
    await vi.waitFor(() => expect(ctx.backupRunning).not.toBeNull(), { interval: 2 });
    lock(ctx);
    const r = await asked;
    expect(r.ok ? 'backed up' : r.error).toEqual({ code: 'LOCKED', message: expect.stringMatching(/^The caseload was locked before the backup finished, so no backup was made\./) });
    await whenSettled(ctx);
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(before);
    const again = testContext(dir);
    await must(again, 'session.unlock', { passphrase: PASSPHRASE });
    await whenSettled(again);
    expect(again.session!.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await must(again, 'people.list', { limit: 1 })).total).toBe(PEOPLE);
    lock(again);
  }, 60_000);

  it('a backup taken while records are being saved matches the caseload at one moment', async () => {
    const { ctx } = await newWorkspace(dir);
    insertPeople(ctx.session!, syntheticPeople(1_000, 5));
    let saving = true;
    let saved = 0;
    const writer = (async () => {
      while (saving) {
        await must(ctx, 'people.create', person(`Saved During ${saved}`));
        saved++;
        // Each save arrives as its own event (IPC, HTTP), as from the window.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const made = await must(ctx, 'backups.create', {}).finally(() => (saving = false));
    await writer;
    expect(saved).toBeGreaterThan(0);
    // Checked against its own counts when it was made, with the people of that moment.
    expect(made.verified).toBe(true);
    expect(made.people).toBeGreaterThanOrEqual(1_000);
    expect(made.people).toBeLessThanOrEqual(1_000 + saved);
    lock(ctx);
  }, 60_000);
});

describe('the whole-file check at unlock runs beside the app', () => {
  it('the unlock answers before the check ends; reads answer at once, a save waits for it, and the log keeps its order', async () => {
    await caseload();
    const ctx = testContext(dir);
    await call(ctx, 'session.unlock', { passphrase: 'not the passphrase at all' });
    const during = await mainThreadDuring(async () => {
      const opened = await must(ctx, 'session.unlock', { passphrase: PASSPHRASE });
      expect(opened).toMatchObject({ state: 'unlocked', checking: true });
      expect((await must(ctx, 'people.list', { limit: 10 })).total).toBe(PEOPLE);
      const saved = await must(ctx, 'people.create', person('Saved Straight Away'));
      expect(saved.preferredName).toBe('Saved Straight Away');
      expect((await must(ctx, 'workspace.status', {})).checking).toBe(false);
    });
    expect(during.maxDelayMs).toBeLessThan(Math.max(100, during.ms / 3));
    const log = await must(ctx, 'audit.list', {});
    const actions = log.map((e) => e.action).reverse();
    expect(actions.slice(-3)).toEqual(['session.failed_sign_in', 'session.unlock', 'people.create']);
    lock(ctx);
  }, 60_000);

  it('locked while the check runs: the unlock and the lock are still in the log, in order', async () => {
    const { ctx } = await newWorkspace(dir);
    lock(ctx);
    await must(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    expect(ctx.checking).not.toBeNull();
    lock(ctx);
    expect((await must(ctx, 'workspace.status', {})).state).toBe('locked');
    await must(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    await whenSettled(ctx);
    const actions = (await must(ctx, 'audit.list', {})).map((e) => e.action).reverse();
    expect(actions.slice(-4)).toEqual(['session.lock', 'session.unlock', 'session.lock', 'session.unlock']);
    lock(ctx);
  });

  it('damage found by the check after the unlock answered: the session ends in the damaged state, nothing written', async () => {
    const { auditRoot, pageSize } = await caseload();
    const { database, envelope } = workspacePaths(dir);
    // Garbage in the audit log's first page: the schema and the caseload list still read, so only
    // the whole-file check finds it.
    const bytes = readFileSync(database);
    bytes.fill(0x5a, (auditRoot - 1) * pageSize + 200, auditRoot * pageSize - 200);
    writeFileSync(database, bytes);
    const files = { db: sha(database), keys: sha(envelope) };

    const ctx = testContext(dir);
    const opened = await must(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    expect(opened).toMatchObject({ state: 'unlocked', checking: true });
    // A save made meanwhile waits for the check and is refused with the damaged file's words.
    const save = await call(ctx, 'people.create', person('Never Written'));
    expect(save.ok ? 'saved' : save.error).toEqual({
      code: 'DATABASE_DAMAGED',
      message: expect.stringMatching(/^The caseload file is damaged: part of it could not be read\..* A copy of the files as they were found is in .*damaged-copy-/),
    });
    expect(ctx.session).toBeNull();
    const status = await must(ctx, 'workspace.status', {});
    expect(status.state).toBe('damaged');
    // The backup taken at set-up, checked with the key still in hand.
    expect(status.damage!.newestGood).not.toBeNull();
    // Nothing written: not the save, not the unlock's audit entry, not the key file.
    expect(sha(database)).toBe(files.db);
    expect(sha(envelope)).toBe(files.keys);
    expect(sha(join(status.damage!.copyFolder!, 'caseload.db'))).toBe(files.db);
  }, 60_000);
});


describe('the worker thread is kept between jobs, and not past a lock', () => {
  it('exports after the first take the thread the unlock check used; a lock leaves no thread behind', async () => {
    await caseload();
    const ctx = testContext(dir);
    await must(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    await whenSettled(ctx);
    expect(ctx.threads.alive()).toBe(1);
    const period = { kind: 'custom' as const, start: '2000-01-01', end: '2099-12-31' };
    const files: string[] = [];
    for (let i = 0; i < 3; i++) {
      const saved = await must(ctx, 'exports.run', { profileId: 'referrals', period, confirmIdentifiable: true });
      expect(saved.rows).toBeGreaterThanOrEqual(PEOPLE);
      files.push(sha(saved.location));
      expect(ctx.threads.alive()).toBe(1);
    }
    // The same file each time from the same caseload: nothing of one job leaks into the next.
    expect(new Set(files).size).toBe(1);
    // A backup beside an export needs a second thread; only one is kept afterwards.
    await Promise.all([must(ctx, 'backups.create', {}), must(ctx, 'exports.run', { profileId: 'monthly_return', period })]);
    await vi.waitFor(() => expect(ctx.threads.alive()).toBe(1));
    lock(ctx);
    await vi.waitFor(() => expect(ctx.threads.alive()).toBe(0));
  }, 60_000);
});
