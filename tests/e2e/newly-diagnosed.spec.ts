// A referral whose person has no HIV diagnosis month says newly diagnosed is not known, never
// "No": a "No" hid the missing month, and the person from the manager's newly diagnosed figure.
import { expect, expectAccessible, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { PersonPage } from './pages/PersonPage';
import { refer, seedWorkspace } from './seed';

/** MM/YYYY, `monthsAgo` months before this one, as the month field takes it. */
function monthTyped(monthsAgo: number): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - monthsAgo);
  return `${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

test('newly diagnosed is "Not known" until the diagnosis month is recorded, then Yes or No', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await refer(harness.ctx, { preferredName: 'Amara Okonkwo' });
  await page.goto(harness.url);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  await caseload.open('Amara Okonkwo');
  const person = new PersonPage(page);
  await person.openTab('Referral');
  const newly = page.locator('dt', { hasText: 'Newly diagnosed' }).locator('xpath=following-sibling::dd[1]');
  await expect(newly).toHaveText('Not known (no HIV diagnosis month in Details)');
  await expectAccessible(page, 'referral: newly diagnosed not known');

  await person.openTab('Details');
  await page.getByLabel('HIV diagnosis (optional)').fill(monthTyped(3));
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Details saved').first()).toBeVisible();
  await person.openTab('Referral');
  await expect(newly).toHaveText('Yes');

  await person.openTab('Details');
  await page.getByLabel('HIV diagnosis (optional)').fill('06/2005');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Details saved').first()).toBeVisible();
  await person.openTab('Referral');
  await expect(newly).toHaveText('No');
});
