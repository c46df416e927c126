// A coordinator moves a caseload across from a password-protected workbook: the check finds
// problems (a mistyped NHS Number, a date that does not exist, someone in twice) and nothing is
// added; a clean file then goes in, and the import can be undone.
import { AWKWARD_HEADERS, awkwardWorkbook, badCheckDigit, csvBytes, madeUpNhsNumber, withPassword } from '../support/importFiles';
import { expect, expectAccessible, PASSPHRASE, step, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { ImportPage } from './pages/ImportPage';
import { SetupPage } from './pages/SetupPage';

const NHS = [11, 12].map(madeUpNhsNumber);

test('a dry run lists every problem by row and adds no one; a clean file is imported, then undone', async ({ page, harness }) => {
  await page.goto(harness.url);
  await new SetupPage(page).complete('Riverside Sexual Health', 'Sam Peer', PASSPHRASE);
  const importer = new ImportPage(page);
  const caseload = new CaseloadPage(page);

  await step('a password-protected workbook opens with its password, its columns guessed from the headers', async () => {
    await importer.goto();
    await expectAccessible(page, 'import: choose a file');
    const workbook = await awkwardWorkbook([
      { name: 'Amara Okafor', nhs: badCheckDigit(NHS[0]), hospital: 123, dob: '03/03/1985', gender: 'F', ethnicity: 'Black African', referral: '01/03/2024', diagnosis: null },
      { name: 'Ben Carter', nhs: NHS[1], hospital: null, dob: '31/02/1979', gender: 'M', ethnicity: 'Afr.', referral: '02/03/2024', diagnosis: null },
      { name: 'Ben Carter', nhs: NHS[1], hospital: null, dob: '01/02/1979', gender: 'M', ethnicity: null, referral: '02/03/2024', diagnosis: null },
    ]);
    await importer.choose('caseload.xlsx', await withPassword(workbook, 'clinic-2024'));
    await importer.unlockWorkbook('wrong');
    await expect(page.getByText('That password does not open this workbook. Check it and try again.')).toBeVisible();
    await importer.unlockWorkbook('clinic-2024');
    await expect(page.getByText(/3 rows under the headers on row 3 of the sheet “Caseload”/)).toBeVisible();
    await expect(importer.column('D.O.B.')).toHaveValue('dateOfBirth');
    expect(AWKWARD_HEADERS).toContain('D.O.B.');
  });

  await step('the check finds the problems, says them at the top and by row, and the import is not offered', async () => {
    await importer.check();
    const summary = importer.errorSummary();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Row 4, NHS Number: This is not a valid NHS Number');
    await expect(summary).toContainText('Row 5, Date of birth: “31/02/1979” is not a real date');
    await expect(summary).toContainText('Row 5, Ethnic category: “Afr.” is not one of the options');
    await expect(importer.problems()).toHaveCount(3);
    await expect(page.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
    await expectAccessible(page, 'import: a dry run with problems');
  });

  await step('a clean CSV goes in after its check, and shows on the caseload', async () => {
    await page.getByRole('button', { name: 'Choose another file' }).click();
    const lines = [
      ['Surname', 'Forename', 'DOB', 'NHS Number', 'Referral date', 'Gender'],
      ['Okafor', 'Amara', '03/03/1985', NHS[0], '01/03/2024', 'F'],
      ['Brûlé', 'Renée', '4/5/88', '', '2024-03-02', 'Female'],
    ];
    await importer.choose('caseload.csv', csvBytes(lines, 'win1252'));
    await importer.check();
    await expect(page.getByText('2 people would be added, each with a referral.')).toBeVisible();
    await expectAccessible(page, 'import: a clean dry run');
    await page.getByRole('button', { name: 'Import 2 people' }).click();
    await expect(page.getByRole('status').filter({ hasText: '2 people added to the caseload' })).toBeVisible();
    await expectAccessible(page, 'import: done');
    await page.getByRole('button', { name: 'Go to the caseload' }).click();
    await expect(caseload.row('Renée Brûlé')).toBeVisible();
    await expect(caseload.rows()).toHaveCount(2);
  });

  await step('the last import is undone, and the caseload is empty again', async () => {
    await importer.goto();
    await page.getByRole('button', { name: 'Undo this import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Undo the last import?' });
    await expectAccessible(page, 'import: undo the last import');
    await dialog.getByRole('button', { name: 'Undo the import' }).click();
    await expect(page.getByText(/Undone \d{2}\/\d{2}\/\d{4}\./)).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Caseload' }).click();
    await expect(page.getByText(/No one on your caseload yet|Add the first person/).first()).toBeVisible();
  });
});
