// A clinic manager's month end: the reports for last month compared with the month before, the
// people behind a figure, the data gaps to fix, the monthly return exported and its file read
// back, a profile that names people (confirmed, encrypted, logged), and profile files from a
// trust, good and bad. Long journeys go in steps, each with its own time budget (fixtures.ts).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, expectAccessible, step, test } from './fixtures';
import { ExportPage } from './pages/ExportPage';
import { ReportsPage } from './pages/ReportsPage';
import { seedWorkspace, shown } from './seed';
import { LAST_MONTH_SELF, NO_DEMOGRAPHICS, seedTwoMonths } from './seedReturns';

type ReturnRow = { period: string; measure: string; breakdown: string; category: string; value: string };

test('a manager exports last month’s monthly return, and the saved file holds the figures', async ({ page, harness, dataDir }) => {
  await seedWorkspace(harness.ctx);
  const { last } = await seedTwoMonths(harness.ctx);
  await page.goto(harness.url);
  const exports = new ExportPage(page);
  await exports.goto();
  await expect(page.getByText('No exports yet')).toBeVisible();
  await expect(exports.section().getByLabel('What to export')).toHaveValue('monthly_return');
  await exports.quickPeriod('Last month');
  await expect(exports.preview()).toContainText('Counts only, safe to publish');
  await expect(exports.previewTable().locator('thead')).toContainText('periodmeasurebreakdowncategoryvalue');
  // The return says first which site it is for (all of them here), then the figures.
  await expect(exports.previewRows().first()).toContainText('siteods_codeall_sites');
  await expect(exports.previewRows().nth(1)).toContainText('referrals_received');
  await expectAccessible(page, 'export: the return previewed');

  await exports.exportButton().click();
  const fileName = `monthly_return_${last.start}_${last.end}.csv`;
  await expect(exports.done()).toContainText(fileName);
  const sha256 = await page.getByTestId('export-sha256').innerText();

  // The download link serves exactly the file written to the exports folder.
  const href = await exports.downloadLink().getAttribute('href');
  const downloaded = await (await page.request.get(new URL(href!, harness.url).toString())).body();
  const file = readFileSync(join(dataDir, 'exports', fileName));
  expect(downloaded.equals(file)).toBe(true);
  expect(createHash('sha256').update(file).digest('hex')).toBe(sha256);
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(file.toString('utf8')).toContain('\r\n');

  const rows = parse(file, { bom: true, columns: true }) as ReturnRow[];
  const value = (measure: string, breakdown: string, category: string) => rows.find((r) => r.measure === measure && r.breakdown === breakdown && r.category === category)?.value;
  // The period's own rows carry its dates; the financial year's trend follows, each row dated.
  expect(rows.filter((r) => r.measure !== 'trend').every((r) => r.period === `${last.start}/${last.end}`)).toBe(true);
  expect(value('referrals_received', 'source', 'total')).toBe('10');
  expect(rows.find((r) => r.measure === 'trend' && r.breakdown === 'referrals_received' && r.category === 'month' && r.period === `${last.start}/${last.end}`)?.value).toBe('10');
  // Two self-referrals are hidden, and the eight beside them too, or 10 − 8 would give them away.
  expect(value('referrals_received', 'source', 'self')).toBe('*');
  expect(value('referrals_received', 'source', 'opt_out_clinic')).toBe('*');
  expect(value('people_supported', 'new_or_continuing', 'total')).toBe('10');
  expect(value('contacts_attended', 'type', 'one_to_one')).toBe('10');
  expect(value('average_contacts_per_person', 'all', 'average')).toBe('1');
  expect(value('dna_rate', 'all', 'not_attended')).toBe('*');
  await expect(exports.done()).toContainText(`${rows.length} rows written`);

  await expect(exports.log()).toHaveCount(1);
  const logged = exports.log().first();
  for (const text of ['Sam Peer', 'Monthly activity return', `${shown(last.start)} to ${shown(last.end)}`, 'Counts only', fileName, sha256.slice(0, 16)]) await expect(logged).toContainText(text);
  await expectAccessible(page, 'export: done and logged');
});

test('a manager saves last month’s referrals as an Excel workbook: the file is .xlsx, with dates as dates and logged', async ({ page, harness, dataDir }) => {
  await seedWorkspace(harness.ctx);
  const { last } = await seedTwoMonths(harness.ctx);
  await page.goto(harness.url);
  const exports = new ExportPage(page);
  await exports.goto();
  await exports.chooseProfile('Referrals (pseudonymised)');
  await exports.quickPeriod('Last month');
  await expect(exports.previewRows().first()).toBeVisible();
  // CSV unless the person (or the profile) says otherwise.
  await expect(exports.fileType('CSV (.csv)')).toBeChecked();
  await exports.fileType('Excel workbook (.xlsx)').check();
  await expect(exports.fileType('Excel workbook (.xlsx)')).toBeChecked();
  await expectAccessible(page, 'export: an Excel workbook chosen');

  await exports.exportButton().click();
  const fileName = `referrals_${last.start}_${last.end}.xlsx`;
  await expect(exports.done()).toContainText(fileName);
  const sha256 = await page.getByTestId('export-sha256').innerText();
  const file = readFileSync(join(dataDir, 'exports', fileName));
  expect(createHash('sha256').update(file).digest('hex')).toBe(sha256);
  // The download serves the workbook as one.
  const download = await page.request.get(new URL((await exports.downloadLink().getAttribute('href'))!, harness.url).toString());
  expect(download.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect((await download.body()).equals(file)).toBe(true);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(dataDir, 'exports', fileName));
  const sheet = book.worksheets[0];
  expect(sheet.getCell('A1').value).toBe('Case ID');
  expect(sheet.getCell('C1').value).toBe('Referral date');
  expect(sheet.rowCount).toBe(11);
  expect(sheet.getCell('C2').value).toBeInstanceOf(Date);
  expect(sheet.getCell('C2').numFmt).toBe('dd/mm/yyyy');
  await expect(exports.log().first()).toContainText(fileName);
  await expectAccessible(page, 'export: a workbook saved and logged');
});

test('a manager changes their mind while an export is saved: Cancel stops it, and nothing is saved or logged', async ({ page, harness, dataDir }) => {
  await seedWorkspace(harness.ctx);
  await seedTwoMonths(harness.ctx);
  // The save location is held back (as while Windows' save window is open) until the test lets go.
  let choose!: () => void;
  const chosen = new Promise<void>((r) => (choose = r));
  const destination = harness.ctx.exportDestination;
  harness.ctx.exportDestination = async (fileName) => {
    await chosen;
    return destination(fileName);
  };
  await page.goto(harness.url);
  const exports = new ExportPage(page);
  await exports.goto();
  await exports.quickPeriod('Last month');
  await expect(exports.previewRows().first()).toBeVisible();
  await exports.exportButton().click();
  await expect(page.getByText('Getting ready…')).toBeVisible();
  await expectAccessible(page, 'export: running, with a way to cancel');
  // The save location is let go only once the cancel has reached the app (the button's call is not
  // awaited): otherwise a busy machine could finish the small file first.
  const cancelAnswered = page.waitForResponse((r) => r.url().includes('/__harness/api/exports.cancel'));
  await exports.cancelButton().click();
  await cancelAnswered;
  choose();
  await expect(exports.cancelled()).toContainText('The export was cancelled. No file was saved.');
  await expect(exports.cancelButton()).toBeHidden();
  await expect(exports.exportButton()).toBeEnabled();
  expect(existsSync(join(dataDir, 'exports')) ? readdirSync(join(dataDir, 'exports')) : []).toEqual([]);
  await expect(page.getByText('No exports yet')).toBeVisible();
});

test('reports show last month’s figures and charts against the month before, and as tables', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const { last, before } = await seedTwoMonths(harness.ctx);
  await page.goto(harness.url);
  const reports = new ReportsPage(page);
  await reports.goto();
  await reports.choose('Last month');
  await step('last month’s figures beside the month before, and the charts', async () => {
    await expect(reports.periodHeading(last.label)).toBeVisible();
    await expect(reports.figure('Referrals received')).toContainText('10');
    await expect(reports.figure('Referrals received')).toContainText(`Up 7 from 3 in ${before.label}`);
    await expect(reports.figure('People supported')).toContainText('10 new, 0 continuing');
    await expect(reports.figure('Contacts attended')).toContainText(`Up 7 from 3 in ${before.label}`);
    await expect(reports.figure('Did not attend (DNA) rate')).toContainText('9.1%');
    await expect(reports.figure('Did not attend (DNA) rate')).toContainText('1 of 11 booked contacts not attended');
    await expect(reports.figure('Average contacts per person')).toContainText(`Same as ${before.label} (1)`);
    await expect(reports.chart('Referrals by source').getByRole('img', { name: /^Bar chart: Referrals by source/ })).toBeVisible();
    await expect(reports.chart('Contacts attended by how they were held').getByRole('img', { name: /^Bar chart/ })).toBeVisible();
    await expectAccessible(page, 'reports: last month');
  });

  await step('the same numbers as a table, this period beside the last', async () => {
    await reports.showAsTable('Referrals by source');
    const source = reports.chart('Referrals by source').getByRole('table');
    await expect(source.getByRole('row', { name: /Opt-out pathway from HIV clinic/ }).getByRole('cell')).toHaveText(['Opt-out pathway from HIV clinic', '8', '3', 'Show the records']);
    await expect(source.getByRole('row', { name: /Self-referral/ }).getByRole('cell')).toHaveText(['Self-referral', '2', '0', 'Show the records']);
  });
});

test('a figure leads to the people behind it: from a chart’s table, from the keyboard, and on to a record', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const { last } = await seedTwoMonths(harness.ctx);
  await page.goto(harness.url);
  const reports = new ReportsPage(page);
  await reports.goto();
  await reports.choose('Last month');
  await expect(reports.periodHeading(last.label)).toBeVisible();

  await step('from a pathway to the people referred on it, and on to one person’s record', async () => {
    await reports.showAsTable('Referrals by pathway');
    await reports.chart('Referrals by pathway').getByRole('button', { name: 'Show the records: Other' }).click();
    const drawer = reports.drawer();
    await expect(drawer.getByRole('table').locator('tbody tr')).toHaveCount(2);
    for (const name of LAST_MONTH_SELF) await expect(drawer).toContainText(name);
    await expectAccessible(page, 'reports: the people behind a figure');
    await drawer.getByRole('button', { name: NO_DEMOGRAPHICS }).click();
    await expect(page.getByRole('heading', { name: NO_DEMOGRAPHICS, level: 2 })).toBeVisible();
  });

  await step('back on Reports the period is the one left; from the keyboard, the card lists all ten', async () => {
    await reports.goto();
    await expect(reports.periodHeading(last.label)).toBeVisible();
    await reports.figure('Referrals received').getByRole('button', { name: 'Show the records: Referrals received' }).focus();
    await page.keyboard.press('Enter');
    await expect(reports.drawer().getByRole('table').locator('tbody tr')).toHaveCount(10);
    await page.keyboard.press('Escape');
    await expect(reports.drawer()).toBeHidden();
  });

  await step('every figure lists what it counts: the DNA card’s not-attended contacts, one row each', async () => {
    const dna = reports.figure('Did not attend (DNA) rate');
    await expect(dna).toContainText(/\d+ of \d+ booked contacts not attended/);
    const notAttended = Number((await dna.textContent())!.match(/(\d+) of \d+ booked contacts not attended/)![1]);
    await dna.getByRole('button', { name: 'Show the records: Did not attend (DNA) rate' }).click();
    await expect(reports.drawer().getByRole('table').locator('tbody tr')).toHaveCount(notAttended);
    await expect(reports.drawer().getByRole('table').locator('tbody tr').first()).toContainText('Did not attend');
  });
});

test('a custom range adds months up, data quality leads to the record to fix, and an empty period says so', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const { last, before } = await seedTwoMonths(harness.ctx);
  await page.goto(harness.url);
  const reports = new ReportsPage(page);
  await reports.goto();

  await step('a custom range covering both months adds them up', async () => {
    await reports.customRange(shown(before.start), shown(last.end));
    await expect(reports.periodHeading(`${shown(before.start)} to ${shown(last.end)}`)).toBeVisible();
    await expect(reports.figure('Referrals received')).toContainText('13');
  });

  await step('data quality: the one person without demographics, one press from their record', async () => {
    const quality = reports.dataQuality();
    await expect(quality.getByRole('tab', { name: 'Missing demographics (1)' })).toHaveAttribute('aria-selected', 'true');
    await expect(quality.getByRole('table')).toContainText('gender identity, ethnic category, sexual orientation, borough');
    await quality.getByRole('button', { name: NO_DEMOGRAPHICS }).click();
    await expect(page.getByRole('heading', { name: NO_DEMOGRAPHICS, level: 2 })).toBeVisible();
  });

  await step('a period with nothing in it says so', async () => {
    await reports.goto();
    await reports.choose('Month');
    await reports.set('Month', 'January');
    await reports.set('Year', '2016');
    await expect(page.getByText('Nothing recorded for January 2016')).toBeVisible();
    await expectAccessible(page, 'reports: an empty period');
  });
});

test('a profile that names people is made in the editor, needs a confirmation, is encrypted and is logged', async ({ page, harness, dataDir }) => {
  await seedWorkspace(harness.ctx);
  const { last } = await seedTwoMonths(harness.ctx);
  await page.goto(harness.url);
  const exports = new ExportPage(page);
  await exports.goto();

  await step('the profile is made in the editor: names only once it is marked identifiable', async () => {
    await exports.newProfile();
    const editor = exports.editor();
    await editor.getByLabel('Profile name').fill('Trust contact list');
    // No id to think of: it is made from the name, and the files are named after it.
    await expect(editor.getByLabel('Profile id')).toHaveCount(0);
    await expect(editor.getByText('Its files are named trust_contact_list_ followed by the period’s dates.')).toBeVisible();
    // Until the profile is marked identifiable, names cannot be added.
    await expect(editor.getByRole('button', { name: 'Add Preferred name' })).toBeDisabled();
    await editor.getByLabel('Identifiable: may include names, NHS Numbers and dates of birth').check();
    for (const column of ['Case ID', 'Preferred name', 'Referral date', 'Referral source']) await exports.addColumn(column);
    await editor.getByRole('button', { name: 'Move Preferred name up' }).click();
    await expect(editor.getByRole('button', { name: 'Move Preferred name down' })).toBeFocused();
    await editor.getByLabel('Header for Referral date (column 3)').fill('Referred');
    await editor.getByLabel('31/10/2026 (DD/MM/YYYY)').check();
    await editor.getByLabel('Label only: Black African').check();
    await expectAccessible(page, 'profile editor');
    await editor.getByRole('button', { name: 'Add profile' }).click();
    await expect(editor).toBeHidden();
    await expect(exports.profiles().filter({ hasText: 'Trust contact list' })).toContainText('Names people');
  });

  await step('its preview says it names people, in the columns and formats chosen', async () => {
    await exports.chooseProfile('Trust contact list (identifiable)');
    await exports.quickPeriod('Last month');
    await expect(exports.preview()).toContainText('This export names people');
    await expect(exports.previewTable().locator('thead')).toContainText('Preferred nameCase IDReferredReferral source');
    await expect(exports.previewTable()).toContainText('Amara Okonkwo');
    await expect(exports.previewTable()).toContainText(shown(`${last.start.slice(0, 8)}02`));
    await expect(exports.previewTable()).toContainText('Opt-out pathway from HIV clinic');
    await expectAccessible(page, 'export: identifiable preview');
  });

  await step('encrypting is the default for a file that names people; the password is checked first', async () => {
    await expect(exports.section().getByLabel('Encrypt as a password-protected ZIP (AES-256)')).toBeChecked();
    await exports.password('short');
    await exports.exportButton().click();
    await expect(exports.section().getByText('Use at least 12 characters for the ZIP password.')).toBeVisible();
    await exports.password('lantern orchard copper', 'lantern orchard cooper');
    await exports.exportButton().click();
    await expect(exports.section().getByText('The two passwords are not the same.')).toBeVisible();
    await exports.password('lantern orchard copper');
  });

  await step('going back from the confirmation writes nothing', async () => {
    await exports.exportButton().click();
    await expect(exports.confirmDialog()).toContainText('recorded in the export log');
    await expectAccessible(page, 'export: confirm identifiable');
    await exports.confirmDialog().getByRole('button', { name: 'Go back' }).click();
    await expect(exports.confirmDialog()).toBeHidden();
    await expect(page.getByText('No exports yet')).toBeVisible();
  });

  const fileName = `trust_contact_list_${last.start}_${last.end}.zip`;
  await step('confirmed: an encrypted ZIP is saved and logged, and the password is not kept', async () => {
    await exports.exportButton().click();
    await exports.confirmDialog().getByRole('button', { name: 'Yes, export identifiable data' }).click();
    await expect(exports.done()).toContainText(fileName);
    await expect(exports.done()).toContainText('10 rows written');
    await expect(exports.done()).toContainText('AES-256 encrypted ZIP');
    await expect(exports.section().getByLabel('ZIP password')).toHaveValue('');
    await expect(exports.log().first()).toContainText('Names people');
    await expect(exports.log().first()).toContainText('Encrypted');
  });

  // 7-Zip opens it with the password, and the CSV inside names the people.
  const zip = join(dataDir, 'exports', fileName);
  expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
  // setup.sh --with-browser installs 7-Zip: without it this check cannot run, so it fails.
  expect(existsSync('/usr/bin/7z'), '7-Zip (/usr/bin/7z) is missing: run source scripts/setup.sh --with-browser').toBe(true);
  const out = mkdtempSync(join(tmpdir(), 'caseload-unzip-'));
  try {
    execFileSync('/usr/bin/7z', ['x', '-plantern orchard copper', `-o${out}`, zip], { stdio: 'ignore' });
    const rows = parse(readFileSync(join(out, fileName.replace(/\.zip$/, '.csv'))), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r['Preferred name'])).toContain('Amara Okonkwo');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a bad profile file is refused with its problems, and a good one is imported', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await page.goto(harness.url);
  const exports = new ExportPage(page);
  await exports.goto();

  await exports.importProfile('notes.json', 'this is not a profile');
  await expect(exports.importError()).toContainText('could not be read as JSON');

  await exports.importProfile(
    'from-the-trust.json',
    JSON.stringify({ format: 'peer-caseload-export-profile', version: 1, profile: { id: 'Trust Return', name: ' ', dataset: 'referrals', columns: [{ id: 'postcode' }] } }),
  );
  const error = exports.importError();
  await expect(error).toContainText('Nothing was imported');
  await expect(error).toContainText('Use lower-case letters, digits, - and _ for the profile id.');
  await expect(error).toContainText('Give the profile a name.');
  await expect(error).toContainText('There is no column called “postcode” in referrals exports.');
  await expectAccessible(page, 'export: a refused profile file');
  await expect(exports.profiles()).toHaveCount(2);

  // A built-in profile's file, changed as a trust would change it, comes back in.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save file: Referrals (pseudonymised)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('referrals.profile.json');
  const json = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(json).toMatchObject({ format: 'peer-caseload-export-profile', version: 1, profile: { id: 'referrals' } });
  json.profile = { ...json.profile, id: 'trust_referrals', name: 'Trust referrals', dateFormat: 'dmy' };
  await exports.importProfile('trust_referrals.profile.json', JSON.stringify(json));
  await expect(exports.profiles().filter({ hasText: 'Trust referrals' })).toContainText('Custom');
  await expect(exports.importError()).toHaveCount(0);
  await exports.chooseProfile('Trust referrals');
  await expect(exports.previewTable().locator('thead')).toContainText('Case ID');

  // The trust sends a new version under the same id: nothing changes until the coordinator says so.
  json.profile = { ...json.profile, name: 'Trust referrals v2' };
  await exports.importProfile('trust_referrals.profile.json', JSON.stringify(json));
  const replace = page.getByRole('dialog', { name: 'Replace the existing profile?' });
  await expect(replace).toContainText('A profile with the id “trust_referrals” already exists (“Trust referrals”).');
  await expectAccessible(page, 'export: replace a profile?');
  await replace.getByRole('button', { name: 'Keep the existing one' }).click();
  await expect(exports.profiles().filter({ hasText: 'Trust referrals v2' })).toHaveCount(0);
  await exports.importProfile('trust_referrals.profile.json', JSON.stringify(json));
  await replace.getByRole('button', { name: 'Replace it' }).click();
  await expect(replace).toBeHidden();
  await expect(exports.profiles().filter({ hasText: 'Trust referrals v2' })).toHaveCount(1);
});
