// Screenshots for `npm run screenshots` (SHOTS=combine): a clinic PC saving its return data file
// from Export (the fingerprint to read out), and the coordinator's Combine returns screen: a wrong
// passphrase refused, two PCs' files combined with their fingerprints and figures, saved; narrow too.
import type { Browser, Page } from '@playwright/test';
import { startHarness } from '../../harness/server';
import { must, tempDir } from '../../support/workspace';
import { CombinePage } from '../pages/CombinePage';
import { ExportPage } from '../pages/ExportPage';
import { refer, seedWorkspace } from '../seed';
import { RETURN_PASSPHRASE, workstationFile } from '../seedCombine';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;

const options = { viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' } as const;

export async function combineScreens(browser: Browser, shot: Shot) {
  const north = await workstationFile('RQMN', 9);
  const south = await workstationFile('RQMS', 12);
  const { dir, cleanup } = tempDir('caseload-shots-combine-');
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage(options);
  try {
    await seedWorkspace(harness.ctx);
    await must(harness.ctx, 'sites.save', { name: 'Royal Free Hospital', odsCode: 'RAL01' });
    await refer(harness.ctx, { preferredName: 'Amara Okonkwo' });
    await page.goto(harness.url);

    const exports = new ExportPage(page);
    await exports.goto();
    const panel = page.getByRole('region', { name: 'Figures for your coordinator to combine' });
    await panel.getByRole('button', { name: 'Save return data file' }).click();
    await panel.getByRole('alert').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'combine-01-workstation-errors');
    await panel.getByLabel('Passphrase', { exact: true }).fill(RETURN_PASSPHRASE);
    await panel.getByLabel('Passphrase again').fill(RETURN_PASSPHRASE);
    await panel.getByRole('button', { name: 'Save return data file' }).click();
    await page.getByTestId('return-data-fingerprint').waitFor();
    await page.getByTestId('return-data-fingerprint').scrollIntoViewIfNeeded();
    await shot(page, 'combine-02-workstation-saved');

    await page.getByRole('button', { name: 'New return layout' }).click();
    const editor = page.getByRole('dialog', { name: 'New return layout' });
    await editor.getByLabel('Layout name').fill('Trust wide return');
    await editor.getByLabel('Wide: one row per period and site, one column per figure').check();
    await editor.getByLabel('Name of the site column').fill('ODS');
    await editor.getByRole('button', { name: 'Add a code' }).click();
    await editor.getByLabel('Our measure, code 1').fill('referrals_received');
    await editor.getByLabel('Trust’s code, code 1').fill('REF');
    await editor.getByRole('button', { name: 'Add a code' }).click();
    await editor.getByRole('button', { name: 'Save layout' }).click();
    await editor.getByRole('alert').first().waitFor();
    await shot(page, 'combine-03a-layout-editor-errors');
    await editor.getByLabel('Our measure, code 2').fill('referrals_received');
    await editor.getByLabel('Our category, code 2').fill('self');
    await editor.getByLabel('Trust’s code, code 2').fill('SELF');
    await editor.getByRole('button', { name: 'Save layout' }).click();
    await editor.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'Return layouts' }).scrollIntoViewIfNeeded();
    await shot(page, 'combine-03b-layouts');

    const combine = new CombinePage(page);
    await combine.goto();
    await shot(page, 'combine-03-empty');
    await combine.chooseFiles([north, south]);
    await combine.passphrase().fill('not the passphrase they used');
    await combine.combineButton().click();
    await combine.errorSummary().waitFor();
    await shot(page, 'combine-04-wrong-passphrase');
    await combine.passphrase().fill(RETURN_PASSPHRASE);
    await combine.combineButton().click();
    await combine.filesTable().waitFor();
    await shot(page, 'combine-05-combined', true);
    await page.getByRole('button', { name: 'Save combined return' }).click();
    await page.getByText(/Saved combined_return_/).waitFor();
    await shot(page, 'combine-06-saved', true);
    await page.setViewportSize({ width: 320, height: 800 });
    await shot(page, 'combine-07-narrow', true);
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}
