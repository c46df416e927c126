// A damaged caseload found at unlock: garbage in its pages, a file cut short, a damaged key file.
// Each time the person is told plainly, the caseload stays locked, the files are copied aside as
// found, nothing is deleted or changed, and the newest good backup is offered with its counts
// and can be restored.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import { lock } from '../../core/api/handlers';
import { workspacePaths } from '../../db/workspace';
import { call, daysAgo, must, newWorkspace, PASSPHRASE, referral, tempDir, testContext } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('damaged-')));
afterEach(() => cleanup());

const settle = () => new Promise((r) => setImmediate(r));
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every file under the data folder by content: what "nothing deleted" is checked against. */
function contents(): Set<string> {
  const out = new Set<string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const p = join(dir, f);
    if (statSync(p).isFile()) out.add(sha(p));
  }
  return out;
}

/** A caseload of `n` people with a backup of them, locked cleanly; then `m` more not backed up. */
async function caseloadWithBackup(n: number, m = 0): Promise<AppContext> {
  const { ctx } = await newWorkspace(dir);
  await settle();
  for (let i = 0; i < n; i++) await must(ctx, 'people.create', { preferredName: `Backed Up ${i}`, dateOfBirth: '1980-02-01', ...referral(daysAgo(5)) });
  await must(ctx, 'backups.create', {});
  for (let i = 0; i < m; i++) await must(ctx, 'people.create', { preferredName: `Later ${i}`, dateOfBirth: '1981-02-01', ...referral(daysAgo(1)) });
  lock(ctx);
  return ctx;
}

function garbage(file: string, offset: number, length: number): void {
  const bytes = readFileSync(file);
  for (let i = 0; i < length; i++) bytes[offset + i] = (i * 131 + 7) & 0xff;
  writeFileSync(file, bytes);
}

/**
 * Unlocking a damaged file. Damage the first reads meet (the schema) refuses the unlock at once;
 * damage anywhere else is found moments later by the whole-file check on its worker thread: the
 * unlock opens for reading, and a save made meanwhile waits for the check and is refused with the
 * same words. Either way nothing is written, the session ends and the status says damaged.
 */
async function unlockDamaged(ctx: AppContext, how: 'passphrase' | 'recovery' = 'passphrase', recoveryKey = '') {
  const opened = how === 'passphrase' ? await call(ctx, 'session.unlock', { passphrase: PASSPHRASE }) : await call(ctx, 'session.recover', { recoveryKey, newPassphrase: 'lantern orbit meadow quietly' });
  const r = opened.ok ? await call(ctx, 'people.create', { preferredName: 'Written Meanwhile', dateOfBirth: '1980-02-01', ...referral(daysAgo(1)) }) : opened;
  expect(ctx.session).toBeNull();
  const status = await must(ctx, 'workspace.status', {});
  expect(status.state).toBe('damaged');
  return { r, damage: status.damage! };
}

describe('a damaged caseload file', () => {
  it('garbage in its pages: told plainly, kept locked, files copied aside untouched, newest good backup offered and restorable', async () => {
    await caseloadWithBackup(12, 3);
    const { database, envelope } = workspacePaths(dir);
    garbage(database, 4096 * 6 + 100, 3000);
    const damagedDb = sha(database);
    const keys = sha(envelope);
    const before = contents();

    const ctx = testContext(dir);
    const { r, damage } = await unlockDamaged(ctx);
    expect(r.ok ? 'opened' : r.error.code).toBe('DATABASE_DAMAGED');
    expect(r.ok ? '' : r.error.message).toMatch(/^The caseload file is damaged: part of it could not be read\. It has stayed locked so nothing more is lost, and nothing has been deleted\. A copy of the files as they were found is in .*damaged-copy-\d{8}T\d{6}Z(-\d+)?\.$/);
    // The copy is whole and the originals are exactly as they were.
    expect(damage.part).toBe('database');
    expect(damage.copyFolder).toBe(r.ok ? null : r.error.message.match(/is in (.*)\.$/)![1]);
    expect(sha(join(damage.copyFolder!, 'caseload.db'))).toBe(damagedDb);
    expect(sha(join(damage.copyFolder!, 'caseload.keys'))).toBe(keys);
    expect(sha(database)).toBe(damagedDb);
    expect(sha(envelope)).toBe(keys);
    for (const c of before) expect(contents().has(c)).toBe(true);
    // The newest good backup, checked with the caseload's key, with what it holds.
    expect(damage.backups.length).toBe(2);
    expect(damage.newestGood).toMatchObject({ path: damage.backups[0].path, counts: expect.objectContaining({ people: 12 }) });

    // A second try finds the same damage and does not pile up copies.
    await unlockDamaged(ctx);
    expect(readdirSync(dir).filter((f) => f.startsWith('damaged-copy-'))).toHaveLength(1);

    // Restore: unlock the backup, see its counts, confirm.
    const check = await must(ctx, 'backups.inspect', { path: damage.newestGood!.path, passphrase: PASSPHRASE });
    expect(check.counts.people).toBe(12);
    const status = await must(ctx, 'backups.restore', { path: damage.newestGood!.path, passphrase: PASSPHRASE, confirm: true });
    expect(status.state).toBe('locked');
    await must(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    expect((await must(ctx, 'people.list', {})).total).toBe(12);
    expect((await must(ctx, 'audit.list', { action: 'backup.restored' })).length).toBe(1);
    lock(ctx);
    // Still nothing deleted: the damaged file is kept (renamed) beside the restored one, and the copy stays.
    for (const c of before) expect(contents().has(c)).toBe(true);
    expect(readdirSync(dir).some((f) => f.startsWith('caseload.db.before-restore-'))).toBe(true);
  });

  it('cut short (truncated to half, or to nothing): the damaged flow, never an empty new caseload', async () => {
    await caseloadWithBackup(5);
    const { database } = workspacePaths(dir);
    const size = statSync(database).size;
    truncateSync(database, Math.floor(size / 2 / 4096) * 4096 + 10);
    const ctx = testContext(dir);
    const half = await unlockDamaged(ctx);
    expect(half.r.ok ? 'opened' : half.r.error.code).toBe('DATABASE_DAMAGED');
    expect(statSync(join(half.damage.copyFolder!, 'caseload.db')).size).toBe(statSync(database).size);
    expect(half.damage.newestGood?.counts.people).toBe(5);

    truncateSync(database, 0);
    const again = testContext(dir);
    const empty = await unlockDamaged(again);
    expect(empty.r.ok ? 'opened' : empty.r.error.code).toBe('DATABASE_DAMAGED');
    expect(statSync(database).size).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('damaged-copy-')).length).toBe(2);
  });

  it('damaged with a -wal file beside it (after a crash): the -wal is copied aside and left in place', async () => {
    const { ctx } = await newWorkspace(dir);
    await settle();
    await must(ctx, 'people.create', { preferredName: 'In The Wal', dateOfBirth: '1980-02-01', ...referral(daysAgo(5)) });
    const { database } = workspacePaths(dir);
    // As a crash leaves it: the connection is not closed, the -wal file holds the latest pages.
    expect(existsSync(`${database}-wal`)).toBe(true);
    garbage(database, 4096 * 2 + 50, 2000);
    const wal = sha(`${database}-wal`);
    // The crashed app's claim on the caseload dies with it (db/openClaim.ts takes over a dead
    // process's claim); here the "crashed" context lives on in this process, so its claim goes by hand.
    rmSync(join(dir, 'caseload.open'));
    const other = testContext(dir);
    const { damage } = await unlockDamaged(other);
    expect(sha(join(damage.copyFolder!, 'caseload.db-wal'))).toBe(wal);
    expect(sha(`${database}-wal`)).toBe(wal);
    ctx.session!.db.close();
    ctx.session = null;
  });

  it('found when opening with the recovery key too, and the key file is not rewritten', async () => {
    const { ctx, recoveryKey } = await newWorkspace(dir);
    await settle();
    lock(ctx);
    const { database, envelope } = workspacePaths(dir);
    garbage(database, 4096 + 10, 500);
    const keys = readFileSync(envelope, 'utf8');
    const { r, damage } = await unlockDamaged(testContext(dir), 'recovery', recoveryKey);
    expect(r.ok ? 'opened' : r.error.code).toBe('DATABASE_DAMAGED');
    expect(damage.newestGood).not.toBeNull();
    expect(readFileSync(envelope, 'utf8')).toBe(keys);
  });

  it('finds backups in a chosen backup folder even though the setting is inside the damaged file', async () => {
    const { dir: elsewhere, cleanup: drop } = tempDir('backups-elsewhere-');
    try {
      const { ctx } = await newWorkspace(dir);
      await settle();
      await must(ctx, 'settings.update', { backupFolder: elsewhere });
      await must(ctx, 'people.create', { preferredName: 'Somewhere Else', dateOfBirth: '1980-02-01', ...referral(daysAgo(5)) });
      const made = await must(ctx, 'backups.create', {});
      lock(ctx);
      garbage(workspacePaths(dir).database, 4096 * 3, 4096);
      const { damage } = await unlockDamaged(testContext(dir));
      expect(damage.backups.map((b) => b.path)).toContain(join(elsewhere, made.fileName));
      expect(damage.newestGood).toMatchObject({ path: join(elsewhere, made.fileName), counts: expect.objectContaining({ people: 1 }) });
    } finally {
      drop();
    }
  });
});

describe('a damaged key file', () => {
  it('is told plainly, never overwritten, copied aside, and a backup restores the caseload', async () => {
    await caseloadWithBackup(4);
    const { envelope, database } = workspacePaths(dir);
    const damaged = readFileSync(envelope, 'utf8').slice(0, 150);
    writeFileSync(envelope, damaged);
    const db = sha(database);
    const ctx = testContext(dir);
    const { r, damage } = await unlockDamaged(ctx);
    expect(r.ok ? 'opened' : r.error).toEqual({ code: 'ENVELOPE_DAMAGED', message: expect.stringMatching(/^The key file for this caseload is damaged, so it cannot be unlocked here\. Nothing has been changed or deleted.* A copy of the files as they were found is in /) });
    expect(damage.part).toBe('keys');
    // No key to check backups with: they are listed, and checked when unlocked for the restore.
    expect(damage.newestGood).toBeNull();
    expect(damage.backups).toHaveLength(2);
    expect(readFileSync(join(damage.copyFolder!, 'caseload.keys'), 'utf8')).toBe(damaged);
    // The recovery key is in the same damaged file: it cannot help, and nothing is rewritten.
    const recover = await call(ctx, 'session.recover', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', newPassphrase: 'lantern orbit meadow quietly' });
    expect(recover.ok ? 'opened' : recover.error.code).toBe('ENVELOPE_DAMAGED');
    expect(readFileSync(envelope, 'utf8')).toBe(damaged);
    expect(sha(database)).toBe(db);

    const check = await must(ctx, 'backups.inspect', { path: damage.backups[0].path, passphrase: PASSPHRASE });
    expect(check.counts.people).toBe(4);
    await must(ctx, 'backups.restore', { path: damage.backups[0].path, passphrase: PASSPHRASE, confirm: true });
    await must(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    expect((await must(ctx, 'people.list', {})).total).toBe(4);
    lock(ctx);
  });
});
