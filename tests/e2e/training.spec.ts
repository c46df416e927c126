// The training caseload: made-up people, TRAINING on every screen and in every saved file's name,
// opened from set-up or the lock screen and left back to where it was opened from.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lock, whenSettled } from '../../core/api/handlers';
import { expect, expectAccessible, PASSPHRASE, step, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { ExportPage } from './pages/ExportPage';
import { MyDayPage } from './pages/MyDayPage';
import { goTo } from './pages/nav';
import { SettingsPage } from './pages/SettingsPage';
import { SetupPage } from './pages/SetupPage';
import { TrainingBanner } from './pages/TrainingBanner';
import { UnlockPage } from './pages/UnlockPage';
import { seedWorkspace } from './seed';

test('from set-up: the training caseload says TRAINING on every screen and file, and leaving it creates no caseload', async ({ page, harness, dataDir }) => {
  await page.goto(harness.url);
  const setup = new SetupPage(page);
  await expect(page).toHaveTitle('Peer Support Caseload');
  await setup.openTraining();

  const training = new TrainingBanner(page);
  await step('training says so on My day, the caseload and Settings', async () => {
    await new MyDayPage(page).expectShown();
    await training.expectShown();
    await expectAccessible(page, 'training: my day');

    const caseload = new CaseloadPage(page);
    await caseload.goto();
    await training.expectShown();
    // Made-up people, already there.
    await expect(caseload.rows().nth(5)).toBeVisible();
    await expectAccessible(page, 'training: caseload');

    await new SettingsPage(page).goto();
    await training.expectShown();
    await expectAccessible(page, 'training: settings');
  });

  await step('a file saved from training says so in its name', async () => {
    const exports = new ExportPage(page);
    await exports.goto();
    await training.expectShown();
    await exports.exportButton().click();
    await expect(exports.done()).toContainText('TRAINING-');
    const href = await exports.downloadLink().getAttribute('href');
    const fileName = decodeURIComponent(new URL(href!, harness.url).pathname.split('/').pop()!);
    expect(fileName).toMatch(/^TRAINING-/);
    const downloaded = await (await page.request.get(new URL(href!, harness.url).toString())).body();
    expect(downloaded.equals(readFileSync(join(dataDir, 'exports', fileName)))).toBe(true);
  });

  await step('reset: fresh made-up people, still in training', async () => {
    await training.reset();
    await training.expectShown();
    await new MyDayPage(page).expectShown();
  });

  await step('leaving goes back to set-up, and no real caseload was made', async () => {
    await training.leave();
    await expect(page.getByRole('heading', { name: 'Set up your caseload' })).toBeVisible();
    await expect(page).toHaveTitle('Peer Support Caseload');
    await expect(training.banner()).toBeHidden();
    // No real caseload was made by training.
    expect(existsSync(join(dataDir, 'caseload.keys'))).toBe(false);
  });
});

test('from the lock screen of a real caseload: training opens, and leaving comes back to that lock screen', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  lock(harness.ctx);
  await whenSettled(harness.ctx);
  await page.goto(harness.url);
  const unlock = new UnlockPage(page);
  await unlock.expectLocked();
  await expectAccessible(page, 'lock screen with training offered');

  await page.getByRole('button', { name: 'Open a training caseload' }).click();
  const training = new TrainingBanner(page);
  await training.expectShown();
  await goTo(page, 'Caseload');
  await expect(new CaseloadPage(page).rows().first()).toBeVisible();

  await training.leave();
  await unlock.expectLocked();
  await expect(page).toHaveTitle('Peer Support Caseload');
  await unlock.unlock(PASSPHRASE);
  await new CaseloadPage(page).goto();
  await expect(page.getByText('No one on your caseload yet')).toBeVisible();
  await expect(training.banner()).toBeHidden();
});
