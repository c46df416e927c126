// Groups and workshops: setting one up, registering people from the caseload, recording who
// came, and the drop-out figure the programmes report.
import { expect, expectAccessible, step, test } from './fixtures';
import { GroupsPage } from './pages/GroupsPage';
import { SettingsPage } from './pages/SettingsPage';
import { refer, seedWorkspace, shown, today } from './seed';

test('a workshop with three registered and two attended shows a drop-out of one in three', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  for (const name of ['Amara Okonkwo', 'Bola Adeyemi', 'Chidi Nwosu']) await refer(harness.ctx, { preferredName: name, referredDaysAgo: 10 });
  await page.goto(harness.url);
  const groups = new GroupsPage(page);
  await groups.goto();
  await expect(page.getByText('No groups or workshops coming up')).toBeVisible();
  await expectAccessible(page, 'groups: none yet');

  await step('mistakes are explained beside the field and what was typed stays', async () => {
    await page.getByRole('button', { name: 'New event' }).click();
    const dialog = groups.eventDialog();
    await dialog.getByLabel('Title (optional)').fill('Living well, week 1');
    await dialog.getByLabel('Facilitator').fill('');
    await dialog.getByRole('button', { name: 'Add event' }).click();
    // Each said twice: in "There is a problem" at the top, and beside its field.
    await expect(dialog.getByRole('alert').getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(dialog.getByText('Choose one of the options.')).toHaveCount(2);
    await expect(dialog.getByText('Enter who facilitated the event.')).toHaveCount(2);
    await expect(dialog.getByLabel('Title (optional)')).toHaveValue('Living well, week 1');
    await expectAccessible(page, 'new event with errors');
    await groups.fillEvent({ type: 'Recently-diagnosed workshop', startTime: '14:00', facilitator: 'Sam Peer', mode: 'Online' });
    await dialog.getByRole('button', { name: 'Add event' }).click();
  });

  await step('three registered, two attended: a drop-out of one in three', async () => {
    await expect(page.getByRole('heading', { name: 'Living well, week 1', level: 2 })).toBeVisible();
    await expect(page.getByText('Facilitated by Sam Peer')).toBeVisible();
    // Held online: the return counts it among the events held online.
    await expect(page.getByText(/^Recently-diagnosed workshop · Online · /)).toBeVisible();
    await expect(page.getByText('No one registered yet')).toBeVisible();
    for (const name of ['Amara Okonkwo', 'Bola Adeyemi', 'Chidi Nwosu']) await groups.register(name);
    await expect(groups.participants()).toHaveCount(3);
    await groups.mark('Amara Okonkwo', 'Attended');
    await groups.mark('Bola Adeyemi', 'Attended');
    await groups.mark('Chidi Nwosu', 'Did not attend');
    await expect(groups.turnout()).toContainText('3Registered');
    await expect(groups.turnout()).toContainText('2Attended');
    await expect(groups.turnout()).toContainText('1 (33%)Drop-out');
    await expectAccessible(page, 'event with attendance');
  });

  const row = groups.events().filter({ hasText: 'Living well, week 1' });
  await step('the list of events shows it with its drop-out', async () => {
    await page.getByRole('button', { name: 'All groups and workshops' }).click();
    await expect(row).toContainText(shown(today()));
    await expect(row).toContainText('14:00');
    await expect(row).toContainText('1 (33%)');
    await expectAccessible(page, 'groups: one event');
  });

  await step('someone added by mistake is removed, after a second press', async () => {
    await row.getByRole('button', { name: 'Living well, week 1' }).click();
    await page.getByRole('button', { name: 'Remove Chidi Nwosu' }).click();
    await page.getByRole('button', { name: 'Yes, remove Chidi Nwosu' }).click();
    await expect(groups.participant('Chidi Nwosu')).toHaveCount(0);
    await expect(groups.turnout()).toContainText('0 (0%)Drop-out');
  });
});

test('sites are added in settings, with a clear refusal for a bad ODS code, and can be chosen for an event', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await page.goto(harness.url);
  const settings = new SettingsPage(page);
  await settings.goto();
  await expect(page.getByText('No clinic sites yet')).toBeVisible();
  await expectAccessible(page, 'settings: no sites');

  await settings.addSite('Riverside Clinic', 'RQM-01');
  await expect(settings.siteDialog().getByText('An ODS code is 1 to 9 letters and digits, for example RQM01.')).toBeVisible();
  await expect(settings.siteDialog().getByLabel('Site name')).toHaveValue('Riverside Clinic');
  await settings.siteDialog().getByLabel('ODS code').fill('rqm01');
  await settings.siteDialog().getByRole('button', { name: 'Add site' }).click();
  await expect(settings.sites()).toHaveCount(1);
  await expect(settings.sites().first()).toContainText('RQM01');

  // A second site may not reuse the code: the app says so beside the field.
  await settings.addSite('Riverside Annexe', 'RQM01');
  await expect(settings.siteDialog().getByText('Another site already has this ODS code.')).toBeVisible();
  await settings.siteDialog().getByLabel('ODS code').fill('RQM02');
  await settings.siteDialog().getByRole('button', { name: 'Add site' }).click();
  await expect(settings.sites()).toHaveCount(2);
  await expectAccessible(page, 'settings: two sites');

  // One no longer used stays listed but is not offered.
  await page.getByRole('button', { name: 'Edit Riverside Annexe' }).click();
  await settings.siteDialog().getByRole('checkbox', { name: 'In use' }).uncheck();
  await settings.siteDialog().getByRole('button', { name: 'Save site' }).click();
  await expect(settings.sites().filter({ hasText: 'Riverside Annexe' })).toContainText('No longer used');

  const groups = new GroupsPage(page);
  await groups.goto();
  await page.getByRole('button', { name: 'New event' }).click();
  await groups.fillEvent({ type: 'Support group', title: 'Tuesday support group' });
  await groups.eventDialog().getByRole('combobox', { name: 'Clinic site (optional)' }).click();
  await expect(page.getByRole('option', { name: 'Riverside Annexe (RQM02)' })).toHaveCount(0);
  await page.getByRole('option', { name: 'Riverside Clinic (RQM01)' }).click();
  await groups.eventDialog().getByRole('button', { name: 'Add event' }).click();
  await expect(page.getByRole('heading', { name: 'Tuesday support group', level: 2 })).toBeVisible();
  await expect(page.getByText(/Riverside Clinic \(RQM01\)/)).toBeVisible();
});
