// Screenshots for `npm run screenshots` (SHOTS=workerActs): the worker's commonest acts and the
// manager's screens in plain words. Add person and Details with given and family names; the
// caseload sorted by name (accents with their letters) and a row reached from the search by ↓;
// newly diagnosed "Not known"; My day's overdue in amber beside a risk in red; a report card in the
// singular; the export profile editor's "Who will open the file" and its Advanced settings; the
// profiles list; Settings in sections, wide and narrow.
import type { Browser, Page } from '@playwright/test';
import { lastMonth } from '../../../core/domain/export/periods';
import { startHarness, type Harness } from '../../harness/server';
import { must, tempDir } from '../../support/workspace';
import { CaseloadPage } from '../pages/CaseloadPage';
import { ExportPage } from '../pages/ExportPage';
import { PersonPage } from '../pages/PersonPage';
import { openSettings } from '../pages/SettingsPage';
import { contact, daysAgo, refer, seedWorkspace } from '../seed';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;

const options = { viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' } as const;
const settle = (page: Page) => page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' }).catch(() => undefined);

async function withHarness(browser: Browser, walk: (page: Page, harness: Harness) => Promise<void>) {
  const { dir, cleanup } = tempDir('caseload-shots-acts-');
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage(options);
  try {
    await seedWorkspace(harness.ctx);
    await walk(page, harness);
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}

export async function workerActsScreens(browser: Browser, shot: Shot) {
  await withHarness(browser, async (page, harness) => {
    const names = ['Zoë Nguyễn-Đặng', 'Ábel Kovács', 'adam Smith', 'Åsa Lindqvist', 'BEN Okafor', 'éric Dubois', 'Łucja Nowak', 'Chidi Eze'];
    for (const preferredName of names) await refer(harness.ctx, { preferredName });
    const late = await refer(harness.ctx, { preferredName: 'Bola Adeyemi', referredDaysAgo: 30 });
    await must(harness.ctx, 'risks.raise', { personId: late.id, raisedOn: daysAgo(1), description: 'Said they felt unsafe at home' });
    await page.goto(harness.url);
    await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor();
    await page.getByRole('list', { name: 'Today at a glance' }).waitFor();
    await shot(page, '130-my-day-overdue-amber-risk-red');

    const caseload = new CaseloadPage(page);
    await caseload.goto();
    await page.getByRole('combobox', { name: 'Sort by' }).click();
    await page.getByRole('option', { name: /^Name/ }).click();
    await caseload.rows().first().waitFor();
    await shot(page, '131-caseload-sorted-by-name');
    await page.getByRole('textbox', { name: 'Search' }).focus();
    await page.keyboard.type('nguyen');
    await page.keyboard.press('ArrowDown');
    await caseload.row('Zoë Nguyễn-Đặng').and(page.locator(':focus')).waitFor();
    await shot(page, '132-caseload-search-down-arrow');

    await caseload.openAddPerson();
    const dialog = caseload.addDialog();
    await dialog.getByLabel('Preferred name').fill('Kemi');
    await dialog.getByLabel('Given name (optional)').fill('Oluwakemi');
    await dialog.getByLabel('Family name (optional)').fill('Adébáyọ̀');
    await shot(page, '133-add-person-given-family-names');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.keyboard.press('Escape');
    await caseload.search('');
    await caseload.open('Chidi Eze');
    const person = new PersonPage(page);
    await person.openTab('Referral');
    await page.getByText('Not known').waitFor();
    await shot(page, '134-referral-newly-diagnosed-not-known');
    await person.openTab('Details');
    await page.getByLabel('Given name (optional)').fill('Chidiebere');
    await page.getByLabel('Family name (optional)').fill('Eze');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Details saved').first().waitFor();
    await settle(page);
    await page.getByRole('tab', { name: 'Details' }).scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, '135-person-details-given-family-names');
  });

  // One contact and one person last month: the report card in the singular.
  await withHarness(browser, async (page, harness) => {
    const last = lastMonth(daysAgo(0));
    const at = `${last.start.slice(0, 8)}10`;
    const amara = await refer(harness.ctx, { preferredName: 'Amara Okonkwo', referralReceivedOn: at });
    await contact(harness.ctx, amara, { contactOn: at, attendance: 'attended', minutes: 30 });
    await page.goto(harness.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
    await page.getByText('1 contact, 1 person').waitFor();
    await shot(page, '136-reports-singular');
  });

  // The export profile editor, and the list of profiles.
  await withHarness(browser, async (page, harness) => {
    await page.goto(harness.url);
    const exports = new ExportPage(page);
    await exports.goto();
    await exports.newProfile();
    const editor = exports.editor();
    await editor.getByLabel('Profile name').fill('Trust system feed');
    await shot(page, '137a-profile-editor-name-no-id');
    for (const column of ['Case ID', 'Referral date', 'Referral source']) await exports.addColumn(column);
    await editor.getByRole('radio', { name: 'For the trust’s system' }).check();
    await shot(page, '137-profile-editor-presets');
    await editor.getByRole('button', { name: /^Advanced/ }).click();
    await editor.getByLabel('Line endings').waitFor();
    await editor.getByLabel('Start with a byte-order mark (BOM)').scrollIntoViewIfNeeded();
    await shot(page, '138-profile-editor-advanced');
    await editor.getByRole('button', { name: 'Add profile' }).click();
    await editor.waitFor({ state: 'detached' });
    await settle(page);
    await page.getByRole('table', { name: 'Export profiles' }).scrollIntoViewIfNeeded();
    await shot(page, '139-export-profiles-formats');
  });

  // Settings in sections: wide, then narrow (as at 200% zoom on a small screen).
  await withHarness(browser, async (page, harness) => {
    await page.goto(harness.url);
    await openSettings(page, 'Caseload rules');
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    await shot(page, '140-settings-caseload-rules');
    await openSettings(page, 'Members and sign-in');
    await page.getByRole('heading', { name: 'Members', level: 3 }).waitFor();
    await shot(page, '141-settings-members-and-sign-in', true);
    await page.setViewportSize({ width: 640, height: 800 });
    await openSettings(page, 'Reporting');
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    await shot(page, '142-settings-reporting-narrow', true);
  });
}
