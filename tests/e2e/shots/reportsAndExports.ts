// Screenshots for `npm run screenshots`: Reports with a busy caseload (its wellbeing pairs and the
// year's trend), the team's training and supervision (with figures, for one site, at 320 CSS px,
// and empty), a drill-down, an empty period and a new caseload; Export's preview, the file
// type, progress, done message, the identifiable
// confirmation, the profile editor (with its errors) and a refused profile file.
import type { Browser, Locator, Page } from '@playwright/test';
import { repoMigrationsDir } from '../../../core/api/context';
import { lastMonth, previousPeriod } from '../../../core/domain/export/periods';
import { todayIso } from '../../../core/domain/dates';
import { loadMigrations } from '../../../db/migrate';
import { insertPeople } from '../../../db/queries/bulk';
import { closeWorkspace, createWorkspace } from '../../../db/workspace';
import { syntheticPeople } from '../../../db/synthetic';
import { startHarness } from '../../harness/server';
import { must, tempDir } from '../../support/workspace';
import { PASSPHRASE } from '../fixtures';
import { ExportPage } from '../pages/ExportPage';
import { ReportsPage } from '../pages/ReportsPage';
import { UnlockPage } from '../pages/UnlockPage';
import { refer, seedWorkspace } from '../seed';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;

const options = { viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' } as const;
/** Scrolls a part of the screen to the top of the window, below the app's header, for a picture of it. */
const startOf = (part: Locator) =>
  part.evaluate((el) => {
    (el as unknown as { scrollIntoView: (o: { block: string }) => void }).scrollIntoView({ block: 'start' });
    (globalThis as unknown as { scrollBy: (x: number, y: number) => void }).scrollBy(0, -80);
  });
// Toasts from a previous step would cover the top right of the next picture.
const settle = (page: Page) => page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' }).catch(() => undefined);

export async function reportsAndExportScreens(browser: Browser, shot: Shot) {
  await newCaseload(browser, shot);
  await busyCaseload(browser, shot);
}

/** A caseload with no one on it: what Reports and Export say before there is anything to count. */
async function newCaseload(browser: Browser, shot: Shot) {
  const { dir, cleanup } = tempDir('caseload-shots-reports-empty-');
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage(options);
  try {
    await seedWorkspace(harness.ctx);
    await page.goto(harness.url);
    const reports = new ReportsPage(page);
    await reports.goto();
    await page.getByText(/^Nothing recorded for/).waitFor();
    await page.getByText('Every open case has its demographics recorded.').waitFor();
    await shot(page, '80-reports-new-caseload', true);
    await reports.teamDevelopment().getByText(/^No training, supervision or CPD recorded/).waitFor();
    await startOf(reports.teamDevelopment());
    await shot(page, '80b-reports-development-empty');
    // The whole screen at 320 CSS px, from its top (the header stays fixed where the window is).
    await page.setViewportSize({ width: 320, height: 720 });
    await page.mouse.wheel(0, -10_000);
    await shot(page, '80c-reports-development-empty-320', true);
    await page.setViewportSize(options.viewport);
    const exports = new ExportPage(page);
    await exports.goto();
    await page.getByText('No exports yet').waitFor();
    await exports.previewRows().first().waitFor();
    await shot(page, '81-export-new-caseload', true);
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}

async function busyCaseload(browser: Browser, shot: Shot) {
  const { dir, cleanup } = tempDir('caseload-shots-reports-');
  const { workspace } = await createWorkspace(
    { dataDir: dir, migrations: loadMigrations(repoMigrationsDir()) },
    { organisation: 'Synthetic Training Clinic', displayName: 'Training Coordinator', passphrase: PASSPHRASE },
  );
  insertPeople(workspace, syntheticPeople(1500, 11, new Date()));
  // Two clinic sites with the caseload split between them: the site picker and the by-site charts.
  workspace.db.exec(`INSERT INTO sites (name, ods_code, active) VALUES ('Riverside Clinic', 'RQM01', 1), ('Northside Clinic', 'RQM02', 1);
    UPDATE people SET clinic_site_id = 1 + (id % 2);`);
  closeWorkspace(workspace);
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage(options);
  try {
    await page.goto(harness.url);
    await new UnlockPage(page).unlock(PASSPHRASE);
    await page.getByRole('heading', { name: 'My day', level: 2 }).waitFor({ timeout: 60_000 });
    const ctx = harness.ctx;
    // A few referrals with gaps to fix, and a workshop last month.
    const last = lastMonth(todayIso());
    for (const [i, name] of ['Oluwaseun Adebayo-Whitfield-Montgomery', 'Jo Test', 'Priya Example'].entries()) {
      await refer(ctx, { preferredName: name, referralReceivedOn: `${last.start.slice(0, 8)}${String(3 + i * 7).padStart(2, '0')}` });
    }
    const people = (await must(ctx, 'people.list', { limit: 12, sort: 'name' })).rows;
    const workshop = await must(ctx, 'groups.create', { type: 'recently_diagnosed_workshop', title: 'Living well', heldOn: `${last.start.slice(0, 8)}14`, startTime: '14:00', facilitator: 'Training Coordinator', siteId: null, mode: 'online' });
    for (const [i, p] of people.entries()) await must(ctx, 'groups.setRegistration', { eventId: workshop.id, personId: p.id, registered: true, attended: i % 3 !== 0 });
    // The team's training and supervision last month and the month before.
    await must(ctx, 'members.add', { name: 'Ade Worker', role: 'peer_worker', passphrase: 'copper lantern meadow quietly' });
    const members = await must(ctx, 'members.list', {});
    const [me, ade] = [members.find((m) => m.isYou)!.id, members.find((m) => m.name === 'Ade Worker')!.id];
    const on = (p: { start: string }, d: number) => `${p.start.slice(0, 8)}${String(d).padStart(2, '0')}`;
    const before = previousPeriod(last);
    for (const [memberId, heldOn, jointWithClinic] of [[ade, on(last, 4), true], [ade, on(last, 18), false], [me, on(last, 11), true], [ade, on(before, 6), false]] as const) {
      await must(ctx, 'development.record', { memberId, kind: 'supervision', heldOn, supervisor: 'Dr Okafor', jointWithClinic });
    }
    await must(ctx, 'development.record', { memberId: ade, kind: 'training', heldOn: on(last, 9), title: 'Safeguarding adults level 2', hours: 6 });
    await must(ctx, 'development.record', { memberId: me, kind: 'training', heldOn: on(last, 20), title: 'HIV update', hours: 2.25 });
    await must(ctx, 'development.record', { memberId: ade, kind: 'cpd', heldOn: on(last, 25), title: 'Reading: BHIVA standards', hours: 1.5 });

    const reports = new ReportsPage(page);
    await reports.goto();
    await reports.figure('Referrals received').waitFor();
    await settle(page);
    await shot(page, '82-reports-last-month');
    await shot(page, '82b-reports-last-month-full', true);
    await reports.wellbeing().scrollIntoViewIfNeeded();
    await shot(page, '82c-reports-wellbeing-pairs');
    await reports.trend().getByRole('img', { name: /^Line chart/ }).waitFor();
    await reports.trend().scrollIntoViewIfNeeded();
    await shot(page, '82d-reports-trend');
    // Issue 15's measures, a group at a time, from its heading.
    for (const [name, section] of [
      ['82e-reports-support-and-sites', 'Support and sites'],
      ['82f-reports-referrals-waiting', 'Referrals, waiting and first contact'],
      ['82g-reports-groups-and-events', 'Groups and events'],
      ['82h-reports-signposting-care-goals', 'Signposting, care, goals and closures'],
    ] as const) {
      await page.getByRole('heading', { name: section, level: 3 }).evaluate((el) => (el as unknown as { scrollIntoView: (o: { block: string }) => void }).scrollIntoView({ block: 'start' }));
      await shot(page, name);
    }
    // One site's figures: the picker, then all sites again for the pictures after.
    await reports.page.mouse.wheel(0, -10_000);
    const site = page.getByRole('combobox', { name: 'Site' });
    await site.selectOption({ label: 'Northside Clinic (RQM02)' });
    await page.getByRole('status', { name: 'Working out the figures' }).waitFor({ state: 'detached' });
    await shot(page, '82i-reports-one-site');
    await startOf(reports.teamDevelopment());
    await shot(page, '82j-reports-development-one-site');
    await site.selectOption({ label: 'All sites' });
    await page.getByRole('status', { name: 'Working out the figures' }).waitFor({ state: 'detached' });
    // The team's training and supervision: on a wide window, then at WCAG's 320 CSS px.
    await reports.teamDevelopment().getByRole('table').waitFor();
    await startOf(reports.teamDevelopment());
    await shot(page, '82k-reports-development');
    await page.setViewportSize({ width: 320, height: 720 });
    await startOf(reports.teamDevelopment());
    await shot(page, '82l-reports-development-320');
    await page.setViewportSize(options.viewport);
    await reports.page.mouse.wheel(0, -10_000);
    await reports.showAsTable('Referrals by pathway');
    await reports.chart('Referrals by pathway').getByRole('button', { name: /^Show the records: Opt-out: new diagnosis/ }).click();
    await reports.drawer().getByRole('table').waitFor();
    await shot(page, '83-reports-drill-down');
    await reports.drawer().getByRole('button', { name: 'Close' }).click();
    await reports.figure('Did not attend (DNA) rate').getByRole('button', { name: /^Show the records/ }).click();
    await reports.drawer().getByRole('table').waitFor();
    await shot(page, '83b-reports-drill-down-dna');
    await reports.drawer().getByRole('button', { name: 'Close' }).click();
    await reports.choose('Quarter');
    await reports.figure('Referrals received').waitFor();
    await shot(page, '84-reports-quarter');
    await reports.choose('Month');
    await reports.set('Year', '2015');
    await page.getByText(/^Nothing recorded for/).waitFor();
    await shot(page, '85-reports-empty-period');

    const exports = new ExportPage(page);
    await exports.goto();
    await exports.previewRows().first().waitFor();
    await shot(page, '86-export-return-preview');
    await exports.chooseProfile('Referrals (pseudonymised)');
    await exports.previewRows().first().waitFor();
    await shot(page, '87-export-referrals-preview');
    // The file type: an Excel workbook chosen (the export below is saved as one).
    await exports.fileType('Excel workbook (.xlsx)').check();
    await shot(page, '87b-export-referrals-excel', true);

    // Progress is shown while exports.run is pending: hold the run and show a fixed point.
    let release: () => void = () => undefined;
    const held = new Promise<void>((ok) => (release = ok));
    await page.route('**/__harness/api/exports.run', async (route) => {
      await held;
      await route.continue();
    });
    await page.route('**/__harness/api/exports.progress', (route) => route.fulfill({ json: { ok: true, value: { running: true, done: 4_200, total: 10_000 } } }));
    await exports.exportButton().click();
    await page.getByText('4,200 of 10,000 rows written (42%)').waitFor();
    await shot(page, '88-export-progress');
    await page.unroute('**/__harness/api/exports.progress');
    release();
    await exports.done().waitFor();
    await page.unroute('**/__harness/api/exports.run');
    await exports.done().scrollIntoViewIfNeeded();
    await shot(page, '89-export-done');

    await must(ctx, 'exports.saveProfile', {
      id: 'trust_contact_list',
      name: 'Trust contact list',
      dataset: 'referrals',
      identifiable: true,
      columns: [{ id: 'case_id' }, { id: 'preferred_name' }, { id: 'nhs_number' }, { id: 'date_of_birth' }, { id: 'referral_received_on', header: 'Referred' }, { id: 'referral_status' }],
    });
    // Coming back to Export asks for the profiles again.
    await reports.goto();
    await exports.goto();
    await exports.chooseProfile('Trust contact list (identifiable)');
    await page.getByText('This export names people').waitFor();
    await shot(page, '90-export-identifiable-preview');
    await exports.password('correct battery horse staple');
    await exports.exportButton().click();
    await exports.confirmDialog().waitFor();
    await shot(page, '91-export-confirm-identifiable');
    await exports.confirmDialog().getByRole('button', { name: 'Go back' }).click();

    await exports.newProfile();
    await exports.editor().getByRole('button', { name: 'Add profile' }).click();
    await exports.editor().getByText('Choose at least one column.').first().waitFor();
    await shot(page, '92-profile-editor-errors');
    await exports.editor().getByLabel('Profile name').fill('Commissioner quarterly (borough)');
    for (const column of ['Case ID', 'Referral date', 'Referral source', 'Borough', 'Age band']) await exports.addColumn(column);
    await exports.editor().getByLabel('Header for Referral source (column 3)').fill('SOURCE_OF_REFERRAL');
    await exports.editor().getByRole('button', { name: 'Move Borough up' }).click();
    await exports.editor().getByLabel('31/10/2026 (DD/MM/YYYY)').check();
    await shot(page, '93-profile-editor');
    await exports.editor().getByRole('button', { name: 'Add profile' }).click();
    await exports.editor().waitFor({ state: 'detached' });

    await exports.importProfile('from-the-trust.json', JSON.stringify({ format: 'peer-caseload-export-profile', version: 1, profile: { id: 'Trust Return', name: '', dataset: 'referrals', columns: [{ id: 'postcode' }] } }));
    await exports.importError().waitFor();
    await settle(page);
    await exports.importError().scrollIntoViewIfNeeded();
    await shot(page, '94-profile-import-error');
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}
