// Screenshots for `npm run screenshots` (SHOTS=lists): the programme's own lists in Settings (a
// list with a retired entry and trust codes, the add dialog refused, the change dialog), training
// and supervision (a coordinator's view with entries, the record dialog refused), a worker's own
// development, and a group event's "online or in person".
import type { Browser, Page } from '@playwright/test';
import { startHarness } from '../../harness/server';
import { daysAgo, must, tempDir } from '../../support/workspace';
import { CaseloadPage } from '../pages/CaseloadPage';
import { goTo } from '../pages/nav';
import { ProgrammeListsPage } from '../pages/ProgrammeListsPage';
import { openSettings } from '../pages/SettingsPage';
import { UnlockPage } from '../pages/UnlockPage';
import { refer, seedWorkspace } from '../seed';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;

const WORKER = 'copper lantern meadow quietly';

export async function programmeListScreens(browser: Browser, shot: Shot) {
  const { dir, cleanup } = tempDir('caseload-shots-lists-');
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  const settle = () => page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' }).catch(() => undefined);
  try {
    const { ctx } = harness;
    await seedWorkspace(ctx);
    const person = await refer(ctx, { preferredName: 'Amara Okonkwo', referredDaysAgo: 20 });
    await must(ctx, 'lists.add', { list: 'contact_type', label: 'Counselling', trustCode: 'CNS' });
    await must(ctx, 'lists.add', { list: 'contact_type', label: 'Life coaching', trustCode: 'LC01' });
    await must(ctx, 'lists.add', { list: 'contact_type', label: 'Hypnotherapy with a very long name that a trust insisted on for its returns', trustCode: 'HYP-LONG-CODE-01' });
    await must(ctx, 'contacts.create', { episodeId: person.episodes[0].id, contactOn: daysAgo(3), type: 'accompaniment', mode: 'phone', attendance: 'attended' });
    await must(ctx, 'lists.change', { list: 'contact_type', code: 'accompaniment', retired: true });
    await must(ctx, 'members.add', { name: 'Ade Worker', role: 'peer_worker', passphrase: WORKER });
    const me = (await must(ctx, 'members.list', {})).find((m) => m.isYou)!;
    const ade = (await must(ctx, 'members.list', {})).find((m) => m.name === 'Ade Worker')!;
    await must(ctx, 'development.record', { memberId: me.id, kind: 'supervision', heldOn: daysAgo(10), supervisor: 'Dr Okafor (clinical psychologist)', jointWithClinic: true, hours: 1 });
    await must(ctx, 'development.record', { memberId: me.id, kind: 'training', heldOn: daysAgo(25), title: 'Safeguarding adults level 2', hours: 3.5 });
    await must(ctx, 'development.record', { memberId: me.id, kind: 'cpd', heldOn: daysAgo(30), title: 'Reading: BHIVA standards for psychological support', hours: 1.25 });
    await must(ctx, 'development.record', { memberId: ade.id, kind: 'supervision', heldOn: daysAgo(5), supervisor: 'Sam Peer', hours: 1 });

    await page.goto(harness.url);
    const lists = new ProgrammeListsPage(page);
    await lists.goto();
    await shot(page, '90-settings-programme-lists', true);
    await page.getByRole('button', { name: 'Add an entry' }).click();
    await lists.dialog().getByRole('button', { name: 'Add entry' }).click();
    await lists.dialog().getByText('There is a problem').waitFor();
    await shot(page, '91-programme-list-add-error');
    await lists.dialog().getByRole('button', { name: 'Cancel' }).click();
    await lists.change('Accompaniment to an appointment');
    await shot(page, '92-programme-list-change-retired');
    await lists.dialog().getByRole('button', { name: 'Cancel' }).click();
    await page.setViewportSize({ width: 480, height: 900 });
    await shot(page, '93-programme-lists-narrow', true);
    await page.setViewportSize({ width: 1280, height: 800 });

    await openSettings(page, 'Training and supervision');
    await page.getByRole('table', { name: /^Development of/ }).waitFor();
    await shot(page, '94-settings-development-coordinator', true);
    await page.getByRole('button', { name: 'Record development' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog').getByText('There is a problem').waitFor();
    await shot(page, '95-development-record-error');
    await page.getByRole('dialog').getByRole('radio', { name: 'Training' }).check();
    await shot(page, '96-development-record-training');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await settle();

    await goTo(page, 'Groups');
    await page.getByRole('button', { name: 'New event' }).first().click();
    await page.getByRole('dialog').getByLabel('How it is held (optional)').click();
    await shot(page, '97-group-event-mode');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    await new CaseloadPage(page).lock();
    await new UnlockPage(page).unlockAs('Ade Worker', WORKER);
    await new CaseloadPage(page).goto();
    await openSettings(page, 'Training and supervision');
    await page.getByRole('table', { name: /^Development of/ }).waitFor();
    await shot(page, '98-settings-development-worker', true);
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}
