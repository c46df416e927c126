// Screenshots of information governance for `npm run screenshots`: the subject access dialog on a
// record with a long name (choosing, saved as PDF, saved as CSV), the Past retention filter, the
// Retention panel with a long list, the delete confirmation refusing a wrong number, and after.
import type { Browser, Page } from '@playwright/test';
import { startHarness } from '../../harness/server';
import { must, tempDir } from '../../support/workspace';
import { CaseloadPage } from '../pages/CaseloadPage';
import { PersonPage } from '../pages/PersonPage';
import { SettingsPage } from '../pages/SettingsPage';
import { contact, daysAgo, refer, seedWorkspace } from '../seed';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;

const LONG_NAME = 'Oluwaseun Adebayo-Whitfield-Montgomery-Kensington Testperson-Longname';

export async function governanceScreens(browser: Browser, shot: Shot): Promise<void> {
  const { dir, cleanup } = tempDir('caseload-shots-governance-');
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  try {
    const ctx = harness.ctx;
    await seedWorkspace(ctx);
    const p = await refer(ctx, { preferredName: LONG_NAME, nhsNumber: '9434765919', referredDaysAgo: 60 });
    await contact(ctx, p, { contactOn: daysAgo(50), attendance: 'attended', note: 'First meeting in clinic.' });
    // Twelve records closed about nine years ago, and one closed last year.
    for (let i = 0; i < 12; i++) {
      const old = await refer(ctx, { preferredName: `Former Client ${i + 1}`, referredDaysAgo: 3300 + i * 40 });
      await must(ctx, 'episodes.close', { episodeId: old.episodes[0].id, closedOn: daysAgo(3200 + i * 40), reason: 'goals_met' });
    }
    const recent = await refer(ctx, { preferredName: 'Recently Closed', referredDaysAgo: 400 });
    await must(ctx, 'episodes.close', { episodeId: recent.episodes[0].id, closedOn: daysAgo(300), reason: 'moved_away' });

    await page.goto(harness.url);
    const caseload = new CaseloadPage(page);
    const person = new PersonPage(page);
    await caseload.goto();
    await caseload.open(LONG_NAME);
    await shot(page, '70-person-header-subject-access');
    const dialog = await person.openSubjectAccess();
    await shot(page, '71-subject-access-choose');
    await dialog.getByRole('button', { name: 'Make the copy' }).click();
    await dialog.getByText('Copy saved').waitFor();
    await shot(page, '72-subject-access-pdf-saved');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const again = await person.openSubjectAccess();
    await again.getByRole('radio', { name: 'CSV data file (opens in Excel)' }).check();
    await again.getByRole('button', { name: 'Make the copy' }).click();
    await again.getByText('Copy saved').waitFor();
    await shot(page, '73-subject-access-csv-saved');
    await again.getByRole('button', { name: 'Done' }).click();

    await caseload.goto();
    // The caseload comes back searched as it was left (for the record above): clear the search.
    await caseload.search('');
    await page.getByRole('group', { name: 'Find people' }).getByRole('checkbox', { name: /^Past retention/ }).check();
    await page.getByText('12 people match these filters').waitFor();
    await shot(page, '74-caseload-past-retention');

    const settings = new SettingsPage(page);
    await settings.goto('Retention');
    await settings.retention().scrollIntoViewIfNeeded();
    await settings.retentionRows().first().waitFor();
    await shot(page, '75-settings-retention-list');
    await settings.retention().getByRole('button', { name: 'Delete these records' }).click();
    await settings.deleteDialog().getByLabel('Type 12 to confirm').fill('21');
    await settings.deleteDialog().getByText('Type 12, the number of records listed.').waitFor();
    await shot(page, '76-retention-delete-wrong-number');
    await settings.deleteDialog().getByLabel('Type 12 to confirm').fill('12');
    await settings.deleteDialog().getByRole('button', { name: 'Delete 12 records' }).click();
    await settings.retention().getByText('No records are past retention.').waitFor();
    await settings.retention().scrollIntoViewIfNeeded();
    await shot(page, '77-settings-retention-after-delete');
    await settings.set('Keep a record this many years after support ends', '0');
    await settings.save();
    await page.getByText('Enter at least 1.').first().waitFor();
    // Centred, so the app's fixed header does not cover it.
    await page.getByLabel('Keep a record this many years after support ends').evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }));
    await shot(page, '78-settings-retention-years-error');
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}
