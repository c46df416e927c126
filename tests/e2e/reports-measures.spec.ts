// Issue 15's return measures on Reports as a programme manager uses them: the return for one
// site (the figures follow the site picker), and a new measure's bar opening the very records it
// counts. Records start last month through the real dispatcher.
import type { AppContext } from '../../core/api/context';
import type { Period } from '../../core/domain/export/periods';
import { must } from '../support/workspace';
import { expectCodeSnifferClean } from './codeSniffer';
import { expect, expectAccessible, step, test } from './fixtures';
import { ReportsPage } from './pages/ReportsPage';
import { contact, refer, seedWorkspace } from './seed';
import { reportingMonths } from './seedReturns';

const day = (p: Period, n: number) => `${p.start.slice(0, 8)}${String(n).padStart(2, '0')}`;

/**
 * Last month: three referrals to Riverside (two from Lambeth, one from Southwark) and two to
 * Northside (both from Lambeth), each seen once. So all sites: 5 referrals, 4 from Lambeth;
 * Northside alone: 2, both from Lambeth.
 */
async function seedTwoSites(ctx: AppContext) {
  const { last } = reportingMonths();
  const sites = await must(ctx, 'sites.save', { name: 'Riverside Clinic', odsCode: 'RQM01' });
  const riverside = sites[0].id;
  const northside = (await must(ctx, 'sites.save', { name: 'Northside Clinic', odsCode: 'RQM02' })).find((s) => s.odsCode === 'RQM02')!.id;
  const people = [
    ['Amara Okonkwo', riverside, 'E09000022'],
    ['Bola Adeyemi', riverside, 'E09000022'],
    ['Chidi Nwosu', riverside, 'E09000028'],
    ['Dami Adeleke', northside, 'E09000022'],
    ['Efe Obi', northside, 'E09000022'],
  ] as const;
  for (const [i, [name, site, borough]] of people.entries()) {
    const person = await refer(ctx, { preferredName: name, referralReceivedOn: day(last, 2 + i), clinicSiteId: site, borough });
    await contact(ctx, person, { contactOn: day(last, 12 + i), attendance: 'attended' });
  }
  return { last };
}

test('Reports for one site follow the site picker, and a new measure’s bar lists exactly the records it counts', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const { last } = await seedTwoSites(harness.ctx);
  await page.goto(harness.url);
  const reports = new ReportsPage(page);
  await reports.goto();
  await reports.choose('Last month');
  await expect(reports.periodHeading(last.label)).toBeVisible();
  const site = page.getByRole('combobox', { name: 'Site' });
  const boroughs = reports.chart('Referrals by borough at referral');

  await step('all sites together: five referrals, four of them from Lambeth', async () => {
    await expect(site).toHaveValue('');
    await expect(reports.figure('Referrals received')).toContainText(/^Referrals received5/);
    await reports.showAsTable('Referrals by borough at referral');
    await expect(boroughs.getByRole('row', { name: /^Lambeth / }).getByRole('cell').nth(1)).toHaveText('4');
    await expectAccessible(page, 'reports: return measures, all sites');
    await expectCodeSnifferClean(page, 'reports: return measures, all sites');
  });

  await step('one site: its own two referrals, and the charts follow', async () => {
    await site.selectOption({ label: 'Northside Clinic (RQM02)' });
    await expect(reports.figure('Referrals received')).toContainText(/^Referrals received2/);
    await expect(boroughs.getByRole('row', { name: /^Lambeth / }).getByRole('cell').nth(1)).toHaveText('2');
    await expect(boroughs.getByRole('row', { name: /^Southwark / })).toHaveCount(0);
    await expectAccessible(page, 'reports: return measures, one site');
    await expectCodeSnifferClean(page, 'reports: return measures, one site');
  });

  await step('the bar’s records are the ones it counts, at that site only', async () => {
    const figure = await boroughs.getByRole('row', { name: /^Lambeth / }).getByRole('cell').nth(1).textContent();
    await boroughs.getByRole('button', { name: 'Show the records: Lambeth' }).click();
    const drawer = reports.drawer();
    await expect(drawer.getByRole('table').locator('tbody tr')).toHaveCount(Number(figure));
    await expect(drawer).toContainText(`${figure} records, newest first.`);
    await expect(drawer).toContainText('Dami Adeleke');
    await expect(drawer).toContainText('Efe Obi');
    await expect(drawer).not.toContainText('Amara Okonkwo');
    await expectAccessible(page, 'reports: a return measure’s records');
    await expectCodeSnifferClean(page, 'reports: a return measure’s records');
  });
});
