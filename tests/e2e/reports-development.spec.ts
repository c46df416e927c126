// Peer workers' training and supervision on Reports (issue 15, item 8), as a coordinator reviews
// the month: nothing recorded yet says so and leads to where it is recorded; a supervision recorded
// there is counted on Reports; one site's figures say these are all sites' only; and a
// reporting-only member sees the same numbers, with nothing to record.
import { expectCodeSnifferClean } from './codeSniffer';
import { expect, expectAccessible, step, test } from './fixtures';
import { typeDate } from './pages/CaseloadPage';
import { ReportsPage } from './pages/ReportsPage';
import { UnlockPage } from './pages/UnlockPage';
import { addMember, lockSeeded, seedWorkspace, shown } from './seed';
import { reportingMonths } from './seedReturns';
import { must } from '../support/workspace';

const KIM = 'orbit pebble saffron drizzle';

test('a supervision recorded in Settings is counted in Reports’ training and supervision, for all sites', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await must(harness.ctx, 'sites.save', { name: 'Riverside Clinic', odsCode: 'RQM01' });
  await addMember(harness.ctx, 'Kim Reports', 'reporting', KIM);
  const { last, before } = reportingMonths();
  await page.goto(harness.url);
  const reports = new ReportsPage(page);
  const section = reports.teamDevelopment();

  await step('last month with nothing recorded: a deliberate empty state, and the way to record it', async () => {
    await reports.goto();
    await reports.choose('Last month');
    await expect(section.getByText(`No training, supervision or CPD recorded for ${last.label}`)).toBeVisible();
    await expect(section).toContainText('Peer workers record their own in Settings, under Training and supervision');
    await expectAccessible(page, 'reports: training and supervision, nothing recorded');
    await section.getByRole('button', { name: 'Record training and supervision' }).click();
    await expect(page.getByRole('tablist', { name: 'Settings sections' }).getByRole('tab', { name: 'Training and supervision' })).toHaveAttribute('aria-selected', 'true');
  });

  await step('a joint supervision on the 10th of last month, recorded as a worker would', async () => {
    await page.getByRole('button', { name: 'Record development' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record development for Sam Peer' });
    await dialog.getByRole('radio', { name: 'Supervision' }).check();
    await typeDate(dialog.getByRole('textbox', { name: 'Date' }), shown(`${last.start.slice(0, 8)}10`));
    await dialog.getByRole('textbox', { name: 'Supervisor' }).fill('Dr Okafor');
    await dialog.getByRole('checkbox', { name: 'Joint supervision with the clinic’s team' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('table', { name: 'Development of Sam Peer' })).toContainText('With Dr Okafor');
  });

  await step('Reports counts it for last month, beside the month before', async () => {
    await reports.goto();
    // The period chosen before is kept; the month had no casework, and the section shows all the same.
    await expect(page.getByText(`Nothing recorded for ${last.label}`)).toBeVisible();
    const table = section.getByRole('table', { name: `Training and supervision, ${last.label}` });
    await expect(table.getByRole('columnheader')).toHaveText(['What the return counts', last.label, before.label]);
    // The coordinator, with development in the month, is the team that month; supervised once, jointly.
    await expect(reports.developmentRow('Peer workers and coordinators').getByRole('cell')).toHaveText(['1', '0']);
    await expect(reports.developmentRow('Supervised at least once').getByRole('cell')).toHaveText(['1 of 1', '0 of 0']);
    await expect(reports.developmentRow('Supervision sessions').getByRole('cell')).toHaveText(['1', '0']);
    await expect(reports.developmentRow('Supervision held jointly').getByRole('cell')).toHaveText(['1', '0']);
    await expect(reports.developmentRow('Training sessions attended').getByRole('cell')).toHaveText(['0', '0']);
    await expectAccessible(page, 'reports: training and supervision counted');
    await expectCodeSnifferClean(page, 'reports: training and supervision counted');
  });

  await step('one site: the section says these are all sites’ figures, and goes back to them', async () => {
    const site = page.getByRole('combobox', { name: 'Site' });
    await site.selectOption({ label: 'Riverside Clinic (RQM01)' });
    await expect(section).toContainText('These are team figures, kept on no site, so they are in the all-sites return only.');
    await expect(section.getByRole('table')).toHaveCount(0);
    await expectAccessible(page, 'reports: training and supervision, one site');
    await section.getByRole('button', { name: 'Show all sites' }).click();
    await expect(site).toHaveValue('');
    await expect(reports.developmentRow('Supervision sessions').getByRole('cell')).toHaveText(['1', '0']);
  });

  await step('a reporting-only member sees the same numbers, and is offered nothing to record', async () => {
    await lockSeeded(harness.ctx);
    await page.reload();
    await new UnlockPage(page).unlockAs('Kim Reports', KIM);
    await expect(page.getByRole('heading', { name: 'Reports', level: 2 })).toBeVisible();
    await reports.choose('Last month');
    await expect(reports.developmentRow('Supervision held jointly').getByRole('cell')).toHaveText(['1', '0']);
    await expect(reports.developmentRow('Supervised at least once').getByRole('cell')).toHaveText(['1 of 1', '0 of 0']);
    await expect(section.getByRole('button')).toHaveCount(0);
    await expectAccessible(page, 'reports: training and supervision, reporting only');
  });
});
