// Where a caseload lives on a managed NHS PC: the person's own folder or the PC's team folder,
// a folder and backup folder fixed by IT's policy, backups off the PC's disk, a second Windows
// user refused while one has the team caseload open (two real processes), and opening a caseload
// from a backup on a new PC. All through the dispatcher, on real encrypted files.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, repoMigrationsDir, type AppContext, type Places } from '../../core/api/context';
import { lock, whenSettled } from '../../core/api/handlers';
import { NO_POLICY } from '../../core/domain/places';
import { smallDisk, mountsAvailable, NO_MOUNTS } from '../support/mounts';
import { call, daysAgo, must, PASSPHRASE, referral, tempDir, TEST_ARGON2, WORKER_PASSPHRASE } from '../support/workspace';

let root: string;
let cleanup: () => void;
beforeEach(() => ({ dir: root, cleanup } = tempDir('places-')));
afterEach(() => cleanup());

/** One Windows user's app on this PC: their own folder, and the PC's team folder. */
function windowsUser(name: string, places: Partial<Omit<Places, 'user'>> = {}): AppContext {
  return createContext({ dataDir: join(root, name, 'workspace'), places: { team: join(root, 'ProgramData', 'workspace'), ...places }, migrationsDir: repoMigrationsDir(), argon2: TEST_ARGON2 });
}

const details = { organisation: 'Riverside Sexual Health', displayName: 'Sam Peer', passphrase: PASSPHRASE };
const keysIn = (dir: string) => existsSync(join(dir, 'caseload.keys'));

describe('a caseload a team can share on one PC', () => {
  it('set-up offers "our team"; colleagues with other Windows logins find it and sign in with their own passphrase', async () => {
    const shared: string[] = [];
    const sam = windowsUser('sam', { shareFolder: (dir) => shared.push(dir) });
    const before = await must(sam, 'workspace.status', {});
    expect(before).toMatchObject({ state: 'none', place: 'user', setup: { teamAvailable: true, placeFixed: null, backupFolderFixed: null } });
    await must(sam, 'workspace.create', { ...details, scope: 'team' });
    await whenSettled(sam);
    const team = join(root, 'ProgramData', 'workspace');
    expect(keysIn(team)).toBe(true);
    expect(keysIn(join(root, 'sam', 'workspace'))).toBe(false);
    // The folder was opened to every Windows user of the PC once, when it was made.
    expect(shared).toEqual([team]);
    await must(sam, 'members.add', { name: 'Ade Worker', role: 'peer_worker', passphrase: WORKER_PASSPHRASE });
    await must(sam, 'people.create', { preferredName: 'Shared Person', dateOfBirth: '1980-02-01', ...referral(daysAgo(3)) });
    lock(sam);
    await whenSettled(sam);

    // Ade logs in to Windows as themself: the app finds the team caseload, not a set-up screen.
    const ade = windowsUser('ade');
    const locked = await must(ade, 'workspace.status', {});
    expect(locked).toMatchObject({ state: 'locked', place: 'team' });
    const adeId = locked.signIns!.find((s) => s.name === 'Ade Worker')!.memberId;
    await must(ade, 'session.unlock', { memberId: adeId, passphrase: WORKER_PASSPHRASE });
    const page = await must(ade, 'people.list', {});
    expect(page.rows.map((r) => r.preferredName)).toEqual(['Shared Person']);
    lock(ade);
    await whenSettled(ade);
  });

  it('a colleague who set up "just me" keeps their own caseload; nobody else reaches it', async () => {
    const sam = windowsUser('sam');
    await must(sam, 'workspace.create', { ...details, scope: 'user' });
    await whenSettled(sam);
    lock(sam);
    expect(keysIn(join(root, 'sam', 'workspace'))).toBe(true);
    expect((await must(windowsUser('ade'), 'workspace.status', {})).state).toBe('none');
  });

  it('refuses "our team" plainly where the PC has no shared folder', async () => {
    const solo = createContext({ dataDir: join(root, 'solo'), migrationsDir: repoMigrationsDir(), argon2: TEST_ARGON2 });
    expect((await must(solo, 'workspace.status', {})).setup?.teamAvailable).toBe(false);
    const r = await call(solo, 'workspace.create', { ...details, scope: 'team' });
    expect(r.ok ? 'made' : r.error.fields).toEqual({ scope: expect.stringMatching(/no shared folder/) });
    expect(keysIn(join(root, 'solo'))).toBe(false);
  });
});

/** A writer in its own process (another Windows user's app): unlocks, says "ready", writes until killed. */
function otherUsersApp(dataDir: string): { child: ChildProcess; ready: Promise<void>; acknowledged: string[] } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../fixtures/app-writer.ts'), dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acknowledged: string[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') resolve();
        else acknowledged.push(line);
      }
    });
    child.on('exit', (code) => reject(new Error(`the other app stopped (${code}): ${stderr.slice(0, 300)}`)));
  });
  return { child, ready, acknowledged };
}

describe('two Windows users of one PC (fast user switching)', () => {
  it('while one has the team caseload open, the other is refused plainly with since when; once it is gone, the other opens it whole', async () => {
    const sam = windowsUser('sam');
    await must(sam, 'workspace.create', { ...details, scope: 'team' });
    await whenSettled(sam);
    lock(sam);
    await whenSettled(sam);
    const team = join(root, 'ProgramData', 'workspace');

    const other = otherUsersApp(team);
    try {
      await other.ready;
      // Let it write for a while, so the refusal is made while it is busy.
      while (other.acknowledged.length < 5) await new Promise((r) => setTimeout(r, 20));
      const ade = windowsUser('ade');
      const refused = await call(ade, 'session.unlock', { passphrase: PASSPHRASE });
      expect(refused.ok ? 'opened' : refused.error.code).toBe('IN_USE');
      expect(refused.ok ? '' : refused.error.message).toMatch(/open by another Windows user of this PC since \d\d:\d\d\. Ask them to lock it/);
      expect(ade.session).toBeNull();
      // The refusal is not a wrong passphrase: no sign-in delay builds up.
      expect(existsSync(join(team, 'caseload.signin'))).toBe(false);
      const writtenBefore = other.acknowledged.length;
      while (other.acknowledged.length < writtenBefore + 5) await new Promise((r) => setTimeout(r, 20));
    } finally {
      other.child.kill('SIGKILL');
      await new Promise((r) => other.child.once('exit', r));
    }
    // Its process is gone (a crash, a Windows sign-out): the claim it left is stale and taken over.
    const ade = windowsUser('ade');
    await must(ade, 'session.unlock', { passphrase: PASSPHRASE });
    await whenSettled(ade);
    expect(ade.session!.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const names = new Set((ade.session!.db.prepare('SELECT preferred_name AS n FROM people').all() as { n: string }[]).map((r) => r.n));
    expect(other.acknowledged.filter((n) => !names.has(n))).toEqual([]);
    // And now Ade holds it: Sam, back at the PC, is refused in turn until Ade locks.
    const again = await call(windowsUser('sam'), 'session.unlock', { passphrase: PASSPHRASE });
    expect(again.ok ? 'opened' : again.error.code).toBe('IN_USE');
    lock(ade);
    await whenSettled(ade);
    expect((await call(windowsUser('sam'), 'session.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
  }, 60_000);
});

describe("IT's policy", () => {
  it('fixes the caseload folder and the backup folder: set-up says so, and neither can be changed in the app', async () => {
    const itFolder = join(root, 'D', 'Caseload');
    const itBackups = join(root, 'H', 'Caseload backups');
    const ctx = windowsUser('sam', { policy: { ...NO_POLICY, caseloadFolder: itFolder, backupFolder: itBackups } });
    expect(await must(ctx, 'workspace.status', {})).toMatchObject({ state: 'none', place: 'it', setup: { teamAvailable: false, placeFixed: 'it', backupFolderFixed: itBackups } });
    // Whatever set-up sends, IT's folders win.
    await must(ctx, 'workspace.create', { ...details, scope: 'user', backupFolder: join(root, 'elsewhere') });
    await whenSettled(ctx);
    expect(keysIn(itFolder)).toBe(true);
    expect(keysIn(join(root, 'sam', 'workspace'))).toBe(false);
    const where = await must(ctx, 'backups.location', {});
    expect(where).toMatchObject({ folder: itBackups, fixedByIt: true, canChooseFolder: false, isDefault: false });
    // The day's first backup went to IT's folder.
    expect(readdirSync(itBackups).some((f) => f.endsWith('.db'))).toBe(true);
    const change = await call(ctx, 'settings.update', { backupFolder: join(root, 'mine') });
    expect(change.ok ? 'changed' : change.error.fields).toEqual({ backupFolder: expect.stringMatching(/IT team has set where backups go/) });
    ctx.chooseFolder = async () => join(root, 'mine');
    expect((await call(ctx, 'backups.chooseFolder', {})).ok).toBe(false);
    lock(ctx);
    await whenSettled(ctx);
    // Another Windows user of the PC finds the same caseload.
    expect(await must(windowsUser('ade', { policy: { ...NO_POLICY, caseloadFolder: itFolder } }), 'workspace.status', {})).toMatchObject({ state: 'locked', place: 'it' });
  });

  it('scope "team" by policy: set-up puts it in the team folder without asking', async () => {
    const ctx = windowsUser('sam', { policy: { ...NO_POLICY, scope: 'team' } });
    expect((await must(ctx, 'workspace.status', {})).setup).toMatchObject({ teamAvailable: false, placeFixed: 'team' });
    await must(ctx, 'workspace.create', { ...details, scope: 'user' });
    await whenSettled(ctx);
    lock(ctx);
    expect(keysIn(join(root, 'ProgramData', 'workspace'))).toBe(true);
  });

  it('a policy that could not be read is said on the set-up and lock screens', async () => {
    const ctx = windowsUser('sam', { policyProblems: ['C:\\ProgramData\\Peer Support Caseload\\policy.json: scope Invalid option'] });
    expect((await must(ctx, 'workspace.status', {})).policyProblems).toEqual(['C:\\ProgramData\\Peer Support Caseload\\policy.json: scope Invalid option']);
  });
});

describe('backups off the PC', () => {
  it('set-up takes a backup folder, refuses one it cannot write (keeping nothing), and the Backups screen says when backups share the caseload’s disk', async () => {
    const sam = windowsUser('sam');
    // A folder that cannot be made: a file stands where it would go.
    writeFileSync(join(root, 'not-a-folder'), 'x');
    const bad = await call(sam, 'workspace.create', { ...details, backupFolder: join(root, 'not-a-folder', 'backups') });
    expect(bad.ok ? 'made' : bad.error.fields).toEqual({ backupFolder: expect.stringMatching(/cannot be made or written to/) });
    expect(keysIn(join(root, 'sam', 'workspace'))).toBe(false);
    // The default, beside the caseload: the same disk, so the Backups screen warns.
    await must(sam, 'workspace.create', details);
    await whenSettled(sam);
    expect(await must(sam, 'backups.location', {})).toMatchObject({ isDefault: true, sameDiskAsCaseload: true });
    lock(sam);
  });

  it.skipIf(!mountsAvailable)(`a backup folder on another disk is where the backups go, with no warning${mountsAvailable ? '' : ` (skipped: ${NO_MOUNTS})`}`, async () => {
    const disk = smallDisk('16m');
    try {
      const ade = windowsUser('ade');
      await must(ade, 'workspace.create', { ...details, backupFolder: join(disk.dir, 'backups') });
      await whenSettled(ade);
      expect(await must(ade, 'backups.location', {})).toMatchObject({ folder: join(disk.dir, 'backups'), isDefault: false, sameDiskAsCaseload: false });
      expect(readdirSync(join(disk.dir, 'backups')).filter((f) => f.endsWith('.db'))).toHaveLength(1);
      lock(ade);
      await whenSettled(ade);
    } finally {
      disk.release();
    }
  });
});

/** A caseload on an old PC with one person and a backup, its coordinator's passphrase and recovery key. */
async function oldPcWithBackup() {
  const old = createContext({ dataDir: join(root, 'old-pc'), migrationsDir: repoMigrationsDir(), argon2: TEST_ARGON2 });
  const { recoveryKey } = await must(old, 'workspace.create', details);
  await whenSettled(old);
  await must(old, 'members.add', { name: 'Ade Worker', role: 'peer_worker', passphrase: WORKER_PASSPHRASE });
  await must(old, 'people.create', { preferredName: 'Moved With Us', dateOfBirth: '1975-06-01', ...referral(daysAgo(10)) });
  const made = await must(old, 'backups.create', {});
  lock(old);
  await whenSettled(old);
  return { path: join(root, 'old-pc', 'backups', made.fileName), recoveryKey };
}

describe('a new PC: opening a caseload from a backup', () => {
  it('shows the backup’s date and counts, opens it at this PC’s location (the team folder here), and audits it', async () => {
    const { path } = await oldPcWithBackup();
    const fresh = windowsUser('sam');
    expect((await must(fresh, 'workspace.status', {})).state).toBe('none');
    const seen = await must(fresh, 'backups.inspect', { path, passphrase: PASSPHRASE });
    expect(seen.counts.people).toBe(1);
    expect(seen.takenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Inspecting changes nothing on this PC.
    expect(keysIn(join(root, 'ProgramData', 'workspace'))).toBe(false);
    const opened = await must(fresh, 'backups.restore', { path, passphrase: PASSPHRASE, scope: 'team', confirm: true });
    expect(opened).toMatchObject({ state: 'locked', place: 'team' });
    expect(keysIn(join(root, 'ProgramData', 'workspace'))).toBe(true);
    await must(fresh, 'session.unlock', { passphrase: PASSPHRASE, memberId: opened.signIns!.find((s) => s.name === 'Sam Peer')!.memberId });
    await whenSettled(fresh);
    expect((await must(fresh, 'people.list', {})).rows.map((r) => r.preferredName)).toEqual(['Moved With Us']);
    const log = await must(fresh, 'audit.list', { action: 'backup.opened_on_new_pc' });
    expect(log).toHaveLength(1);
    lock(fresh);
    await whenSettled(fresh);
  });

  it('opens with the recovery key too; a peer worker’s passphrase is refused, and wrong guesses bring the sign-in delay', async () => {
    const { path, recoveryKey } = await oldPcWithBackup();
    const fresh = windowsUser('sam');
    const worker = await call(fresh, 'backups.inspect', { path, passphrase: WORKER_PASSPHRASE });
    expect(worker.ok ? 'opened' : worker.error.fields).toEqual({ passphrase: expect.stringMatching(/Only a coordinator’s passphrase or the recovery key/) });
    for (let i = 0; i < 3; i++) {
      const wrong = await call(fresh, 'backups.inspect', { path, passphrase: `not it ${i}` });
      expect(wrong.ok ? 'opened' : wrong.error.code).toBe('WRONG_PASSPHRASE');
    }
    // Three failures are free; after the fourth (the worker's, then three wrong), the next try waits, whatever it is.
    const waited = await call(fresh, 'backups.inspect', { path, recoveryKey });
    expect(waited.ok ? 'opened' : waited.error.code).toBe('TOO_MANY_ATTEMPTS');
    const other = windowsUser('ade');
    expect((await must(other, 'backups.inspect', { path, recoveryKey })).counts.people).toBe(1);
  });

  it('never while locked over a caseload that exists and opens: that is restored from Settings after signing in', async () => {
    const { path } = await oldPcWithBackup();
    const here = createContext({ dataDir: join(root, 'old-pc'), migrationsDir: repoMigrationsDir(), argon2: TEST_ARGON2 });
    const keysBefore = readFileSync(join(root, 'old-pc', 'caseload.keys'));
    for (const method of ['backups.inspect', 'backups.restore'] as const) {
      const r = await call(here, method, { path, passphrase: PASSPHRASE, confirm: true });
      expect(r.ok ? 'ran' : r.error.code).toBe('LOCKED');
    }
    here.chooseFile = async () => path;
    expect((await call(here, 'backups.chooseFile', {})).ok).toBe(false);
    expect(readFileSync(join(root, 'old-pc', 'caseload.keys'))).toEqual(keysBefore);
  });

  it('offers Electron’s file and folder choosers where there are, before any caseload exists', async () => {
    const fresh = windowsUser('sam');
    expect((await call(fresh, 'backups.chooseFile', {})).ok).toBe(false);
    fresh.chooseFile = async () => 'D:\\Backups\\caseload-backup-20261201T090000000Z.db';
    expect(await must(fresh, 'backups.chooseFile', {})).toEqual({ path: 'D:\\Backups\\caseload-backup-20261201T090000000Z.db' });
    // Set-up's backup folder too, before there is a caseload; not once one exists and is locked.
    const asked: string[] = [];
    fresh.chooseFolder = async (current) => (asked.push(current), 'H:\\Caseload backups');
    expect(await must(fresh, 'backups.chooseFolder', {})).toEqual({ folder: 'H:\\Caseload backups' });
    expect(asked).toEqual([join(root, 'sam', 'workspace', 'backups')]);
    await must(fresh, 'workspace.create', details);
    await whenSettled(fresh);
    lock(fresh);
    await whenSettled(fresh);
    const locked = await call(fresh, 'backups.chooseFolder', {});
    expect(locked.ok ? 'chosen' : locked.error.code).toBe('LOCKED');
  });
});
