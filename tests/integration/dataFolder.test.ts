// The caseload's folder, as set-up and the unlock meet it: a folder not made yet is made; one
// that cannot be used (a file in its place, a read-only drive) is refused in its own plain words,
// never as a damaged caseload (which would copy files aside and offer restores). Through the
// dispatcher, on real encrypted files in a temp folder.
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lock, whenSettled } from '../../core/api/handlers';
import { mountsAvailable, NO_MOUNTS, readOnlyView, type Mounted } from '../support/mounts';
import { call, must, PASSPHRASE, tempDir, testContext } from '../support/workspace';

let root: string;
let cleanup: () => void;
const mounts: Mounted[] = [];
beforeEach(() => ({ dir: root, cleanup } = tempDir('data-folder-')));
afterEach(() => {
  for (const m of mounts.splice(0)) m.release();
  cleanup();
});
if (!mountsAvailable) console.warn(`dataFolder.test.ts: the read-only folder test is skipped: ${NO_MOUNTS}`);

const details = { organisation: 'Riverside Sexual Health', displayName: 'Sam Peer', passphrase: PASSPHRASE };
const NOT_DAMAGED = { code: expect.not.stringMatching(/DAMAGED/), message: expect.not.stringMatching(/damaged/i) };

describe('set-up and the caseload folder', () => {
  it('makes a folder that does not exist yet (and the ones above it), and the caseload opens there', async () => {
    const dir = join(root, 'new', 'caseload');
    const ctx = testContext(dir);
    expect((await must(ctx, 'workspace.status', {})).state).toBe('none');
    await must(ctx, 'workspace.create', details);
    await whenSettled(ctx);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['caseload.db', 'caseload.keys']));
    lock(ctx);
    const again = testContext(dir);
    expect((await must(again, 'session.unlock', { passphrase: PASSPHRASE })).state).toBe('unlocked');
    lock(again);
  });

  it('a file where the folder should be: says so plainly, not as damage, and leaves the file as it was', async () => {
    const file = join(root, 'caseload');
    writeFileSync(file, 'notes someone saved here');
    const ctx = testContext(file);
    const r = await call(ctx, 'workspace.create', details);
    expect(r.ok ? 'created' : r.error).toEqual({ code: 'FOLDER_UNAVAILABLE', message: expect.stringMatching(/^The caseload folder cannot be used: there is a file where the folder should be\. Nothing has been changed or deleted\./) });
    expect(r.ok ? null : r.error).toMatchObject(NOT_DAMAGED);
    expect(readFileSync(file, 'utf8')).toBe('notes someone saved here');
    expect(readdirSync(root)).toEqual(['caseload']);
    expect(ctx.damage).toBeNull();
  });

  it('a file where a folder on the way should be: the same plain words', async () => {
    writeFileSync(join(root, 'Documents'), '');
    const ctx = testContext(join(root, 'Documents', 'caseload'));
    const r = await call(ctx, 'workspace.create', details);
    expect(r.ok ? 'created' : r.error.code).toBe('FOLDER_UNAVAILABLE');
    expect(r.ok ? null : r.error).toMatchObject(NOT_DAMAGED);
    expect(readdirSync(root)).toEqual(['Documents']);
  });

  it.skipIf(!mountsAvailable)('a folder that cannot be written to: says so with the set-up words, before any key work, and writes nothing', async () => {
    const { dir: empty, cleanup: drop } = tempDir('read-only-target-');
    const view = readOnlyView(empty);
    mounts.push(view);
    try {
      const ctx = testContext(view.dir);
      expect((await must(ctx, 'workspace.status', {})).state).toBe('none');
      const r = await call(ctx, 'workspace.create', details);
      expect(r.ok ? 'created' : r.error).toEqual({ code: 'READ_ONLY', message: expect.stringMatching(/^The caseload folder cannot be written to, so the caseload cannot be set up there\. Nothing has been made\./) });
      expect(ctx.damage).toBeNull();
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      view.release();
      drop();
    }
  });
});

describe('the unlock and the caseload folder', () => {
  it('a caseload whose folder has become a file is refused in the folder words, and no damaged copy is made', async () => {
    const dir = join(root, 'caseload');
    const ctx = testContext(dir);
    await must(ctx, 'workspace.create', details);
    await whenSettled(ctx);
    lock(ctx);
    // The app found the caseload at start, then the folder was swapped for a file (a sync tool,
    // a drive letter now pointing elsewhere).
    const later = testContext(dir);
    expect((await must(later, 'workspace.status', {})).state).toBe('locked');
    const moved = join(root, 'moved-away');
    renameSync(dir, moved);
    writeFileSync(dir, '');
    const r = await call(later, 'session.unlock', { passphrase: PASSPHRASE });
    expect(r.ok ? 'opened' : r.error).toEqual({ code: 'FOLDER_UNAVAILABLE', message: expect.stringMatching(/^The caseload folder cannot be used: there is a file where the folder should be\./) });
    expect(later.damage).toBeNull();
    expect(readdirSync(moved).filter((f) => f.startsWith('damaged-copy-'))).toEqual([]);
  });
});
