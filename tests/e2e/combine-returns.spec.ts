// A coordinator with clinics on two PCs combines their return data files (issue 15 item 7): a
// wrong passphrase and the same file twice are refused plainly; the right passphrase shows each
// file's fingerprint to check by phone, the figures per site and in total with small numbers hidden
// only after adding up, and saves one return. Keyboard only where a person would type.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, expectAccessible, step, test } from './fixtures';
import { CombinePage } from './pages/CombinePage';
import { seedWorkspace } from './seed';
import { RETURN_PASSPHRASE, workstationFile } from './seedCombine';

test('a coordinator combines two clinic PCs’ return data files into one return', async ({ page, harness, dataDir }) => {
  // North clinic: 9 referrals last month; South clinic: 12. Together 21, and each safe to show.
  const north = await workstationFile('RQMN', 9);
  const south = await workstationFile('RQMS', 12);
  await seedWorkspace(harness.ctx);
  await page.goto(harness.url);
  const combine = new CombinePage(page);

  await step('the screen, empty, and a refusal with nothing chosen', async () => {
    await combine.goto();
    await combine.combineButton().click();
    await expect(combine.errorSummary()).toBeFocused();
    await expect(combine.errorSummary()).toContainText('Choose the workstations’ return data files.');
    await expectAccessible(page, 'combine: nothing chosen');
  });

  await step('a wrong passphrase is refused, naming the file', async () => {
    await combine.chooseFiles([north, south]);
    await combine.passphrase().fill('not the passphrase they used');
    await combine.passphrase().press('Enter');
    await expect(combine.errorSummary()).toContainText(`“${north.name}” could not be opened: the passphrase is wrong, or the file was changed`);
    await expect(combine.errorSummary()).toBeFocused();
    await expectAccessible(page, 'combine: wrong passphrase');
  });

  await step('the same file twice is refused, naming both', async () => {
    await combine.chooseFiles([north, south, { ...north, name: 'north-again.json' }]);
    await combine.passphrase().fill(RETURN_PASSPHRASE);
    await combine.combineButton().click();
    await expect(combine.errorSummary()).toContainText(`“north-again.json” is from the same workstation and period as “${north.name}”`);
  });

  await step('combined: fingerprints to read out, and the figures per site and in total', async () => {
    await combine.chooseFiles([north, south]);
    await combine.passphrase().fill(RETURN_PASSPHRASE);
    await combine.combineButton().click();
    await expect(combine.filesTable()).toContainText(north.fingerprint);
    await expect(combine.filesTable()).toContainText(south.fingerprint);
    await expect(combine.filesTable()).toContainText('Clinic RQMS (RQMS)');
    await expect(page.getByLabel('Site to show')).toHaveValue('ALL');
    expect(await combine.figure('referrals_received', 'source', 'total')).toBe('21');
    await page.getByLabel('Site to show').selectOption('RQMN');
    expect(await combine.figure('referrals_received', 'source', 'total')).toBe('9');
    await expectAccessible(page, 'combine: combined');
  });

  await step('saved as one CSV with a site column', async () => {
    await page.getByRole('button', { name: 'Save combined return' }).click();
    await expect(page.getByText(/Saved combined_return_.*\.csv/)).toBeVisible();
    const file = readFileSync(join(dataDir, 'exports', (await page.getByText(/Saved combined_return_.*\.csv/).innerText()).match(/combined_return_\S+\.csv/)![0]));
    const rows = parse(file, { bom: true, columns: true }) as { site: string; measure: string; breakdown: string; category: string; value: string }[];
    const total = (site: string) => rows.find((r) => r.site === site && r.measure === 'referrals_received' && r.breakdown === 'source' && r.category === 'total')?.value;
    expect([total('RQMN'), total('RQMS'), total('ALL')]).toEqual(['9', '12', '21']);
    await expectAccessible(page, 'combine: saved');
  });

  await step('the trust’s wide layout, made on Export, renames the columns of the combined return', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Export' }).click();
    await page.getByRole('button', { name: 'New return layout' }).click();
    const editor = page.getByRole('dialog', { name: 'New return layout' });
    await editor.getByLabel('Layout name').fill('Trust wide return');
    await editor.getByLabel('Wide: one row per period and site, one column per figure').check();
    await editor.getByLabel('Name of the site column').fill('ODS');
    await editor.getByRole('button', { name: 'Add a code' }).click();
    await editor.getByLabel('Our measure, code 1').fill('referrals_received');
    await editor.getByLabel('Trust’s code, code 1').fill('REF');
    await expectAccessible(page, 'combine: the layout editor');
    await editor.getByRole('button', { name: 'Save layout' }).click();
    await expect(editor).toBeHidden();
    await expect(page.getByRole('table', { name: 'Return layouts' })).toContainText('Trust wide return');

    const combine2 = new CombinePage(page);
    await combine2.goto();
    await combine2.chooseFiles([north, south]);
    await combine2.passphrase().fill(RETURN_PASSPHRASE);
    await combine2.combineButton().click();
    await expect(combine2.filesTable()).toBeVisible();
    await page.getByLabel('Layout', { exact: true }).selectOption({ label: 'Trust wide return' });
    await page.getByRole('button', { name: 'Save combined return' }).click();
    const saved = page.getByText(/Saved trust_wide_return_.*\.csv/);
    await expect(saved).toBeVisible();
    const file = readFileSync(join(dataDir, 'exports', (await saved.innerText()).match(/trust_wide_return_\S+\.csv/)![0]));
    const table = parse(file, { bom: true }) as string[][];
    expect(table[0].slice(0, 3)).toEqual(['period', 'ODS', 'REF.source.total']);
    expect(table.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ['RQMN', '9'],
      ['RQMS', '12'],
      ['ALL', '21'],
    ]);
  });
});
