// Screenshots for `npm run screenshots` (SHOTS=imports): importing from a spreadsheet. Choosing
// the file, a protected workbook's password, the columns guessed, a dry run with problems (the
// error summary, the values not understood, the problems by row), a clean dry run, the import
// done, and the last import offered for undoing.
import type { Browser, Page } from '@playwright/test';
import { startHarness } from '../../harness/server';
import { awkwardWorkbook, badCheckDigit, csvBytes, madeUpNhsNumber, withPassword } from '../../support/importFiles';
import { tempDir } from '../../support/workspace';
import { ImportPage } from '../pages/ImportPage';
import { seedWorkspace } from '../seed';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;

export async function importScreens(browser: Browser, shot: Shot) {
  const { dir, cleanup } = tempDir('caseload-shots-import-');
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  try {
    await seedWorkspace(harness.ctx);
    await page.goto(harness.url);
    const importer = new ImportPage(page);
    await importer.goto();
    await shot(page, '140-import-choose-file');
    const nhs = [21, 22, 23].map(madeUpNhsNumber);
    const workbook = await awkwardWorkbook([
      { name: 'Amara Okafor', nhs: badCheckDigit(nhs[0]), hospital: 123, dob: '03/03/1985', gender: 'F', ethnicity: 'Black African', referral: '01/03/2024', diagnosis: 'Mar 2024' },
      { name: 'Ben Carter', nhs: nhs[1], hospital: null, dob: '31/02/1979', gender: 'M', ethnicity: 'Afr.', referral: 45366, diagnosis: null },
      { name: 'Chidi Eze', nhs: nhs[2], hospital: '0042', dob: '1/2/66', gender: 'male', ethnicity: 'N/A', referral: '2024-05-01', diagnosis: '2019' },
    ]);
    await importer.choose('caseload.xlsx', await withPassword(workbook, 'clinic-2024'));
    await page.getByLabel('Workbook password').waitFor();
    await shot(page, '141-import-workbook-password');
    await importer.unlockWorkbook('clinic-2024');
    await importer.column('D.O.B.').waitFor();
    await shot(page, '142-import-columns', true);
    await importer.check();
    await shot(page, '143-import-dry-run-problems', true);
    await page.getByRole('button', { name: 'Choose another file' }).click();
    const lines = [
      ['Surname', 'Forename', 'DOB', 'NHS Number', 'Referral date', 'Gender', 'Ethnicity'],
      ['Okafor', 'Amara', '03/03/1985', nhs[0], '01/03/2024', 'F', 'Black African'],
      ['Brûlé', 'Renée', '4/5/88', '', '2024-03-02', 'Female', 'White Irish'],
    ];
    await importer.choose('caseload.csv', csvBytes(lines, 'win1252'));
    await importer.check();
    await shot(page, '144-import-dry-run-clean', true);
    await page.getByRole('button', { name: 'Import 2 people' }).click();
    await page.getByRole('status').filter({ hasText: 'added to the caseload' }).waitFor();
    await shot(page, '145-import-done');
    await page.getByRole('button', { name: 'Undo this import' }).click();
    await page.getByRole('dialog', { name: 'Undo the last import?' }).waitFor();
    await shot(page, '146-import-undo-confirm');
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}
