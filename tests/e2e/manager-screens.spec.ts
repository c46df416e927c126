// The coordinator's screens in plain words: an export profile is made by naming it and saying
// who will open the file ("For Excel", "For the trust's system"), with the raw encoding under
// Advanced; Settings comes in sections chosen from a list, each with its own headings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import { ExportPage } from './pages/ExportPage';
import { openSettings, SettingsPage } from './pages/SettingsPage';
import { seedWorkspace } from './seed';
import { seedTwoMonths } from './seedReturns';

test('a profile for the trust’s system is made without ids, line endings or byte-order marks, and its file has neither', async ({ page, harness, dataDir }) => {
  await seedWorkspace(harness.ctx);
  const { last } = await seedTwoMonths(harness.ctx);
  await page.goto(harness.url);
  const exports = new ExportPage(page);
  await exports.goto();

  await exports.newProfile();
  const editor = exports.editor();
  await editor.getByLabel('Profile name').fill('Trust’s system feed');
  await expect(editor.getByText('Its files are named trust_s_system_feed_ followed by the period’s dates.')).toBeVisible();
  // Plain choices; the raw settings are out of the way until asked for.
  const who = editor.getByRole('radiogroup', { name: 'Who will open the file' });
  await expect(who.getByRole('radio', { name: 'For Excel' })).toBeChecked();
  await expect(editor.getByLabel('Line endings')).toBeHidden();
  await expect(editor.getByLabel('Start with a byte-order mark (BOM)')).toBeHidden();
  for (const column of ['Case ID', 'Referral date', 'Referral source']) await exports.addColumn(column);
  await who.getByRole('radio', { name: 'For the trust’s system' }).check();
  // The chosen columns in view (scrolled under the dialog's title, axe counts their buttons as covered).
  await editor.getByRole('heading', { name: /^Columns in the file/ }).scrollIntoViewIfNeeded();
  await expectAccessible(page, 'profile editor: file presets');

  // Advanced shows what the preset set.
  const advanced = editor.getByRole('button', { name: /^Advanced/ });
  await expect(advanced).toHaveAttribute('aria-expanded', 'false');
  await advanced.click();
  await expect(advanced).toHaveAttribute('aria-expanded', 'true');
  await expect(editor.getByLabel('Line endings')).toHaveValue('lf');
  await expect(editor.getByLabel('Start with a byte-order mark (BOM)')).not.toBeChecked();
  await expectAccessible(page, 'profile editor: advanced file settings');
  await editor.getByRole('button', { name: 'Add profile' }).click();
  await expect(editor).toBeHidden();
  const row = exports.profiles().filter({ hasText: 'Trust’s system feed' });
  await expect(row).toContainText('For the trust’s system');

  await exports.chooseProfile('Trust’s system feed');
  await exports.quickPeriod('Last month');
  await exports.exportButton().click();
  const fileName = `trust_s_system_feed_${last.start}_${last.end}.csv`;
  await expect(exports.done()).toContainText(fileName);
  const bytes = readFileSync(join(dataDir, 'exports', fileName));
  expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).not.toContain('\r\n');
  expect(bytes.toString('utf8').split('\n')[0]).toBe('Case ID,Referral date,Referral source');

  // Settings made by hand read as their own: editing shows them, Advanced open.
  await row.getByRole('button', { name: 'Edit Trust’s system feed' }).click();
  await editor.getByLabel('Start with a byte-order mark (BOM)').or(editor.getByRole('button', { name: /^Advanced/ })).first().waitFor();
  if (await editor.getByLabel('Line endings').isHidden()) await editor.getByRole('button', { name: /^Advanced/ }).click();
  await editor.getByLabel('Start with a byte-order mark (BOM)').check();
  await expect(who.getByRole('radio', { name: 'Settings of its own (under Advanced)' })).toBeChecked();
  await who.getByRole('radio', { name: 'For Excel' }).check();
  await expect(editor.getByLabel('Line endings')).toHaveValue('crlf');
  await expect(who.getByRole('radio', { name: 'Settings of its own (under Advanced)' })).toHaveCount(0);
});

test('Settings comes in sections with headings, one at a time, each saving its own settings', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await page.goto(harness.url);
  await openSettings(page, 'Caseload rules');
  const sections = page.getByRole('tablist', { name: 'Settings sections' }).getByRole('tab');
  await expect(sections).toHaveText(['Caseload rules', 'Programme lists', 'Training and supervision', 'Reporting', 'Backups', 'Members and sign-in', 'Outcome instruments', 'Retention']);
  await expect(page.getByRole('heading', { name: 'Caseload rules', level: 3 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Clinic sites', level: 3 })).toBeVisible();
  // Only this section is shown: nothing of the others.
  await expect(page.getByLabel('Lock after this many idle minutes')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Members', level: 3 })).toBeHidden();
  await expectAccessible(page, 'settings: caseload rules');

  for (const [section, headings] of [
    ['Programme lists', ['Programme lists']],
    ['Training and supervision', ['Training and supervision']],
    ['Reporting', ['Publishing figures']],
    ['Backups', ['Backups']],
    ['Members and sign-in', ['Your sign-in', 'Locking', 'Members', 'Recovery key']],
    ['Outcome instruments', ['Outcome instruments']],
    ['Retention', ['Keeping records', 'Retention']],
  ] as const) {
    await openSettings(page, section);
    for (const name of headings) await expect(page.getByRole('heading', { name, level: 3, exact: true })).toBeVisible();
    await expectAccessible(page, `settings: ${section}`);
  }

  // Saving one section's settings leaves the others as they were.
  const settings = new SettingsPage(page);
  await settings.goto('Members and sign-in');
  await settings.set('Lock after this many idle minutes', '10');
  await settings.save();
  await expect(page.getByText('Settings saved').first()).toBeVisible();
  await settings.goto('Reporting');
  await expect(page.getByLabel('Hide counts from 1 up to')).toHaveValue('7');
});
