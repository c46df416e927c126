// Backups: encrypted, verified, kept N deep, taken daily; restore round trip on a 10,000-person
// caseload checked record by record, with the current caseload kept as a safety copy.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lock, whenSettled } from '../../core/api/handlers';
import { dailyBackup } from '../../core/api/handlers/backups';
import { insertPeople } from '../../db/queries/bulk';
import { syntheticPeople } from '../../db/synthetic';
import { call, must, newWorkspace, PASSPHRASE, tempDir, testContext } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const settle = () => new Promise((r) => setImmediate(r));

describe('backups', () => {
  it('are encrypted copies with their key file, verified, and kept only N deep', async () => {
    const { ctx, close } = await newWorkspace(dir);
    await settle();
    await must(ctx, 'settings.update', { backupKeep: 2 });
    insertPeople(ctx.session!, syntheticPeople(50, 2));
    const first = await must(ctx, 'backups.list', {});
    expect(first).toHaveLength(1); // the daily one taken at set-up
    const b = await must(ctx, 'backups.create', {});
    const bytes = readFileSync(join(dir, 'backups', b.fileName));
    expect(bytes.includes('SQLite format 3')).toBe(false);
    expect(bytes.includes('Testwood')).toBe(false);
    expect(existsSync(join(dir, 'backups', b.fileName.replace('.db', '.keys')))).toBe(true);
    await new Promise((r) => setTimeout(r, 1100)); // a new second: a new file name
    await must(ctx, 'backups.create', {});
    const kept = await must(ctx, 'backups.list', {});
    expect(kept).toHaveLength(2);
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);
    close();
  });

  it('a daily backup is taken at the first unlock of the day, not at every unlock', async () => {
    const ctx = testContext(dir);
    await must(ctx, 'workspace.create', { organisation: 'Riverside Sexual Health', displayName: 'Sam Peer', passphrase: PASSPHRASE });
    // Asked for while the set-up's backup is still being taken: the list waits for it, so the
    // Backups screen never shows an empty list that a moment later is wrong.
    expect(ctx.backupRunning).not.toBeNull();
    expect((await must(ctx, 'backups.list', {})).map((b) => b.verified)).toEqual([true]);
    await whenSettled(ctx);
    const close = () => lock(ctx);
    const ws = ctx.session!;
    expect((await must(ctx, 'backups.list', {})).length).toBe(1);
    await dailyBackup(ctx, ws, new Date(Date.now() + 3_600_000));
    expect((await must(ctx, 'backups.list', {})).length).toBe(1);
    await dailyBackup(ctx, ws, new Date(Date.now() + 2 * 86_400_000));
    expect((await must(ctx, 'backups.list', {})).length).toBe(2);
    close();
  });

  it('restore round trip on 10,000 people: every record comes back, and the current file is kept aside', async () => {
    const { ctx, close } = await newWorkspace(dir);
    await settle();
    insertPeople(ctx.session!, syntheticPeople(10_000, 4));
    const snapshot = (t: string) => ctx.session!.db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all();
    const tables = ['people', 'episodes', 'contacts', 'contact_attempts', 'goals', 'signposting', 'assessments', 'risk_flags', 'episode_closures'];
    const before = Object.fromEntries(tables.map((t) => [t, snapshot(t)]));
    const backup = await must(ctx, 'backups.create', {});
    // Then the caseload changes (or is damaged) after the backup.
    ctx.session!.db.exec("UPDATE people SET preferred_name = 'Changed after backup'");
    const wrong = await call(ctx, 'backups.inspect', { path: backup.fileName, passphrase: 'not the passphrase here' });
    expect(wrong.ok ? 'opened' : wrong.error.code).toBe('WRONG_PASSPHRASE');
    const check = await must(ctx, 'backups.inspect', { path: backup.fileName, passphrase: PASSPHRASE });
    expect(check.counts.people).toBe(10_000);
    const status = await must(ctx, 'backups.restore', { path: backup.fileName, passphrase: PASSPHRASE, confirm: true });
    expect(status.state).toBe('locked');
    await must(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    for (const t of tables) expect(snapshot(t), t).toEqual(before[t]);
    const aside = readdirSync(dir).filter((f) => f.includes('before-restore-'));
    expect(aside.some((f) => f.startsWith('caseload.db.before-restore-'))).toBe(true);
    expect(aside.some((f) => f.startsWith('caseload.keys.before-restore-'))).toBe(true);
    close();
  }, 120_000);

  it('lists each backup with its people count and whether the app checked it; a copied-in one is not vouched for', async () => {
    const { ctx, close } = await newWorkspace(dir);
    await settle();
    insertPeople(ctx.session!, syntheticPeople(30, 3));
    const made = await must(ctx, 'backups.create', {});
    expect(made).toMatchObject({ people: 30, verified: true });
    // A backup put in the folder by hand (from another PC, say): listed, but not vouched for.
    const foreign = 'caseload-backup-20200101T000000Z.db';
    copyFileSync(join(dir, 'backups', made.fileName), join(dir, 'backups', foreign));
    copyFileSync(join(dir, 'backups', made.fileName.replace('.db', '.keys')), join(dir, 'backups', foreign.replace('.db', '.keys')));
    const list = await must(ctx, 'backups.list', {});
    expect(list.map((b) => [b.people, b.verified])).toEqual([
      [30, true],
      [0, true],
      [null, false],
    ]);
    expect(list[0]).toMatchObject({ fileName: made.fileName, takenAt: made.takenAt, bytes: expect.any(Number) });
    close();
  });

  it('says where backups go, offers the folder chooser only where there is one, and refuses a folder that is not a full path', async () => {
    const { ctx, close } = await newWorkspace(dir);
    await settle();
    expect(await must(ctx, 'backups.location', {})).toEqual({ folder: join(dir, 'backups'), defaultFolder: join(dir, 'backups'), isDefault: true, canChooseFolder: false, fixedByIt: false, sameDiskAsCaseload: true });
    const none = await call(ctx, 'backups.chooseFolder', {});
    expect(none.ok ? 'chosen' : none.error.code).toBe('NOT_FOUND');
    const asked: string[] = [];
    ctx.chooseFolder = async (current) => (asked.push(current), '/mnt/backup-drive/caseload');
    expect(await must(ctx, 'backups.chooseFolder', {})).toEqual({ folder: '/mnt/backup-drive/caseload' });
    expect(asked).toEqual([join(dir, 'backups')]);
    // Choosing is not saving: the folder is saved with the settings.
    expect((await must(ctx, 'backups.location', {})).isDefault).toBe(true);
    const before = await must(ctx, 'settings.get', {});
    const relative = await call(ctx, 'settings.update', { backupFolder: 'backups here' });
    expect(relative.ok ? 'saved' : relative.error.fields).toEqual({ backupFolder: expect.stringMatching(/^Enter the folder’s full path/) });
    expect(await must(ctx, 'settings.get', {})).toEqual(before);
    const elsewhere = join(dir, 'elsewhere');
    await must(ctx, 'settings.update', { backupFolder: elsewhere, backupKeep: 3 });
    expect(await must(ctx, 'backups.location', {})).toEqual({ folder: elsewhere, defaultFolder: join(dir, 'backups'), isDefault: false, canChooseFolder: true, fixedByIt: false, sameDiskAsCaseload: true });
    const b = await must(ctx, 'backups.create', {});
    expect(existsSync(join(elsewhere, b.fileName))).toBe(true);
    close();
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const { ctx, close } = await newWorkspace(dir);
    await settle();
    const [b] = await must(ctx, 'backups.list', {});
    const path = join(dir, 'backups', b.fileName);
    const bytes = readFileSync(path);
    bytes.fill(0, 5000, 9000);
    writeFileSync(path, bytes);
    const live = readFileSync(join(dir, 'caseload.keys'));
    const r = await call(ctx, 'backups.restore', { path: b.fileName, passphrase: PASSPHRASE, confirm: true });
    expect(r.ok ? 'restored' : r.error.code).toBe('DATABASE_DAMAGED');
    expect(ctx.session).not.toBeNull();
    expect(readFileSync(join(dir, 'caseload.keys')).equals(live)).toBe(true);
    close();
  });
});
