// Screenshots for `npm run screenshots`: My day with nothing on it and with a busy caseload
// (1,500 made-up people with histories, plus today's bookings), the caseload's filters, groups
// and workshops, and settings with clinic sites, each with its errors.
import type { Browser, Page } from '@playwright/test';
import { repoMigrationsDir } from '../../../core/api/context';
import { loadMigrations } from '../../../db/migrate';
import { insertPeople } from '../../../db/queries/bulk';
import { closeWorkspace, createWorkspace } from '../../../db/workspace';
import { syntheticPeople } from '../../../db/synthetic';
import { startHarness } from '../../harness/server';
import { must, tempDir } from '../../support/workspace';
import { PASSPHRASE } from '../fixtures';
import { GroupsPage } from '../pages/GroupsPage';
import { MyDayPage } from '../pages/MyDayPage';
import { SettingsPage } from '../pages/SettingsPage';
import { UnlockPage } from '../pages/UnlockPage';
import { contact, daysAgo, refer, seedWorkspace } from '../seed';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;

/** My day (empty and busy), the caseload's filters, groups and settings. */
export async function myDayAndGroups(browser: Browser, shot: Shot) {
  const viewport = { width: 1280, height: 800 };
  const options = { viewport, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' } as const;
  // Toasts from a previous step would cover the top right of the next picture.
  const settle = (page: Page) => page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' }).catch(() => undefined);

  // A new caseload: first run, then a day with nothing due.
  {
    const { dir, cleanup } = tempDir('caseload-shots-myday-');
    const harness = await startHarness({ dataDir: dir });
    const page = await browser.newPage(options);
    try {
      await seedWorkspace(harness.ctx);
      await page.goto(harness.url);
      await page.getByText('Your day will show here').waitFor();
      await shot(page, '40-my-day-first-run');
      const amara = await refer(harness.ctx, { preferredName: 'Amara Okonkwo' });
      await contact(harness.ctx, amara, { attendance: 'attended', minutes: 45 });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Caseload' }).click();
      await new MyDayPage(page).goto();
      await page.getByText('No one is waiting for first contact').waitFor();
      await shot(page, '41-my-day-nothing-due');
      await new GroupsPage(page).goto();
      await page.getByText('No groups or workshops coming up').waitFor();
      await shot(page, '42-groups-none-yet');
    } finally {
      await page.close();
      await harness.close();
      cleanup();
    }
  }

  // A busy caseload: a few hundred made-up people with histories, plus today's bookings.
  const { dir, cleanup } = tempDir('caseload-shots-busy-');
  const { workspace } = await createWorkspace(
    { dataDir: dir, migrations: loadMigrations(repoMigrationsDir()) },
    { organisation: 'Synthetic Training Clinic', displayName: 'Training Coordinator', passphrase: PASSPHRASE },
  );
  insertPeople(workspace, syntheticPeople(1500, 11, new Date()));
  closeWorkspace(workspace);
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage(options);
  try {
    await page.goto(harness.url);
    await new UnlockPage(page).unlock(PASSPHRASE);
    const myDay = new MyDayPage(page);
    await myDay.expectShown();
    const ctx = harness.ctx;
    for (const [i, name] of ['Oluwaseun Adebayo-Whitfield-Montgomery', 'Jo Test', 'Priya Example'].entries()) {
      const p = await refer(ctx, { preferredName: name, referredDaysAgo: 2 + i * 9 });
      await contact(ctx, p, { startTime: ['09:30', '11:00', '14:15'][i], mode: i === 1 ? 'phone' : 'in_clinic' });
    }
    const [site] = await must(ctx, 'sites.save', { name: 'Riverside Clinic', odsCode: 'RQM01' });
    await must(ctx, 'sites.save', { name: 'Riverside Community Outreach at the Old Town Hall', odsCode: 'RQM02' });
    await must(ctx, 'sites.save', { name: 'North Street Clinic', odsCode: 'RAP05', active: false });
    const people = (await must(ctx, 'people.list', { limit: 6, sort: 'name' })).rows;
    const past = await must(ctx, 'groups.create', { type: 'recently_diagnosed_workshop', title: 'Living well, week 1', heldOn: daysAgo(7), startTime: '14:00', facilitator: 'Training Coordinator', siteId: site.id });
    for (const [i, p] of people.slice(0, 5).entries()) await must(ctx, 'groups.setRegistration', { eventId: past.id, personId: p.id, registered: i < 4, attended: i === 2 ? false : i === 3 ? null : true });
    await must(ctx, 'groups.create', { type: 'support_group', title: null, heldOn: daysAgo(-5), startTime: '18:00', facilitator: 'Training Coordinator', siteId: null });
    await must(ctx, 'groups.create', { type: 'wellbeing_workshop', title: 'Sleep and stress', heldOn: daysAgo(-12), facilitator: 'Guest facilitator from the wellbeing team', siteId: site.id });

    await new GroupsPage(page).goto();
    await myDay.goto();
    await myDay.rows('Waiting for first contact').first().waitFor();
    await shot(page, '43-my-day-busy');
    await myDay.section('Planned today').scrollIntoViewIfNeeded();
    await shot(page, '43b-my-day-busy-lower');
    await page.getByRole('button', { name: 'Log outcome for Jo Test' }).click();
    await page.getByRole('dialog', { name: 'Log the outcome' }).getByRole('radio', { name: 'Attended' }).waitFor();
    await shot(page, '44-my-day-log-outcome');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: /see everyone waiting in the caseload/ }).click();
    await page.getByText(/match these filters$/).waitFor();
    await shot(page, '45-caseload-waiting-filter');
    await page.getByRole('checkbox', { name: 'Waiting for first contact' }).uncheck();
    const filters = page.getByRole('group', { name: 'Find people' });
    await filters.getByRole('combobox', { name: 'Pathway' }).click();
    await page.getByRole('option', { name: 'Opt-out: re-engaging in care' }).click();
    await filters.getByRole('combobox', { name: 'Sort by' }).click();
    await page.getByRole('option', { name: 'Last contact (newest first)' }).click();
    await page.getByText(/match these filters$/).waitFor();
    await shot(page, '46-caseload-filters');
    await page.getByLabel('Search').fill('zzzz');
    await page.getByText(/No one matches/).waitFor();
    await shot(page, '46b-caseload-filters-no-match');

    const groups = new GroupsPage(page);
    await groups.goto();
    await groups.events().first().waitFor();
    await shot(page, '47-groups-upcoming');
    await page.getByRole('radiogroup', { name: 'Which events' }).getByText('Past', { exact: true }).click();
    await groups.events().filter({ hasText: 'Living well, week 1' }).waitFor();
    await shot(page, '47b-groups-past');
    await groups.events().filter({ hasText: 'Living well, week 1' }).getByRole('button').click();
    await groups.turnout().waitFor();
    await page.getByLabel('Find a person').fill(people[5].preferredName.split(' ')[0]);
    await page.getByRole('table', { name: 'People found' }).waitFor();
    await settle(page);
    await shot(page, '48-group-event');
    await page.getByRole('button', { name: 'Edit event' }).click();
    await groups.eventDialog().getByLabel('Facilitator').fill('');
    await groups.eventDialog().getByRole('button', { name: 'Save event' }).click();
    await groups.eventDialog().getByText('Enter who facilitated the event.').first().waitFor();
    await shot(page, '49-group-event-form-error');
    await groups.eventDialog().getByRole('button', { name: 'Cancel' }).click();

    const settings = new SettingsPage(page);
    await settings.goto();
    await settings.set('Show as inactive after this many weeks without contact', '60');
    await settings.save();
    await page.getByText('Enter 52 at most.').first().waitFor();
    await shot(page, '50-settings-error');
    await page.getByRole('table', { name: 'Clinic sites' }).scrollIntoViewIfNeeded();
    await shot(page, '50b-settings-sites');
    await settings.addSite('Riverside Annexe', 'RQM01');
    await settings.siteDialog().getByText('Another site already has this ODS code.').waitFor();
    await shot(page, '51-settings-site-error');
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}
