// A coordinator shares the clinic PC: adds a peer worker and a reporting member, each of whom
// signs in with their own passphrase and sees only what their role allows; then removes one with
// re-encryption, and makes a new recovery key. Every new dialog is checked with axe. Long journeys
// go in steps, each with its own time budget (fixtures.ts), so a busy machine slows them without
// failing them.
import { expect, expectAccessible, PASSPHRASE, step, STEP_BUDGET_MS, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { ExportPage } from './pages/ExportPage';
import { MembersPage } from './pages/MembersPage';
import { screensOffered } from './pages/nav';
import { openSettings } from './pages/SettingsPage';
import { UnlockPage } from './pages/UnlockPage';
import { addMember, lockSeeded, refer, seedWorkspace } from './seed';

const ADE = 'copper lantern meadow quietly';
const KIM = 'orbit pebble saffron drizzle';

test('a coordinator adds members: a weak passphrase is refused beside the field, and the lock screen offers each by name', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await page.goto(harness.url);
  const members = new MembersPage(page);
  await members.goto();
  await expect(members.row('Sam Peer')).toContainText('(you)');

  await step('the add dialog explains itself, and refuses a weak passphrase beside the field', async () => {
    await members.openAdd();
    await members.fillAdd('Ade Worker', 'Peer support worker', 'password1');
    await members.addDialog().getByRole('button', { name: 'Add member' }).click();
    await expect(members.addDialog().getByText('Use at least 12 characters')).toBeVisible();
    await expectAccessible(page, 'add member dialog with an error');
    await members.addDialog().getByRole('button', { name: 'Cancel' }).click();
  });

  await step('a peer worker and a reporting member are added', async () => {
    await members.add('Ade Worker', 'Peer support worker', ADE);
    await members.add('Kim Reports', 'Reporting only', KIM);
    await expectAccessible(page, 'settings: members');
  });

  await step('the lock screen offers each by name; someone else’s passphrase with your name does not open it', async () => {
    await new CaseloadPage(page).lock();
    const unlock = new UnlockPage(page);
    await expect.poll(() => unlock.signIns()).toEqual(['Sam Peer', 'Ade Worker', 'Kim Reports']);
    await expectAccessible(page, 'lock screen: who is signing in');
    await unlock.unlockAs('Ade Worker', KIM);
    await expect(page.getByText('That passphrase is not right.')).toBeVisible();
  });
});

test('a peer worker sees the caseload, groups, reports and the return, not members or profiles, and changes their own passphrase', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await refer(harness.ctx, { preferredName: 'Amara Okonkwo' });
  await addMember(harness.ctx, 'Ade Worker', 'peer_worker', ADE);
  await lockSeeded(harness.ctx);
  await page.goto(harness.url);
  const unlock = new UnlockPage(page);
  const members = new MembersPage(page);
  const caseload = new CaseloadPage(page);

  await step('signed in as the peer worker: only the screens their role allows', async () => {
    await unlock.unlockAs('Ade Worker', ADE);
    await expect(page.getByRole('banner')).toContainText('Signed in as Ade Worker · Peer support worker');
    await expect(screensOffered(page)).toHaveText(['My day', 'Caseload', 'Groups', 'Reports', 'Export', 'Settings']);
    await caseload.goto();
    await expect(caseload.row('Amara Okonkwo')).toBeVisible();
    await openSettings(page, 'Your sign-in');
    await expect(page.getByRole('tablist', { name: 'Settings sections' }).getByRole('tab')).toHaveText(['Training and supervision', 'Backups', 'Your sign-in']);
    await expect(page.getByRole('heading', { name: 'Your sign-in' })).toBeVisible();
    await expect(members.panel()).toHaveCount(0);
    await expect(page.getByLabel('Lock after this many idle minutes')).toHaveCount(0);
    const exports = new ExportPage(page);
    await exports.goto();
    await expect(exports.section().getByLabel('What to export').locator('option')).toHaveText(['Monthly activity return (small numbers hidden)']);
    await expect(page.getByRole('heading', { name: /profiles/i })).toHaveCount(0);
  });

  await step('changing their own passphrase: a wrong current one is refused, then the change', async () => {
    await openSettings(page, 'Your sign-in');
    await members.changePassphrase('not my passphrase at all', 'tundra violin marble sequence');
    await expect(members.changePassphraseDialog().getByText('That passphrase is not right')).toBeVisible();
    await expectAccessible(page, 'change my passphrase dialog with an error');
    await members.changePassphraseDialog().getByLabel('Current passphrase').fill(ADE);
    await members.changePassphraseDialog().getByRole('button', { name: 'Change passphrase' }).click();
    await expect(members.changePassphraseDialog()).toBeHidden();
    await expect(page.getByText('Passphrase changed')).toBeVisible();
  });

  await step('the old passphrase no longer opens it; the new one does', async () => {
    await caseload.lock();
    await unlock.unlockAs('Ade Worker', ADE);
    await expect(page.getByText('That passphrase is not right.')).toBeVisible();
    await unlock.unlockAs('Ade Worker', 'tundra violin marble sequence');
    await expect(page.getByRole('banner')).toContainText('Ade Worker');
  });
});

test('a reporting member sees figures and the return only: no names, whole periods', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await refer(harness.ctx, { preferredName: 'Amara Okonkwo' });
  await addMember(harness.ctx, 'Kim Reports', 'reporting', KIM);
  await lockSeeded(harness.ctx);
  await page.goto(harness.url);
  await new UnlockPage(page).unlockAs('Kim Reports', KIM);
  await expect(page.getByRole('banner')).toContainText('Signed in as Kim Reports · Reporting only');
  await expect(screensOffered(page)).toHaveText(['Reports', 'Export', 'Settings']);
  await expect(page.getByRole('heading', { name: 'Reports', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: /data quality/i })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('Amara');
  // Whole months, quarters and years only: no custom range is offered.
  await expect(page.getByText('Last month', { exact: true })).toBeVisible();
  await expect(page.getByText('Custom range', { exact: true })).toHaveCount(0);
  await expectAccessible(page, 'reports as a reporting member');
});

test('a coordinator removes a member with re-encryption and makes a new recovery key', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await addMember(harness.ctx, 'Kim Reports', 'reporting', KIM);
  await page.goto(harness.url);
  const members = new MembersPage(page);
  await members.goto();
  const dialog = members.removeDialog('Kim Reports');

  // Re-encrypting the whole caseload is the slow part: its steps get twice the usual budget.
  await step('removing a member re-encrypts the caseload', async () => {
    await members.openRemove('Kim Reports');
    await expect(dialog).toContainText('will no longer be able to sign in');
    await expect(dialog.getByLabel('Re-encrypt the caseload now (recommended)')).toBeChecked();
    await expectAccessible(page, 'remove member dialog');
    await dialog.getByRole('button', { name: 'Remove Kim Reports' }).click();
    await expect(page.getByText('Kim Reports has been removed and the caseload re-encrypted.')).toBeVisible({ timeout: 2 * STEP_BUDGET_MS });
    await expect(members.row('Kim Reports')).toContainText('Removed');
    await expect(members.panel().getByRole('button', { name: 'Remove Kim Reports' })).toHaveCount(0);
    // Any removal offers a new recovery key, in case they saw it.
    await expect(dialog).toContainText('If they may have seen the recovery key');
    await expectAccessible(page, 'remove member: done');
  }, 2 * STEP_BUDGET_MS);

  const key = await step('a new recovery key: explained, shown once, checked, then the caseload re-encrypted', async () => {
    await dialog.getByRole('button', { name: 'Make a new recovery key' }).click();
    await expect(dialog).toBeHidden();
    const recovery = members.recoveryDialog();
    await expect(recovery).toContainText('stops working as soon as the new one is made');
    await expectAccessible(page, 'new recovery key: explained');
    await recovery.getByRole('button', { name: 'Make a new recovery key' }).click();
    const card = recovery.getByTestId('recovery-key');
    await expect(card).toBeVisible();
    const key = (await card.locator('p').allInnerTexts()).map((g) => g.trim()).join('-');
    expect(key).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    // Shown once: it cannot be dismissed before it is saved.
    await expect(recovery.getByRole('button', { name: 'Close' })).toHaveCount(0);
    await expectAccessible(page, 'new recovery key: shown');
    await recovery.getByRole('button', { name: 'I have saved my recovery key' }).click();
    const label = await recovery.getByText(/^Type group \d of your recovery key$/).innerText();
    await recovery.getByLabel(label).fill('ZZZZ');
    await recovery.getByRole('button', { name: 'Continue' }).click();
    await expect(recovery.getByText(/is not group \d of your recovery key/)).toBeVisible();
    await expectAccessible(page, 'new recovery key: check with an error');
    await recovery.getByLabel(label).fill(key.split('-')[Number(label.match(/group (\d)/)![1]) - 1]);
    await recovery.getByRole('button', { name: 'Continue' }).click();
    await expect(recovery).toBeHidden({ timeout: 2 * STEP_BUDGET_MS });
    await expect(page.getByText('New recovery key saved')).toBeVisible();
    return key;
  }, 2 * STEP_BUDGET_MS);

  await step('the lock screen offers only those who can still sign in; the new recovery key opens it', async () => {
    await new CaseloadPage(page).lock();
    const unlock = new UnlockPage(page);
    await unlock.expectLocked();
    await expect(page.getByRole('radiogroup', { name: 'Who is signing in' })).toHaveCount(0);
    await unlock.recover(key, 'granite pelican thistle morning');
    await expect(page.getByRole('banner')).toContainText('Signed in as Sam Peer · Coordinator');
    // The recovery replaced the coordinator's passphrase.
    await new CaseloadPage(page).lock();
    await unlock.unlock(PASSPHRASE);
    await expect(page.getByText('That passphrase is not right.')).toBeVisible();
    await unlock.unlock('granite pelican thistle morning');
    await expect(page.getByRole('banner')).toContainText('Sam Peer');
  });
});

test('removing a coordinator replaces the recovery key in the same step: shown once, retyped', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await addMember(harness.ctx, 'Alex Lead', 'coordinator', 'harbour violet lantern pebble');
  await page.goto(harness.url);
  const members = new MembersPage(page);
  await members.goto();
  const key = await step('the removal shows the new recovery key once, and it must be retyped', async () => {
    await members.openRemove('Alex Lead');
    const dialog = members.removeDialog('Alex Lead');
    await expect(dialog).toContainText('a new one is made now and shown once');
    await dialog.getByLabel('Re-encrypt the caseload now (recommended)').uncheck();
    await dialog.getByRole('button', { name: 'Remove Alex Lead' }).click();
    const card = dialog.getByTestId('recovery-key');
    await expect(card).toBeVisible();
    await expect(dialog).toContainText('The recovery key they may have known no longer works');
    await expect(members.row('Alex Lead')).toContainText('Removed');
    await expectAccessible(page, 'remove coordinator: the new recovery key');
    // Shown once: it cannot be dismissed before it is saved.
    await page.keyboard.press('Escape');
    await expect(card).toBeVisible();
    const key = (await card.locator('p').allInnerTexts()).map((g) => g.trim()).join('-');
    await dialog.getByRole('button', { name: 'I have saved my recovery key' }).click();
    const label = await dialog.getByText(/^Type group \d of your recovery key$/).innerText();
    await dialog.getByLabel(label).fill(key.split('-')[Number(label.match(/group (\d)/)![1]) - 1]);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    return key;
  });

  await step('the new key resets the remaining coordinator’s passphrase; Alex’s name is no longer offered', async () => {
    await new CaseloadPage(page).lock();
    const unlock = new UnlockPage(page);
    await unlock.expectLocked();
    await expect(page.getByRole('radiogroup', { name: 'Who is signing in' })).toHaveCount(0);
    await unlock.recover(key, 'granite pelican thistle morning');
    await expect(page.getByRole('banner')).toContainText('Signed in as Sam Peer · Coordinator');
  });
});
