// My day through a worker's eyes: what it says with nothing on it, who is waiting and who is
// overdue, logging the outcome of a planned session, and the way from a long list to the
// caseload filtered to match. Records are set up through the real dispatcher with past dates.
import { must } from '../support/workspace';
import { expect, expectAccessible, step, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { MyDayPage } from './pages/MyDayPage';
import { SettingsPage } from './pages/SettingsPage';
import { contact, daysAgo, refer, seedWorkspace } from './seed';
import { besideField } from './pages/fieldError';

test('with no one on the caseload, and then on a quiet day, My day says what to do', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await page.goto(harness.url);
  const myDay = new MyDayPage(page);
  await myDay.expectShown();
  await expect(page.getByText('Your day will show here')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Go to the caseload to add someone' })).toBeVisible();
  await expectAccessible(page, 'My day: first run');

  // Seen today already: nothing is waiting, due or quiet.
  const amara = await refer(harness.ctx, { preferredName: 'Amara Okonkwo' });
  await contact(harness.ctx, amara, { attendance: 'attended', minutes: 45 });
  await new CaseloadPage(page).goto();
  await myDay.goto();
  for (const [list, empty] of [
    ['Open risk flags', 'No open risk flags'],
    ['Waiting for first contact', 'No one is waiting for first contact'],
    ['Planned today', 'Nothing planned for today'],
    ['Still need an outcome', 'Every earlier contact has an outcome'],
    ['Goals due for review', 'No goals are due for review'],
    ['No recent contact', 'Everyone open has had contact in the last 6 weeks'],
  ] as const) {
    await expect(myDay.section(list)).toContainText(empty);
  }
  await expect(myDay.figures()).toContainText('0waiting for first contact');
  await expectAccessible(page, 'My day: nothing due');
});

test('a new referral waits, an old one is overdue, and logging the first session takes it off the list', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const amara = await refer(harness.ctx, { preferredName: 'Amara Okonkwo' });
  await refer(harness.ctx, { preferredName: 'Bola Adeyemi', referredDaysAgo: 21, pathway: 'opt_out_reengagement' });
  await contact(harness.ctx, amara, { startTime: '10:30' });
  await page.goto(harness.url);
  const myDay = new MyDayPage(page);
  await myDay.expectShown();

  await expect(myDay.rows('Waiting for first contact')).toHaveCount(2);
  await expect(myDay.row('Waiting for first contact', 'Bola Adeyemi')).toContainText('Overdue');
  await expect(myDay.row('Waiting for first contact', 'Bola Adeyemi')).toContainText('Opt-out: re-engaging in care');
  await expect(myDay.row('Waiting for first contact', 'Amara Okonkwo')).toContainText('0 working days');
  await expect(myDay.row('Waiting for first contact', 'Amara Okonkwo')).not.toContainText('Overdue');
  await expect(myDay.figures()).toContainText('1 overdue');
  await expect(myDay.row('Planned today', 'Amara Okonkwo')).toContainText('10:30');
  await expectAccessible(page, 'My day: waiting and planned');

  await myDay.logOutcome('Amara Okonkwo', { minutes: '50', topics: ['Adjusting to diagnosis'] });
  await expect(myDay.row('Waiting for first contact', 'Amara Okonkwo')).toHaveCount(0);
  await expect(myDay.rows('Waiting for first contact')).toHaveCount(1);
  await expect(myDay.section('Planned today')).toContainText('Nothing planned for today');

  // The session is on her record as it was logged.
  const record = await must(harness.ctx, 'people.get', { id: amara.id });
  expect(record.episodes[0].contacts[0]).toMatchObject({ attendance: 'attended', minutes: 50, topics: ['adjusting_to_diagnosis'], startTime: '10:30' });
  expect(record.episodes[0].referralStatus).toBe('engaged');

  // Keyboard only: the name opens the person's record.
  await myDay.row('Waiting for first contact', 'Bola Adeyemi').getByRole('button', { name: 'Bola Adeyemi' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Bola Adeyemi', level: 2 })).toBeVisible();
});

test('a missed session from earlier in the week asks for an outcome until one is recorded', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const chidi = await refer(harness.ctx, { preferredName: 'Chidi Nwosu', referredDaysAgo: 30 });
  await contact(harness.ctx, chidi, { contactOn: daysAgo(20), attendance: 'attended' });
  await contact(harness.ctx, chidi, { contactOn: daysAgo(2), mode: 'phone' });
  await page.goto(harness.url);
  const myDay = new MyDayPage(page);
  await expect(myDay.row('Still need an outcome', 'Chidi Nwosu')).toContainText('Phone');
  await myDay.logOutcome('Chidi Nwosu', { attendance: 'Did not attend' });
  await expect(myDay.section('Still need an outcome')).toContainText('Every earlier contact has an outcome');
  const record = await must(harness.ctx, 'people.get', { id: chidi.id });
  expect(record.episodes[0].contacts.map((c) => c.attendance).sort()).toEqual(['attended', 'dna']);
});

test('the overdue point is a setting: move it and My day follows', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await refer(harness.ctx, { preferredName: 'Bola Adeyemi', referredDaysAgo: 14 });
  await page.goto(harness.url);
  const myDay = new MyDayPage(page);
  await expect(myDay.row('Waiting for first contact', 'Bola Adeyemi')).toContainText('Overdue');

  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.set('First contact is overdue after this many working days', '0');
  await settings.save();
  await expect(besideField(page, 'Enter at least 1.')).toBeVisible();
  await expect(page.getByLabel('First contact is overdue after this many working days')).toHaveValue('0');
  await settings.set('First contact is overdue after this many working days', '20');
  await settings.save();
  await expect(page.getByText('Settings saved')).toBeVisible();

  await myDay.goto();
  await expect(myDay.row('Waiting for first contact', 'Bola Adeyemi')).not.toContainText('Overdue');
  await expect(myDay.section('Waiting for first contact')).toContainText('within 20 working days');
});

test('goals due, people gone quiet and open risks are listed, and a long list links to the caseload filtered to match', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const dele = await refer(harness.ctx, { preferredName: 'Dele Quiet', referredDaysAgo: 120 });
  await contact(harness.ctx, dele, { contactOn: daysAgo(70), attendance: 'attended' });
  await must(harness.ctx, 'goals.create', { episodeId: dele.episodes[0].id, description: 'Go back to the gym', area: 'emotional_wellbeing', setOn: daysAgo(70), reviewBy: daysAgo(1) });
  await must(harness.ctx, 'risks.raise', { personId: dele.id, raisedOn: daysAgo(1), description: 'Has run out of medication' });
  // More waiting than My day lists (it shows the 50 longest waits).
  for (let i = 1; i <= 53; i++) await refer(harness.ctx, { preferredName: `Waiting Person ${i}`, referredDaysAgo: i % 10 });

  await page.goto(harness.url);
  await step('My day lists goals due, people gone quiet, open risks and the 50 longest waits', async () => {
    const myDay = new MyDayPage(page);
    await expect(myDay.row('Goals due for review', 'Dele Quiet')).toContainText('Go back to the gym');
    await expect(myDay.row('No recent contact', 'Dele Quiet')).toContainText('10');
    await expect(myDay.row('Open risk flags', 'Dele Quiet')).toContainText('Has run out of medication');
    await expect(myDay.row('Open risk flags', 'Dele Quiet')).toContainText('Not escalated yet');
    await expect(myDay.rows('Waiting for first contact')).toHaveCount(50);
    await expect(myDay.figures()).toContainText('53waiting for first contact');
    await expectAccessible(page, 'My day: busy');
  });

  await step('the long list links to the caseload filtered to match, longest wait first', async () => {
    await page.getByRole('button', { name: 'and 3 more: see everyone waiting in the caseload' }).click();
    const caseload = new CaseloadPage(page);
    await caseload.expectShown();
    await expect(page.getByRole('checkbox', { name: 'Waiting for first contact' })).toBeChecked();
    await expect(page.getByText('53 people match these filters')).toBeVisible();
    // As My day lists them: who has waited longest first (referred 9 days ago).
    await expect(page.getByRole('group', { name: 'Find people' }).getByRole('combobox', { name: 'Sort by' })).toHaveValue('Referral date (oldest first)');
    await expect(caseload.rows().first()).toContainText(/Waiting Person (9|19|29|39|49)(?!\d)/);
    await expect(caseload.row('Dele Quiet')).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Waiting for first contact' }).uncheck();
    await expect(page.getByText('54 people match these filters')).toBeVisible();
  });
});

test('publishing settings: the small-number threshold and rounding are saved for the monthly return', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await page.goto(harness.url);
  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.set('Hide counts from 1 up to', '10');
  await page.getByRole('checkbox', { name: 'Round other counts to the nearest 5' }).check();
  await settings.save();
  await expect(page.getByText('Settings saved')).toBeVisible();
  const saved = await must(harness.ctx, 'settings.get', {});
  expect({ threshold: saved.suppressionThreshold, round: saved.roundToFive }).toEqual({ threshold: 10, round: true });
});
