// The caseload's filters and sort order narrow tens of thousands of people to the few a worker
// wants; rows open the person's record by mouse or keyboard.
import { must } from '../support/workspace';
import { expect, expectAccessible, PASSPHRASE, step, test } from './fixtures';
import { CaseloadPage, choose } from './pages/CaseloadPage';
import { UnlockPage } from './pages/UnlockPage';
import { contact, daysAgo, refer, seedWorkspace } from './seed';

test('filters narrow the caseload, sorting reorders it, a row opens the record from the keyboard, and coming back keeps the search and filters until a lock', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const [site] = await must(harness.ctx, 'sites.save', { name: 'Riverside Clinic', odsCode: 'RQM01' });
  await refer(harness.ctx, { preferredName: 'Amara Okonkwo' });
  await refer(harness.ctx, { preferredName: 'Bola Adeyemi', referredDaysAgo: 20, pathway: 'opt_out_reengagement', reEngaging: true });
  const chidi = await refer(harness.ctx, { preferredName: 'Chidi Nwosu', referredDaysAgo: 100, pathway: 'other', referralSource: 'self', clinicSiteId: site.id });
  await contact(harness.ctx, chidi, { contactOn: daysAgo(60), attendance: 'attended' });
  await must(harness.ctx, 'risks.raise', { personId: chidi.id, raisedOn: daysAgo(3), description: 'Housing about to fall through' });
  const esi = await refer(harness.ctx, { preferredName: 'Esi Mensah', referredDaysAgo: 200 });
  await contact(harness.ctx, esi, { contactOn: daysAgo(190), attendance: 'attended' });
  await must(harness.ctx, 'episodes.close', { episodeId: esi.episodes[0].id, closedOn: daysAgo(100), reason: 'goals_met' });

  await page.goto(harness.url);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  await step('the caseload shows everyone, with their risk and support', async () => {
    await expect(page.getByText('4 people', { exact: true })).toBeVisible();
    await expect(caseload.row('Chidi Nwosu')).toContainText('Risk');
    await expect(caseload.row('Chidi Nwosu')).toContainText('Engaged');
    await expect(caseload.row('Esi Mensah')).toContainText('Closed');
    await expect(caseload.row('Amara Okonkwo')).toContainText('None yet');
    await expectAccessible(page, 'caseload with filters');
  });

  const filters = page.getByRole('group', { name: 'Find people' });
  await step('each filter narrows the list, and Clear filters brings everyone back', async () => {
    await choose(page, filters.getByRole('combobox', { name: 'Pathway' }), 'Opt-out: re-engaging in care');
    await expect(caseload.rows()).toHaveCount(1);
    await expect(caseload.rows().first()).toContainText('Bola Adeyemi');
    await expect(page.getByText('1 person matches these filters')).toBeVisible();
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect(caseload.rows()).toHaveCount(4);

    await choose(page, filters.getByRole('combobox', { name: 'Support' }), 'Closed');
    await expect(caseload.rows()).toHaveCount(1);
    await expect(caseload.rows().first()).toContainText('Esi Mensah');
    await choose(page, filters.getByRole('combobox', { name: 'Support' }), 'Open');
    await expect(caseload.rows()).toHaveCount(3);

    await filters.getByRole('checkbox', { name: 'Waiting for first contact' }).check();
    await expect(caseload.rows()).toHaveCount(2);
    await expect(caseload.row('Chidi Nwosu')).toHaveCount(0);
    await filters.getByRole('checkbox', { name: 'Waiting for first contact' }).uncheck();
    await filters.getByRole('checkbox', { name: 'No contact for over 6 weeks' }).check();
    await expect(caseload.rows()).toHaveCount(1);
    await expect(caseload.rows().first()).toContainText('Chidi Nwosu');
    await filters.getByRole('button', { name: 'Clear filters' }).click();

    await choose(page, filters.getByRole('combobox', { name: 'Clinic site' }), 'Riverside Clinic (RQM01)');
    await expect(caseload.rows()).toHaveCount(1);
    await expect(caseload.rows().first()).toContainText('Chidi Nwosu');
    await filters.getByRole('button', { name: 'Clear filters' }).click();

    await choose(page, filters.getByRole('combobox', { name: 'Referral status' }), 'Received');
    await expect(caseload.rows()).toHaveCount(2);
    await filters.getByRole('button', { name: 'Clear filters' }).click();
  });

  await step('search and filters together: nothing matches, and the screen says what to try', async () => {
    await caseload.search('Amara');
    await choose(page, filters.getByRole('combobox', { name: 'Support' }), 'Closed');
    await expect(page.getByText('No one matches “Amara” with these filters.')).toBeVisible();
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await caseload.search('');
  });

  await step('sorting by name reorders the list', async () => {
    await choose(page, filters.getByRole('combobox', { name: 'Sort by' }), 'Name (A to Z)');
    await expect(caseload.rows().first()).toContainText('Amara Okonkwo');
    await expect(caseload.rows().nth(3)).toContainText('Esi Mensah');
  });

  await step('keyboard only: into the list, down a row, Enter', async () => {
    await caseload.rows().first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(caseload.rows().nth(1)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Bola Adeyemi', level: 2 })).toBeVisible();
  });

  await step('back to the caseload: the same search, filters and order as left, not a fresh list', async () => {
    await caseload.goto();
    await expect(filters.getByRole('combobox', { name: 'Sort by' })).toHaveValue('Name (A to Z)');
    await caseload.search('Nwosu');
    await choose(page, filters.getByRole('combobox', { name: 'Support' }), 'Open');
    await expect(caseload.rows()).toHaveCount(1);
    await caseload.row('Chidi Nwosu').click();
    await expect(page.getByRole('heading', { name: 'Chidi Nwosu', level: 2 })).toBeVisible();
    await caseload.goto();
    await expect(page.getByRole('textbox', { name: 'Search' })).toHaveValue('Nwosu');
    await expect(filters.getByRole('combobox', { name: 'Support' })).toHaveValue('Open');
    await expect(filters.getByRole('combobox', { name: 'Sort by' })).toHaveValue('Name (A to Z)');
    await expect(caseload.rows()).toHaveCount(1);
    await expect(caseload.rows().first()).toContainText('Chidi Nwosu');
    // Through another screen and back: still as left.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My day' }).click();
    await caseload.goto();
    await expect(page.getByRole('textbox', { name: 'Search' })).toHaveValue('Nwosu');
  });

  await step('locking forgets it (a search may hold a name): after unlocking, a fresh list', async () => {
    await caseload.lock();
    await new UnlockPage(page).unlock(PASSPHRASE);
    await caseload.goto();
    await expect(page.getByRole('textbox', { name: 'Search' })).toHaveValue('');
    await expect(caseload.rows()).toHaveCount(4);
  });
});
