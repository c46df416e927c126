// A new or re-imaged PC: the caseload opened from a backup kept off the old PC, for the team on
// this PC, then signed in on the lock screen. And set-up that chooses the team and a backup folder.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness } from '../harness/server';
import { tempDir } from '../support/workspace';
import { expect, expectAccessible, PASSPHRASE, step, test } from './fixtures';
import { BackupsPage } from './pages/BackupsPage';
import { CaseloadPage } from './pages/CaseloadPage';
import { SetupPage } from './pages/SetupPage';
import { UnlockPage } from './pages/UnlockPage';
import { caseloadWithBackup, shownAt } from './seed';

/** The old PC's caseload and its backup, and a folder standing in for this PC's team folder. */
const oldPc = test.extend<{ backup: { path: string; takenAt: string }; teamDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  backup: async ({}, use) => {
    const { dir, cleanup } = tempDir('caseload-old-pc-');
    await use(await caseloadWithBackup(dir, ['Amara Okonkwo', 'Jo Test']));
    cleanup();
  },
  // eslint-disable-next-line no-empty-pattern
  teamDir: async ({}, use) => {
    const { dir, cleanup } = tempDir('caseload-team-');
    await use(dir);
    cleanup();
  },
  // A fresh install on this PC: nothing in either folder, and the team choice offered.
  harness: async ({ dataDir, teamDir }, use) => {
    const harness = await startHarness({ dataDir, places: { team: teamDir } });
    await use(harness);
    await harness.close();
  },
});

oldPc('a new PC: the caseload opens from its backup for the team, and the worker signs in to find their people', async ({ page, harness, backup, teamDir, dataDir }) => {
  await page.goto(harness.url);
  const setup = new SetupPage(page);
  await step('the backup is checked: when it was taken and what it holds', async () => {
    await setup.openFromBackup();
    await expectAccessible(page, 'set-up: open a caseload from a backup');

    await setup.backupPath().fill(backup.path);
    await setup.chooseScope('Our team on this PC');
    await setup.backupPassphrase().fill(PASSPHRASE);
    await setup.backupPanel().getByRole('button', { name: 'Check the backup' }).click();
    await expect(setup.backupPanel().getByRole('heading', { name: `Backup taken ${shownAt(backup.takenAt)}` })).toBeVisible();
    await expect(setup.backupCounts().getByRole('row', { name: 'People' })).toContainText('2');
    await expectAccessible(page, 'set-up: the backup checked, with its counts');
  });

  await step('opened at the team’s place; the worker signs in to find their people', async () => {
    await setup.openCheckedBackup();
    const unlock = new UnlockPage(page);
    await unlock.expectLocked();
    // Copied in at the team's place on this PC, not the Windows user's own folder.
    expect(existsSync(join(teamDir, 'caseload.keys'))).toBe(true);
    expect(existsSync(join(dataDir, 'caseload.keys'))).toBe(false);
    await unlock.unlock(PASSPHRASE);
    const caseload = new CaseloadPage(page);
    await caseload.goto();
    await expect(caseload.row('Amara Okonkwo')).toBeVisible();
    await expect(caseload.row('Jo Test')).toBeVisible();
  });
});

oldPc('a wrong passphrase for the backup is said beside it, and the typed path stays', async ({ page, harness, backup }) => {
  await page.goto(harness.url);
  const setup = new SetupPage(page);
  await setup.openFromBackup();
  await setup.checkBackup(backup.path, 'not the passphrase at all');
  await expect(setup.backupPassphrase()).toHaveAttribute('aria-invalid', 'true');
  await expect(setup.backupPassphrase()).toHaveAccessibleDescription(/That does not open this backup/);
  await expect(setup.backupPath()).toHaveValue(backup.path);
  await expect(setup.backupCounts()).toBeHidden();
  await expectAccessible(page, 'set-up: a backup with a wrong passphrase');

  // A file that is not there: said beside the path.
  await setup.checkBackup(`${backup.path}.missing`, PASSPHRASE);
  await expect(setup.backupPath()).toHaveAccessibleDescription(/That backup file could not be found/);
  await setup.checkBackup(backup.path, PASSPHRASE);
  await expect(setup.backupCounts()).toBeVisible();
});

oldPc('set-up for the team with backups in another folder: a refused folder is said beside it, and Settings shows the one chosen', async ({ page, harness, teamDir, dataDir }) => {
  // /dev/shm is another device from /tmp here: a folder "on another disk". Elsewhere, the same disk.
  const otherDisk = existsSync('/dev/shm');
  const parent = mkdtempSync(join(otherDisk ? '/dev/shm' : dataDir, 'caseload-backups-'));
  const folder = join(parent, 'Peer Support Caseload backups');
  try {
    await page.goto(harness.url);
    const setup = new SetupPage(page);
    await step('where: the team, and backups in another folder', async () => {
      await expect(setup.whereStep().getByRole('radiogroup', { name: 'Who will use this caseload?' })).toBeVisible();
      await expectAccessible(page, 'set-up: where');
      await setup.chooseScope('Our team on this PC');
      await setup.chooseBackups('On this PC, beside the caseload');
      await expect(page.getByText('A broken or re-imaged PC would lose the caseload and its backups together.')).toBeVisible();
      await setup.chooseBackups('Another folder…', 'backups');
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      // Not a full path: stopped on this step.
      await expect(page.getByLabel('Full path of the backup folder')).toHaveAccessibleDescription(/Enter the folder’s full path/);
    });

    const typedFolder = page.getByLabel('Full path of the backup folder');
    await step('a folder the app cannot make (inside a file) is refused beside it once the details are in', async () => {
      // (Not under /proc: Node's recursive mkdir never returns there.)
      const notAFolder = join(dataDir, 'not-a-folder');
      writeFileSync(notAFolder, '');
      const refused = join(notAFolder, 'backups');
      await page.getByLabel('Full path of the backup folder').fill(refused);
      await setup.continueFromWhere();
      await setup.fillDetails('Riverside Sexual Health', 'Sam Peer', PASSPHRASE);
      await expect(typedFolder).toHaveAccessibleDescription(/That folder cannot be made or written to/);
      await expect(typedFolder).toHaveValue(refused);
      await expect(page.getByRole('radio', { name: 'Our team on this PC' })).toBeChecked();
      await expectAccessible(page, 'set-up: a refused backup folder');
    });

    await step('a folder that can be made: the caseload is set up there, and Settings shows it', async () => {
      await typedFolder.fill(folder);
      await setup.continueFromWhere();
      // What was typed on the details step is still there.
      await expect(page.getByLabel('Organisation or clinic')).toHaveValue('Riverside Sexual Health');
      await page.getByRole('button', { name: 'Create caseload' }).click();
      const key = await setup.readRecoveryKey();
      await setup.confirmSaved(key);

      expect(existsSync(join(teamDir, 'caseload.keys'))).toBe(true);
      expect(existsSync(join(dataDir, 'caseload.keys'))).toBe(false);
      const backups = new BackupsPage(page);
      await backups.goto();
      await expect(backups.section().getByLabel('Backup folder')).toHaveValue(folder);
      const warning = backups.section().getByText(/^Backups are on the same disk as the caseload/);
      if (otherDisk) await expect(warning).toBeHidden();
      else await expect(warning).toBeVisible();
      // The first backup went there.
      await expect(backups.rows()).toHaveCount(1);
      await expectAccessible(page, 'settings: backups in the folder chosen at set-up');
    });
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

oldPc('backups kept beside a new caseload: Settings warns they share its disk', async ({ page, harness }) => {
  await page.goto(harness.url);
  const setup = new SetupPage(page);
  await setup.chooseBackups('On this PC, beside the caseload');
  await setup.complete('Riverside Sexual Health', 'Sam Peer', PASSPHRASE);
  const backups = new BackupsPage(page);
  await backups.goto();
  await expect(backups.section().getByText(/^Backups are on the same disk as the caseload/)).toBeVisible();
  await expectAccessible(page, 'settings: backups on the caseload’s disk');
});
