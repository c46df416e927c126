// Screenshots for `npm run screenshots`: set-up's "Where" step (team choice, a OneDrive
// suggestion, backups beside the caseload), opening a caseload from a backup on a new PC, the
// training banner, the lock screen with training and a policy IT set that could not be read, and
// Settings → Backups with the same-disk warning and with a folder set by IT.
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { NO_POLICY } from '../../../core/domain/places';
import { lock, whenSettled } from '../../../core/api/handlers';
import { startHarness, type Harness } from '../../harness/server';
import { tempDir } from '../../support/workspace';
import { PASSPHRASE } from '../fixtures';
import { BackupsPage } from '../pages/BackupsPage';
import { MyDayPage } from '../pages/MyDayPage';
import { SetupPage } from '../pages/SetupPage';
import { TrainingBanner } from '../pages/TrainingBanner';
import { UnlockPage } from '../pages/UnlockPage';
import { caseloadWithBackup, seedWorkspace } from '../seed';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;

const options = { viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' } as const;
const settle = (page: Page) => page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' }).catch(() => undefined);
const ONEDRIVE = { kind: 'onedrive' as const, label: 'Your OneDrive', folder: 'C:\\Users\\sam\\OneDrive - NHS\\Peer Support Caseload backups' };

async function withHarness(browser: Browser, places: Parameters<typeof startHarness>[0]['places'], walk: (page: Page, harness: Harness, dir: string) => Promise<void>) {
  const { dir, cleanup } = tempDir('caseload-shots-places-');
  const team = tempDir('caseload-shots-team-');
  const harness = await startHarness({ dataDir: dir, places: { team: team.dir, ...places } });
  const page = await browser.newPage(options);
  try {
    await walk(page, harness, dir);
  } finally {
    await page.close();
    await harness.close();
    cleanup();
    team.cleanup();
  }
}

export async function placesScreens(browser: Browser, shot: Shot) {
  // A new PC with a team folder and a OneDrive: the "Where" step, then backups kept on the PC.
  await withHarness(browser, { backupSuggestions: [ONEDRIVE] }, async (page, harness) => {
    await page.goto(harness.url);
    const setup = new SetupPage(page);
    await page.getByRole('radiogroup', { name: 'Who will use this caseload?' }).waitFor();
    await shot(page, '110-setup-where-team-onedrive', true);
    await setup.chooseScope('Our team on this PC');
    await setup.chooseBackups('On this PC, beside the caseload');
    await page.getByText('A broken or re-imaged PC would lose the caseload and its backups together.').waitFor();
    await shot(page, '111-setup-where-beside-warning', true);
    await setup.chooseBackups('Another folder…', 'backups');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByText(/^Enter the folder’s full path/).waitFor();
    await shot(page, '112-setup-where-other-folder-error', true);

    // On a new PC: the caseload opened from a backup kept off the old one.
    const old = tempDir('caseload-shots-old-pc-');
    try {
      const backup = await caseloadWithBackup(old.dir, ['Amara Okonkwo', 'Jo Test', 'Priya Example']);
      await setup.openFromBackup();
      await setup.checkBackup(backup.path, 'not the passphrase at all');
      await setup.backupPanel().getByText('That does not open this backup.').waitFor();
      await shot(page, '113-setup-open-from-backup-wrong', true);
      await setup.chooseScope('Our team on this PC');
      await setup.checkBackup(backup.path, PASSPHRASE);
      await setup.backupCounts().waitFor();
      await shot(page, '114-setup-open-from-backup-checked', true);
    } finally {
      old.cleanup();
    }
  });

  // Training, from set-up: the banner on My day, and the reset asked first.
  await withHarness(browser, {}, async (page, harness) => {
    await page.goto(harness.url);
    await new SetupPage(page).openTraining();
    await new MyDayPage(page).expectShown();
    await new TrainingBanner(page).expectShown();
    await page.getByRole('heading', { name: 'Referrals waiting for first contact' }).first().waitFor().catch(() => undefined);
    await shot(page, '115-training-my-day');
    await page.getByRole('banner').getByRole('button', { name: 'Reset training caseload…' }).click();
    await page.getByRole('dialog', { name: 'Reset the training caseload?' }).waitFor();
    await shot(page, '116-training-reset-confirm');
  });

  // A real caseload locked, with a policy IT set that could not be read: the lock screen.
  await withHarness(
    browser,
    { policyProblems: ['Group Policy (HKLM\\Software\\Policies\\Peer Support Caseload): scope Invalid option: expected one of "user"|"team"'] },
    async (page, harness) => {
      await seedWorkspace(harness.ctx);
      lock(harness.ctx);
      await whenSettled(harness.ctx);
      await page.goto(harness.url);
      await new UnlockPage(page).expectLocked();
      await shot(page, '117-locked-training-policy-problem');
    },
  );

  // Backups beside the caseload: Settings warns they share its disk.
  await withHarness(browser, {}, async (page, harness) => {
    await seedWorkspace(harness.ctx);
    await page.goto(harness.url);
    const backups = new BackupsPage(page);
    await backups.goto();
    await backups.section().getByText(/^Backups are on the same disk as the caseload/).waitFor();
    await backups.rows().first().waitFor();
    await settle(page);
    await backups.section().scrollIntoViewIfNeeded();
    await shot(page, '118-settings-backups-same-disk');
  });

  // A backup folder set by IT: shown, not offered for change.
  const itFolder = tempDir('caseload-shots-it-backups-');
  try {
    await withHarness(browser, { policy: { ...NO_POLICY, backupFolder: join(itFolder.dir, 'Peer Support Caseload backups') } }, async (page, harness) => {
      await seedWorkspace(harness.ctx);
      await page.goto(harness.url);
      const backups = new BackupsPage(page);
      await backups.goto();
      await backups.section().getByText('Set by your IT team').waitFor();
      await backups.section().scrollIntoViewIfNeeded();
      await shot(page, '119-settings-backups-set-by-it');
    });
  } finally {
    itFolder.cleanup();
  }
}
