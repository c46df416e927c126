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
});
