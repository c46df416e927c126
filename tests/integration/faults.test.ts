// Disk faults, each against a real encrypted caseload: what the person is told (the Result's
// message), that nothing acknowledged is lost, that a refused change leaves no trace, and that
// nothing is deleted or left half-written. Real faults where Linux lets us make them (a tiny
// tmpfs that fills up, a read-only bind mount; see tests/support/mounts.ts), otherwise the
// nearest thing SQLite offers, with the reason beside it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import { lock } from '../../core/api/handlers';
import { mountsAvailable, NO_MOUNTS, readOnlyView, smallDisk, type Mounted } from '../support/mounts';
import { call, daysAgo, must, newWorkspace, PASSPHRASE, referral, snapshot, tempDir, testContext } from '../support/workspace';

let dir: string;
let cleanup: () => void;
const mounts: Mounted[] = [];
beforeEach(() => ({ dir, cleanup } = tempDir('faults-')));
afterEach(() => {
  for (const m of mounts.splice(0)) m.release();
  cleanup();
});

const settle = () => new Promise((r) => setImmediate(r));
if (!mountsAvailable) console.warn(`faults.test.ts: some tests skipped: ${NO_MOUNTS}`);

let serial = 0;
const person = (note = '') => ({
  preferredName: `Fault Test ${++serial}`,
  dateOfBirth: '1985-03-0' + ((serial % 9) + 1),
  ...referral(daysAgo(2)),
  referralReasons: note || undefined,
});

/** People present, by name: what a worker would look for after the fault. */
function names(ctx: AppContext): string[] {
  return (ctx.session!.db.prepare('SELECT preferred_name AS name FROM people').all() as { name: string }[]).map((r) => r.name).sort();
}

/** Every file under a folder with its bytes, to show a refusal changed nothing on disk. */
function files(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      out[f] = readFileSync(join(folder, f)).toString('base64');
    } catch {
      // a folder
    }
  }
  return out;
}

describe('the disk fills up', () => {
  it('while saving a record: "The disk is full…", the record is not half-saved, earlier records are intact', async () => {
    const { ctx } = await newWorkspace(dir);
    await settle();
    const acked: string[] = [];
    // SQLite's own limit on the file's size stands in for the disk here, so this runs anywhere;
    // the tmpfs test below fills a real disk.
    const pages = ctx.session!.db.pragma('page_count', { simple: true }) as number;
    ctx.session!.db.pragma(`max_page_count = ${pages + 2}`);
    let refused: Awaited<ReturnType<typeof call<'people.create'>>> | null = null;
    for (let i = 0; i < 200 && !refused; i++) {
      const before = snapshot(ctx);
      const input = person('x'.repeat(1900));
      const r = await call(ctx, 'people.create', input);
      if (r.ok) acked.push(input.preferredName);
      else {
        refused = r;
        // Nothing of the refused record (person, referral, audit entry) was kept.
        expect(snapshot(ctx)).toEqual(before);
      }
    }
    expect(refused?.ok ? 'saved' : refused?.error).toEqual({ code: 'DISK_FULL', message: expect.stringMatching(/^The disk is full, so this was not saved\. Free some space/) });
    expect(acked.length).toBeGreaterThan(0);
    lock(ctx);
    const again = testContext(dir);
    await must(again, 'session.unlock', { passphrase: PASSPHRASE });
    expect(names(again)).toEqual(acked.sort());
    expect(again.session!.db.pragma('integrity_check', { simple: true })).toBe('ok');
    lock(again);
  });

  it.skipIf(!mountsAvailable)('a real full disk under the caseload: refused with the same words; after space is freed everything acknowledged is there', async () => {
    const disk = smallDisk('3m');
    mounts.push(disk);
    const { ctx } = await newWorkspace(disk.dir);
    await settle();
    const acked: string[] = [];
    let refused: { code: string; message: string } | null = null;
    for (let i = 0; i < 3000 && !refused; i++) {
      const input = person('y'.repeat(1900));
      const r = await call(ctx, 'people.create', input);
      if (r.ok) acked.push(input.preferredName);
      else refused = r.error;
    }
    expect(refused).toEqual({ code: 'DISK_FULL', message: expect.stringMatching(/^The disk is full, so this was not saved/) });
    // Locking still works on a full disk: the key is dropped and the file closed.
    await must(ctx, 'session.lock', {});
    expect(ctx.session).toBeNull();
    disk.resize!('64m');
    const again = testContext(disk.dir);
    await must(again, 'session.unlock', { passphrase: PASSPHRASE });
    expect(names(again)).toEqual(acked.sort());
    lock(again);
  }, 120_000);

  it.skipIf(!mountsAvailable)('during a backup: "…disk the backups go to is full…", no half backup is left, the caseload is untouched', async () => {
    const disk = smallDisk('256k');
    mounts.push(disk);
    const { ctx } = await newWorkspace(dir);
    await settle();
    for (let i = 0; i < 40; i++) await must(ctx, 'people.create', person('z'.repeat(1900)));
    await must(ctx, 'settings.update', { backupFolder: disk.dir });
    const before = snapshot(ctx);
    const r = await call(ctx, 'backups.create', {});
    expect(r.ok ? 'backed up' : r.error).toEqual({ code: 'DISK_FULL', message: expect.stringMatching(/^The disk the backups go to is full, so no backup was made\./) });
    expect(readdirSync(disk.dir)).toEqual([]);
    expect(snapshot(ctx)).toEqual(before);
    lock(ctx);
  });

  it.skipIf(!mountsAvailable)('during an export: "The disk is full…", no half file, nothing added to the export log', async () => {
    const disk = smallDisk('16k');
    mounts.push(disk);
    const { ctx } = await newWorkspace(dir);
    for (let i = 0; i < 600; i++) await must(ctx, 'people.create', person());
    ctx.exportDestination = async (fileName) => join(disk.dir, fileName);
    const log = await must(ctx, 'exports.log', {});
    const r = await call(ctx, 'exports.run', { profileId: 'referrals', period: { kind: 'custom', start: daysAgo(30), end: daysAgo(0) } });
    expect(r.ok ? 'exported' : r.error).toEqual({ code: 'DISK_FULL', message: expect.stringMatching(/^The disk is full\./) });
    expect(readdirSync(disk.dir)).toEqual([]);
    expect(await must(ctx, 'exports.log', {})).toEqual(log);
    lock(ctx);
  }, 60_000);
});

describe('the folder cannot be written to', () => {
  it.skipIf(!mountsAvailable)('at unlock: says so plainly, stays locked, and changes no file', async () => {
    const { ctx } = await newWorkspace(dir);
    await must(ctx, 'people.create', person());
    await settle();
    lock(ctx);
    const before = files(dir);
    const view = readOnlyView(dir);
    mounts.push(view);
    const ro = testContext(view.dir);
    expect((await must(ro, 'workspace.status', {})).state).toBe('locked');
    const r = await call(ro, 'session.unlock', { passphrase: PASSPHRASE });
    expect(r.ok ? 'opened' : r.error).toEqual({ code: 'READ_ONLY', message: expect.stringMatching(/^The caseload folder cannot be written to, so the caseload cannot be opened\. Nothing has been changed/) });
    expect(ro.session).toBeNull();
    expect((await must(ro, 'workspace.status', {})).state).toBe('locked');
    view.release();
    expect(files(dir)).toEqual(before);
  });

  it('while open: a save is refused with the folder words, and nothing of it is kept', async () => {
    const { ctx } = await newWorkspace(dir);
    const kept = await must(ctx, 'people.create', person());
    // A folder cannot be remounted read-only while SQLite holds its files open ("mount point is
    // busy"), so the connection is made read-only instead: SQLite then refuses every write with
    // SQLITE_READONLY, the code a read-only file gives.
    ctx.session!.db.pragma('query_only = ON');
    const before = snapshot(ctx);
    const r = await call(ctx, 'people.create', person());
    expect(r.ok ? 'saved' : r.error).toEqual({ code: 'READ_ONLY', message: expect.stringMatching(/^The caseload folder cannot be written to, so this was not saved/) });
    expect(snapshot(ctx)).toEqual(before);
    ctx.session!.db.pragma('query_only = OFF');
    lock(ctx);
    const again = testContext(dir);
    await must(again, 'session.unlock', { passphrase: PASSPHRASE });
    expect(names(again)).toEqual([kept.preferredName]);
    lock(again);
  });

  it.skipIf(!mountsAvailable)('for backups: "The backup folder cannot be written to…", nothing written, the caseload untouched', async () => {
    const { dir: target, cleanup: drop } = tempDir('backup-target-');
    const view = readOnlyView(target);
    mounts.push(view);
    try {
      const { ctx } = await newWorkspace(dir);
      await settle();
      await must(ctx, 'settings.update', { backupFolder: view.dir });
      const before = snapshot(ctx);
      const r = await call(ctx, 'backups.create', {});
      expect(r.ok ? 'backed up' : r.error).toEqual({ code: 'READ_ONLY', message: expect.stringMatching(/^The backup folder cannot be written to, so no backup was made\./) });
      expect(snapshot(ctx)).toEqual(before);
      expect(readdirSync(target)).toEqual([]);
      lock(ctx);
    } finally {
      view.release();
      drop();
    }
  });

  it.skipIf(!mountsAvailable)('for an export: "That folder cannot be written to…", no file', async () => {
    const { dir: target, cleanup: drop } = tempDir('export-target-');
    const view = readOnlyView(target);
    mounts.push(view);
    try {
      const { ctx } = await newWorkspace(dir);
      await must(ctx, 'people.create', person());
      ctx.exportDestination = async (fileName) => join(view.dir, fileName);
      const r = await call(ctx, 'exports.run', { profileId: 'referrals', period: { kind: 'custom', start: daysAgo(30), end: daysAgo(0) } });
      expect(r.ok ? 'exported' : r.error).toEqual({ code: 'READ_ONLY', message: expect.stringMatching(/^That folder cannot be written to/) });
      expect(readdirSync(target)).toEqual([]);
      lock(ctx);
    } finally {
      view.release();
      drop();
    }
  });
});

describe('the -wal file is deleted', () => {
  it('after a clean lock: the caseload opens with everything in it', async () => {
    const { ctx } = await newWorkspace(dir);
    const kept = await must(ctx, 'people.create', person());
    lock(ctx);
    expect(readdirSync(dir)).not.toContain('caseload.db-wal');
    const again = testContext(dir);
    await must(again, 'session.unlock', { passphrase: PASSPHRASE });
    expect(names(again)).toEqual([kept.preferredName]);
    lock(again);
  });
});
