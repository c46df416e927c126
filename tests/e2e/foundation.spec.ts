// The foundation journey: set up, add a person, lock, unlock, recover — in Debian's Chromium,
// through the harness, against a real encrypted workspace.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, PASSPHRASE, step, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { PersonPage } from './pages/PersonPage';
import { SetupPage } from './pages/SetupPage';
import { UnlockPage } from './pages/UnlockPage';
import { besideField } from './pages/fieldError';

const amara = { name: 'Amara Okonkwo', nhsNumber: '943 476 5919', dateOfBirth: '12/04/1988', referred: '01/10/2026' };

test('first run → add a person → lock → unlock: the person is still there', async ({ page, harness, dataDir }) => {
  await page.goto(harness.url);
  const setup = new SetupPage(page);
  await step('set-up: the details, then the recovery key shown once', async () => {
    await expectAccessible(page, 'set-up: details');
    await setup.fillDetails('Riverside Sexual Health', 'Sam Peer', PASSPHRASE);
    const recoveryKey = await setup.readRecoveryKey();
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    // Written down or printed, never copied: Windows' clipboard history would keep it.
    await expect(page.getByRole('button', { name: /copy/i })).toHaveCount(0);
    await expect(page.getByTestId('recovery-key-advice')).toHaveText(/Write it down on paper or print it\. Do not copy it/);
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
    await expectAccessible(page, 'set-up: recovery key');
    await setup.confirmSaved(recoveryKey);
  });

  const caseload = new CaseloadPage(page);
  await step('an empty caseload, then the first person added', async () => {
    await caseload.goto();
    await expect(page.getByText('No one on your caseload yet')).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Riverside Sexual Health');
    await expectAccessible(page, 'caseload: empty');

    await caseload.addPerson(amara);
    // Adding someone opens their record, ready for the first contact attempt.
    await new PersonPage(page).expectShown('Amara Okonkwo');
    await caseload.goto();
    await expect(caseload.row('Amara Okonkwo')).toContainText('943 476 5919');
    await expect(caseload.row('Amara Okonkwo')).toContainText('12/04/1988');
    await expect(caseload.row('Amara Okonkwo')).toContainText(/PS-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await expectAccessible(page, 'caseload: one person');
  });

  const unlock = new UnlockPage(page);
  await step('locked: gone from the page and not in the clear on disk', async () => {
    await caseload.lock();
    await unlock.expectLocked();
    // Locked means gone from the page, not merely hidden.
    await expect(page.locator('body')).not.toContainText('Amara');
    await expectAccessible(page, 'lock screen');
    // And not in the clear anywhere on disk.
    // The data folder may hold sub-folders (exports, backups): look in every file under it.
    const files = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).map((f) => join(dataDir, f)).filter((f) => statSync(f).isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(f).includes('Okonkwo'), f).toBe(false);
  });

  await step('unlocked: the person is still there', async () => {
    await unlock.unlock(PASSPHRASE);
    await caseload.goto();
    await expect(caseload.row('Amara Okonkwo')).toBeVisible();
  });
});

test('a wrong passphrase says so plainly and keeps the caseload locked', async ({ page, harness }) => {
  await page.goto(harness.url);
  await new SetupPage(page).complete('Riverside Sexual Health', 'Sam Peer', PASSPHRASE);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  await caseload.lock();
  const unlock = new UnlockPage(page);
  await unlock.unlock('violet harbour tractor sunset');
  await expect(page.getByText('That passphrase is not right. Check Caps Lock and try again.')).toBeVisible();
  await unlock.expectLocked();
  await expectAccessible(page, 'lock screen with error');
  await unlock.unlock(PASSPHRASE);
  await caseload.goto();
});

test('a forgotten passphrase: the recovery key opens the caseload and sets a new passphrase', async ({ page, harness }) => {
  await page.goto(harness.url);
  const caseload = new CaseloadPage(page);
  const recoveryKey = await step('set up, with one person, then locked', async () => {
    const recoveryKey = await new SetupPage(page).complete('Riverside Sexual Health', 'Sam Peer', PASSPHRASE);
    await caseload.goto();
    await caseload.addPerson(amara);
    await new PersonPage(page).expectShown('Amara Okonkwo');
    await caseload.lock();
    return recoveryKey;
  });

  const unlock = new UnlockPage(page);
  const newPassphrase = 'pebble lighthouse cobalt gravy';
  await step('the recovery key opens it and sets a new passphrase', async () => {
    await unlock.expectLocked();
    await page.getByRole('button', { name: /Forgotten your passphrase/ }).click();
    await expectAccessible(page, 'recovery');
    await page.getByRole('button', { name: 'Back to passphrase' }).click();
    await unlock.recover(recoveryKey.toLowerCase(), newPassphrase);
    await caseload.goto();
    await expect(caseload.row('Amara Okonkwo')).toBeVisible();
  });

  await step('only the new passphrase opens it now', async () => {
    await caseload.lock();
    await unlock.unlock(PASSPHRASE);
    await expect(page.getByText('That passphrase is not right')).toBeVisible();
    await unlock.unlock(newPassphrase);
    await caseload.goto();
    await expect(caseload.row('Amara Okonkwo')).toBeVisible();
  });
});

test('adding a person: mistakes are explained beside the field and nothing typed is lost', async ({ page, harness }) => {
  await page.goto(harness.url);
  await new SetupPage(page).complete('Riverside Sexual Health', 'Sam Peer', PASSPHRASE);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  await caseload.addPerson({ name: 'Jo Bloggs', nhsNumber: '943 476 5918', dateOfBirth: '01/01/1990' });
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await expect(besideField(dialog, 'This is not a valid NHS Number')).toBeVisible();
  await expect(dialog.getByLabel('Preferred name')).toHaveValue('Jo Bloggs');
  await expectAccessible(page, 'add person with an error');
  await dialog.getByLabel('NHS Number (optional)').fill('943 476 5919');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await new PersonPage(page).expectShown('Jo Bloggs');
  await caseload.goto();
  await expect(caseload.row('Jo Bloggs')).toBeVisible();
});
