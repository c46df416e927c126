// Screenshots for `npm run screenshots`: members and roles. The coordinator's members panel and
// its dialogs (add with an error, remove with re-encryption, a new recovery key), the lock
// screen's "Who is signing in", and the app as a peer worker and as a reporting member see it.
import type { Browser, Page } from '@playwright/test';
import { startHarness } from '../../harness/server';
import { must, tempDir } from '../../support/workspace';
import { PASSPHRASE } from '../fixtures';
import { CaseloadPage } from '../pages/CaseloadPage';
import { MembersPage } from '../pages/MembersPage';
import { goTo } from '../pages/nav';
import { openSettings } from '../pages/SettingsPage';
import { UnlockPage } from '../pages/UnlockPage';
import { refer, seedWorkspace } from '../seed';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;

const WORKER = 'copper lantern meadow quietly';
const REPORTER = 'orbit pebble saffron drizzle';

export async function membersScreens(browser: Browser, shot: Shot) {
  const { dir, cleanup } = tempDir('caseload-shots-members-');
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  // Toasts from a previous step would cover the top right of the next picture.
  const settle = () => page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' }).catch(() => undefined);
  try {
    await seedWorkspace(harness.ctx);
    await refer(harness.ctx, { preferredName: 'Amara Okonkwo' });
    await must(harness.ctx, 'members.add', { name: 'Ade Worker', role: 'peer_worker', passphrase: WORKER });
    await must(harness.ctx, 'members.add', { name: 'Kim Reports', role: 'reporting', passphrase: REPORTER });
    await must(harness.ctx, 'members.add', { name: 'Priya Former-Colleague', role: 'peer_worker', passphrase: 'harbour violin quartz meadow' });
    const former = (await must(harness.ctx, 'members.list', {})).find((m) => m.name.startsWith('Priya'))!;
    await must(harness.ctx, 'members.remove', { id: former.id, rekey: false });
    await page.goto(harness.url);
    const members = new MembersPage(page);
    await members.goto();
    await members.panel().scrollIntoViewIfNeeded();
    await shot(page, '70-settings-members');

    await members.openAdd();
    await members.fillAdd('Lee New-Starter', 'Peer support worker', 'password1');
    await members.addDialog().getByRole('button', { name: 'Add member' }).click();
    await members.addDialog().getByText('Use at least 12 characters').waitFor();
    await shot(page, '71-add-member-errors');
    await members.addDialog().getByRole('button', { name: 'Cancel' }).click();

    await members.openRemove('Kim Reports');
    await shot(page, '72-remove-member');
    await members.removeDialog('Kim Reports').getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Make a new recovery key' }).click();
    await shot(page, '73-new-recovery-key-explained');
    await members.recoveryDialog().getByRole('button', { name: 'Make a new recovery key' }).click();
    await members.recoveryDialog().getByTestId('recovery-key').waitFor();
    await shot(page, '74-new-recovery-key-shown');
    await members.recoveryDialog().getByRole('button', { name: 'I have saved my recovery key' }).click();
    await shot(page, '75-new-recovery-key-check');
    // Finish it properly: the key read off the screen and typed back, then the re-encryption.
    await members.recoveryDialog().getByRole('button', { name: 'Show the key again' }).click();
    const groups = (await members.recoveryDialog().getByTestId('recovery-key').locator('p').allInnerTexts()).map((g) => g.trim());
    await members.recoveryDialog().getByRole('button', { name: 'I have saved my recovery key' }).click();
    const label = await members.recoveryDialog().getByText(/^Type group \d of your recovery key$/).innerText();
    await members.recoveryDialog().getByLabel(label).fill(groups[Number(label.match(/group (\d)/)![1]) - 1]);
    await members.recoveryDialog().getByRole('button', { name: 'Continue' }).click();
    await members.recoveryDialog().waitFor({ state: 'hidden', timeout: 30_000 });
    await settle();

    await page.getByRole('button', { name: 'Change my passphrase' }).click();
    await members.changePassphraseDialog().getByRole('button', { name: 'Change passphrase' }).click();
    await members.changePassphraseDialog().getByText('Enter your current passphrase.').waitFor();
    await shot(page, '76-change-passphrase-errors');
    await members.changePassphraseDialog().getByRole('button', { name: 'Cancel' }).click();

    const caseload = new CaseloadPage(page);
    await caseload.lock();
    const unlock = new UnlockPage(page);
    await page.getByRole('radiogroup', { name: 'Who is signing in' }).waitFor();
    await shot(page, '77-lock-screen-who-is-signing-in');

    await unlock.unlockAs('Ade Worker', WORKER);
    await openSettings(page, 'Your sign-in');
    await page.getByRole('heading', { name: 'Your sign-in' }).waitFor();
    await shot(page, '78-settings-as-peer-worker');
    await caseload.lock();

    await unlock.unlockAs('Kim Reports', REPORTER);
    await page.getByRole('heading', { name: 'Reports', level: 2 }).waitFor();
    await page.getByRole('list', { name: /^Figures for/ }).waitFor().catch(() => undefined);
    await shot(page, '79-reports-as-reporting-member');
    await goTo(page, 'Export');
    await page.getByRole('heading', { name: 'Export', level: 2 }).waitFor();
    await shot(page, '80-export-as-reporting-member');
    await caseload.lock();
    await unlock.unlockAs('Sam Peer', PASSPHRASE);
    // Finish signing in before the folder is removed, or the unlock would find it gone.
    await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();

    // A coordinator leaves: the recovery key they may know is replaced in the same step.
    await must(harness.ctx, 'members.add', { name: 'Alex Lead-Coordinator', role: 'coordinator', passphrase: 'harbour violet lantern pebble' });
    await members.goto();
    await members.openRemove('Alex Lead-Coordinator');
    await shot(page, '81-remove-coordinator');
    await members.removeDialog('Alex Lead-Coordinator').getByLabel('Re-encrypt the caseload now (recommended)').uncheck();
    await members.removeDialog('Alex Lead-Coordinator').getByRole('button', { name: 'Remove Alex Lead-Coordinator' }).click();
    await members.removeDialog('Alex Lead-Coordinator').getByTestId('recovery-key').waitFor();
    await settle();
    await shot(page, '82-remove-coordinator-new-recovery-key');
    // Typed back, the dialog closes; then Ade's removal offers a new key too.
    const shown = (await members.removeDialog('Alex Lead-Coordinator').getByTestId('recovery-key').locator('p').allInnerTexts()).map((g) => g.trim());
    await members.removeDialog('Alex Lead-Coordinator').getByRole('button', { name: 'I have saved my recovery key' }).click();
    const asked = await members.removeDialog('Alex Lead-Coordinator').getByText(/^Type group \d of your recovery key$/).innerText();
    await members.removeDialog('Alex Lead-Coordinator').getByLabel(asked).fill(shown[Number(asked.match(/group (\d)/)![1]) - 1]);
    await members.removeDialog('Alex Lead-Coordinator').getByRole('button', { name: 'Done' }).click();
    await members.removeDialog('Alex Lead-Coordinator').waitFor({ state: 'hidden' });
    await members.openRemove('Ade Worker');
    await members.removeDialog('Ade Worker').getByLabel('Re-encrypt the caseload now (recommended)').uncheck();
    await members.removeDialog('Ade Worker').getByRole('button', { name: 'Remove Ade Worker' }).click();
    await members.removeDialog('Ade Worker').getByText('If they may have seen the recovery key').waitFor();
    await settle();
    await shot(page, '83-remove-member-offers-new-key');
    await members.removeDialog('Ade Worker').getByRole('button', { name: 'Done' }).click();

    // Sam's passphrase reset with the recovery key: told at the next sign-in.
    await caseload.lock();
    await unlock.recover(shown.join('-'), 'granite pelican thistle morning');
    await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
    await caseload.lock();
    await unlock.unlockAs('Sam Peer', 'granite pelican thistle morning');
    await page.getByText('Your passphrase was reset with the recovery key').waitFor();
    await shot(page, '84-passphrase-reset-notice');
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}
