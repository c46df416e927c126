// A peer-support worker's day with one person, from an opt-out referral to closure, then lock
// and unlock to see it all still there. Plus the duplicate warning, a closed episode being
// read-only until reopened, and a risk staying on the header until resolved. Long journeys go in
// steps, each with its own time budget (fixtures.ts).
import dayjs from 'dayjs';
import { expect, expectAccessible, PASSPHRASE, step, test } from './fixtures';
import { CaseloadPage, choose } from './pages/CaseloadPage';
import { PersonPage } from './pages/PersonPage';
import { SetupPage } from './pages/SetupPage';
import { UnlockPage } from './pages/UnlockPage';
import { contact, refer, seedWorkspace } from './seed';
import { besideField } from './pages/fieldError';

/** A date this many days ago, as the worker types it. */
const daysAgo = (n: number) => dayjs().subtract(n, 'day').format('DD/MM/YYYY');

const amara = {
  name: 'Amara Okonkwo',
  nhsNumber: '943 476 5919',
  dateOfBirth: '12/04/1988',
  referred: daysAgo(10),
  diagnosed: dayjs().subtract(10, 'day').format('MM/YYYY'),
  source: 'Opt-out pathway from HIV clinic',
  pathway: 'Opt-out: new diagnosis',
  referrer: 'Riverside HIV clinic',
};

async function startDay(page: import('@playwright/test').Page, url: string) {
  await page.goto(url);
  await new SetupPage(page).complete('Riverside Sexual Health', 'Sam Peer', PASSPHRASE);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  return caseload;
}

test('a worker’s day: opt-out referral → two attempts → first session → goal → signposting → DNA → closure, still there after lock', async ({ page, harness }) => {
  // A whole day's journey with an accessibility check on every screen and dialog on the way: in
  // steps, each with its own time budget (fixtures.ts), rather than one long fixed limit.
  const caseload = await startDay(page, harness.url);
  const person = new PersonPage(page);
  const facts = person.facts();
  const contacts = page.getByRole('list', { name: 'Contacts' });

  const caseId = await step('the referral arrives by the opt-out pathway', async () => {
    await caseload.openAddPerson();
    await expectAccessible(page, 'add person (empty)');
    await page.getByRole('dialog', { name: 'Add a person' }).getByRole('button', { name: 'Cancel' }).click();
    await caseload.addPerson(amara);
    await person.expectShown('Amara Okonkwo');
    await expect(facts).toContainText('943 476 5919');
    await expect(facts).toContainText('35-44');
    await expect(facts).toContainText('Opt-out: new diagnosis');
    await expect(facts).toContainText('Received');
    const caseId = (await facts.getByText(/^PS-/).innerText()).trim();
    expect(caseId).toMatch(/^PS-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expectAccessible(page, 'person record: timeline of a new referral');
    return caseId;
  });

  await step('two attempts to reach her: no answer, then she wants support', async () => {
    await person.openTab('Referral');
    await expect(page.getByText('Newly diagnosed')).toBeVisible();
    await expectAccessible(page, 'person record: referral');
    await page.getByRole('button', { name: 'Log attempt' }).click();
    await expectAccessible(page, 'log attempt dialog');
    await page.getByRole('dialog', { name: 'Log a contact attempt' }).getByRole('button', { name: 'Cancel' }).click();
    await person.logAttempt({ date: daysAgo(9), method: 'Phone call', outcome: 'No answer' });
    await expect(facts).toContainText('Contact attempted');
    await person.logAttempt({ date: daysAgo(8), method: 'Phone call', outcome: 'Spoke: wants support', note: 'Happy to meet at clinic next week.' });
    await expect(facts).toContainText('Engaged');
    const attempts = page.getByRole('table', { name: 'Contact attempts' });
    await expect(attempts.locator('tbody tr')).toHaveCount(2);
    await expect(attempts).toContainText('Spoke: wants support');
    await expect(page.getByRole('definition').filter({ hasText: daysAgo(8) })).toBeVisible();
  });

  await step('the first session, logged from the keyboard: focus starts on the date, Ctrl+Enter saves', async () => {
    const dialog = await person.openLogContact();
    await expect(dialog.getByRole('textbox', { name: 'Date', exact: true })).toBeFocused();
    await expect(dialog.getByRole('radio', { name: '1-to-1 peer support', exact: true })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'In person in clinic', exact: true })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'Attended', exact: true })).toBeChecked();
    await expectAccessible(page, 'log contact dialog');
    await person.fillContact(dialog, {
      date: daysAgo(7),
      startTime: '14:30',
      minutes: '50',
      topics: ['Adjusting to diagnosis', 'Treatment and adherence', 'Telling others'],
      note: 'First meeting. Talked through starting treatment.',
    });
    await dialog.getByLabel('Private note (optional)').press('Control+Enter');
    await expect(dialog).toBeHidden();
    await person.openTab('Contacts');
    await expect(contacts.getByRole('listitem')).toHaveCount(1);
    await expect(contacts).toContainText(`${daysAgo(7)} at 14:30: 1-to-1 peer support, in person in clinic`);
    await expect(contacts).toContainText('Telling others');
    await expect(contacts).toContainText('50 min');
    await expectAccessible(page, 'person record: contacts');
  });

  await step('a goal, in her words', async () => {
    await person.addGoal({ description: 'Tell my sister about my diagnosis', area: 'Telling others', reviewBy: dayjs().add(14, 'day').format('DD/MM/YYYY') });
    await expect(page.getByRole('list', { name: 'Goals' })).toContainText('Tell my sister about my diagnosis');
    await expectAccessible(page, 'person record: goals');
    await page.getByRole('button', { name: 'Review' }).click();
    await expectAccessible(page, 'review goal dialog');
    await page.getByRole('dialog', { name: 'Review a goal' }).getByRole('button', { name: 'Cancel' }).click();
  });

  await step('signposting to counselling', async () => {
    await person.addSignposting({ service: 'Counselling', organisation: 'Positive East' });
    const signposting = page.getByRole('table', { name: 'Signposting and onward referrals' });
    await expect(signposting).toContainText('Counselling');
    await expect(signposting).toContainText('Waiting to hear');
    await expectAccessible(page, 'person record: signposting');
  });

  await step('she misses the next session: logged with Enter from a field', async () => {
    const dna = await person.openLogContact();
    await person.fillContact(dna, { date: daysAgo(3), attendance: 'Did not attend', minutes: '30' });
    await dna.getByLabel('Length in minutes (optional)').press('Enter');
    await expect(dna).toBeHidden();
    await person.openTab('Contacts');
    await expect(contacts.getByRole('listitem')).toHaveCount(2);
    await expect(contacts.getByRole('listitem').first()).toContainText('Did not attend');
    await expect(page.getByText('2 contacts: 1 attended, 1 did not attend.')).toBeVisible();
  });

  await step('support ends', async () => {
    await page.getByRole('button', { name: 'Close episode' }).click();
    // No scores yet: the dialog offers a closing assessment for each instrument in use.
    const closing = page.getByRole('dialog', { name: 'Close this episode' });
    await expect(closing.getByText('Closing assessment')).toBeVisible();
    await expect(closing.getByRole('button', { name: 'Record PHQ-9 (none yet)' })).toBeVisible();
    await expectAccessible(page, 'close episode dialog');
    await page.getByRole('dialog', { name: 'Close this episode' }).getByRole('button', { name: 'Cancel' }).click();
    await person.closeEpisode({ reason: 'Goals met', summary: 'Told her sister; settled on treatment.' });
    await expect(page.getByText('This episode is closed and read-only')).toBeVisible();
    await person.openTab('Timeline');
    const timeline = person.timeline();
    await expect(timeline).toContainText('Episode closed: Goals met');
    await expect(timeline).toContainText('Contact attempt (phone call): No answer');
    await expect(timeline).toContainText('Goal set: Tell my sister about my diagnosis');
    await expect(timeline).toContainText('Signposted to counselling (Positive East)');
    await expect(timeline).toContainText('Did not attend');
    await expect(timeline).toContainText('Referral received: Opt-out: new diagnosis');
    await expect(timeline.getByRole('listitem')).toHaveCount(8);
    await expectAccessible(page, 'person record: closed, timeline');
    await person.openTab('Details');
    await expectAccessible(page, 'person record: details');
  });

  await step('lock; unlock; it is all still there', async () => {
    await caseload.lock();
    const unlock = new UnlockPage(page);
    await unlock.expectLocked();
    await expect(page.locator('body')).not.toContainText('Amara');
    await unlock.unlock(PASSPHRASE);
    await caseload.goto();
    await caseload.open('Amara Okonkwo');
    await expect(person.facts()).toContainText(caseId);
    await expect(person.timeline().getByRole('listitem')).toHaveCount(8);
    await person.openTab('Contacts');
    await expect(page.getByRole('list', { name: 'Contacts' }).getByRole('listitem')).toHaveCount(2);
    await person.openTab('Goals');
    await expect(page.getByRole('list', { name: 'Goals' })).toContainText('Tell my sister about my diagnosis');
    await person.openTab('Signposting');
    await expect(page.getByRole('table', { name: 'Signposting and onward referrals' })).toContainText('Positive East');
    await person.openTab('Referral');
    await expect(page.getByRole('table', { name: 'Contact attempts' }).locator('tbody tr')).toHaveCount(2);
  });
});

test('a likely duplicate is shown before saving: open their record, or add anyway', async ({ page, harness }) => {
  const caseload = await startDay(page, harness.url);
  await caseload.addPerson(amara);
  const person = new PersonPage(page);
  await person.expectShown('Amara Okonkwo');
  const caseId = (await person.facts().getByText(/^PS-/).innerText()).trim();
  const warning = page.getByRole('region', { name: /already on your caseload/ });

  await step('same name and date of birth, no NHS Number this time', async () => {
    await caseload.goto();
    await caseload.addPerson({ ...amara, nhsNumber: undefined });
    await expect(warning).toContainText('This may be someone already on your caseload');
    await expect(warning).toContainText(caseId);
    await expect(warning).toContainText('12/04/1988');
    await expect(warning).toContainText('same name and date of birth');
    await expectAccessible(page, 'add person: likely duplicate');
    await warning.getByRole('button', { name: /^Open their record/ }).click();
    await person.expectShown('Amara Okonkwo');
    await expect(person.facts()).toContainText(caseId);
  });

  await step('the same NHS Number is a likely duplicate whatever the name; the worker may still go on', async () => {
    await caseload.goto();
    await caseload.addPerson({ ...amara, name: 'A. Okonkwo' });
    await expect(warning).toContainText('same NHS Number');
    // The same number is almost certainly the same person: opening their record is the main button.
    await expect(warning.getByRole('button', { name: /^Open their record/ })).toHaveAttribute('data-variant', 'filled');
    await expect(warning.getByRole('button', { name: 'Add anyway' })).toHaveAttribute('data-variant', 'default');
    await warning.getByRole('button', { name: 'Add anyway' }).click();
    await person.expectShown('A. Okonkwo');
    await expect(person.facts()).not.toContainText(caseId);
    await caseload.goto();
    await expect(caseload.rows()).toHaveCount(2);
  });
});

test('a closed episode is read-only until reopened, and a new referral can follow', async ({ page, harness }) => {
  const caseload = await startDay(page, harness.url);
  await caseload.addPerson({ ...amara, name: 'Kofi Mensah', nhsNumber: undefined, dateOfBirth: '03/03/1975' });
  const person = new PersonPage(page);
  await person.expectShown('Kofi Mensah');
  await person.logContact({ date: daysAgo(2), topics: ['Stigma'] });
  await person.closeEpisode({ reason: 'Person ended support' });

  await step('nothing can be added or changed while closed, and the screen says why', async () => {
    await expect(page.getByRole('button', { name: 'Log contact' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Close episode' })).toHaveCount(0);
    for (const tab of ['Referral', 'Contacts', 'Goals', 'Signposting']) {
      await person.openTab(tab);
      await expect(page.getByText('This episode is closed and read-only')).toBeVisible();
    }
    await person.openTab('Referral');
    await expect(page.getByRole('button', { name: 'Log attempt' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Edit referral' })).toHaveCount(0);
    await person.openTab('Contacts');
    await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await person.openTab('Goals');
    await expect(page.getByRole('button', { name: 'Add goal' })).toHaveCount(0);
    await expectAccessible(page, 'person record: closed episode');
  });

  await step('reopening asks why, and records it', async () => {
    await page.getByRole('button', { name: 'Reopen episode' }).click();
    const reopen = page.getByRole('dialog', { name: 'Reopen this episode' });
    await reopen.getByRole('button', { name: 'Reopen episode' }).click();
    await expect(reopen.getByText('Say why the episode is being reopened.')).toBeVisible();
    await expectAccessible(page, 'reopen dialog with an error');
    await reopen.getByRole('button', { name: 'Cancel' }).click();
    await person.reopenEpisode('Asked to come back after a hard month.');
    await expect(page.getByText('This episode is closed and read-only')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add goal' })).toBeVisible();
    await person.openTab('Contacts');
    await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();
    await person.openTab('Timeline');
    await expect(person.timeline()).toContainText('Episode reopened');
  });

  await step('closed again; with every episode closed, a new referral starts a new episode', async () => {
    await person.closeEpisode({ reason: 'Goals met' });
    await page.getByRole('button', { name: 'New referral' }).click();
    const referral = page.getByRole('dialog', { name: 'New referral' });
    await expectAccessible(page, 'new referral dialog');
    await referral.getByRole('button', { name: 'Add referral' }).click();
    await expect(besideField(referral, 'Choose where the referral came from.')).toBeVisible();
    await referral.getByRole('combobox', { name: 'Referral source' }).click();
    await page.getByRole('option', { name: 'Self-referral' }).click();
    await referral.getByRole('combobox', { name: 'Pathway' }).click();
    await page.getByRole('option', { name: 'Other', exact: true }).click();
    await referral.getByRole('button', { name: 'Add referral' }).click();
    await expect(referral).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Episode of support' })).toHaveValue(/open$/);
    await expect(page.getByRole('button', { name: 'Log contact' })).toBeVisible();
    await expect(person.facts()).toContainText('Received');
  });
});

test('a risk stays on the header until resolved; mistakes are explained beside the field', async ({ page, harness }) => {
  const caseload = await startDay(page, harness.url);
  await caseload.addPerson({ ...amara, name: 'Dee Walker', nhsNumber: undefined, dateOfBirth: '30/06/1999' });
  const person = new PersonPage(page);
  await person.expectShown('Dee Walker');

  await step('a contact dated before the referral is refused with a reason, and the note is kept', async () => {
    const dialog = await person.openLogContact();
    await person.fillContact(dialog, { date: daysAgo(20), note: 'Met in the waiting room.' });
    await dialog.getByRole('button', { name: 'Log contact' }).click();
    // Said in "There is a problem" at the top, and beside the date.
    await expect(dialog.getByRole('alert').getByRole('link', { name: /before the referral/i })).toBeVisible();
    await expect(dialog.getByText(/before the referral/i)).toHaveCount(2);
    await expect(dialog.getByLabel('Private note (optional)')).toHaveValue('Met in the waiting room.');
    await expectAccessible(page, 'log contact with an error');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  const banner = person.riskBanner();
  await step('a risk raised and escalated shows on the header', async () => {
    await person.raiseRisk({ description: 'Said they have stopped taking medication and feel hopeless.', action: 'Talked it through; agreed to see the clinic nurse today.', escalatedOn: daysAgo(0) });
    await expect(banner).toContainText('Said they have stopped taking medication and feel hopeless.');
    await expect(banner).toContainText('Escalated to the clinical team');
    await expect(page.getByRole('tab', { name: 'Risk (1 open)' })).toBeVisible();
    await expectAccessible(page, 'person record: open risk');
  });

  await step('still on the header from any tab, and after leaving and coming back', async () => {
    await person.openTab('Details');
    await expect(banner).toBeVisible();
    await caseload.goto();
    await expect(caseload.row('Dee Walker')).toContainText('Risk');
    await caseload.open('Dee Walker');
    await expect(banner).toBeVisible();
  });

  await step('resolving it takes it off the header, and the risk tab says so', async () => {
    await banner.getByRole('button', { name: 'Resolve' }).click();
    const resolve = page.getByRole('dialog', { name: 'Resolve a risk' });
    await expectAccessible(page, 'resolve risk dialog');
    await resolve.getByLabel('How it was resolved (optional)').fill('Back on treatment; nurse following up.');
    await resolve.getByRole('button', { name: 'Resolve risk' }).click();
    await expect(banner).toHaveCount(0);
    await person.openTab('Risk');
    await expect(page.getByRole('list', { name: 'Risk flags' })).toContainText('Resolved');
  });
});

test('every record can be corrected: referral, status, contact, goal, signposting, risk, details', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const seeded = await refer(harness.ctx, { preferredName: 'Sam Okafor', dateOfBirth: '1992-02-29', referredDaysAgo: 10 });
  await contact(harness.ctx, seeded, { contactOn: dayjs().subtract(5, 'day').format('YYYY-MM-DD'), attendance: 'attended', minutes: 30, topics: ['isolation'] });
  await page.goto(harness.url);
  const caseload = new CaseloadPage(page);
  await caseload.goto();
  await caseload.open('Sam Okafor');
  const person = new PersonPage(page);

  await step('the referral and the status', async () => {
    await person.openTab('Referral');
    await page.getByRole('button', { name: 'Edit referral' }).click();
    const referral = person.dialog('Edit referral');
    await expectAccessible(page, 'edit referral dialog');
    await referral.getByLabel('Referrer organisation (optional)').fill('Riverside HIV clinic');
    await referral.getByRole('button', { name: 'Save referral' }).click();
    await expect(referral).toBeHidden();
    await expect(page.getByRole('definition').filter({ hasText: 'Riverside HIV clinic' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Change the status' }).click();
    await page.getByRole('option', { name: 'Not contactable' }).click();
    await page.getByRole('button', { name: 'Set status' }).click();
    await expect(person.facts()).toContainText('Not contactable');
  });

  await step('a contact', async () => {
    await person.openTab('Contacts');
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = person.dialog('Edit contact');
    await expect(edit.getByLabel('Length in minutes (optional)')).toHaveValue('30');
    await expect(edit.getByRole('checkbox', { name: 'Isolation' })).toBeChecked();
    await edit.getByLabel('Length in minutes (optional)').fill('40');
    await edit.getByText('Housing', { exact: true }).click();
    await expect(edit.getByRole('checkbox', { name: 'Housing' })).toBeChecked();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toBeHidden();
    const contacts = page.getByRole('list', { name: 'Contacts' });
    await expect(contacts).toContainText('40 min');
    await expect(contacts).toContainText('Housing');
  });

  await step('a goal: reviewed, then its words changed', async () => {
    await person.addGoal({ description: 'Join a support group', area: 'Social connection' });
    await page.getByRole('button', { name: 'Review' }).click();
    const review = person.dialog('Review a goal');
    await review.getByRole('radio', { name: 'Achieved', exact: true }).check();
    await review.getByLabel('Review note (optional)').fill('Went to two groups.');
    await review.getByRole('button', { name: 'Save review' }).click();
    await expect(review).toBeHidden();
    const goals = page.getByRole('list', { name: 'Goals' });
    await expect(goals).toContainText('Achieved');
    await expect(goals).toContainText('Went to two groups.');
    await page.getByRole('button', { name: 'Edit' }).click();
    await person.dialog('Edit goal').getByLabel('Goal').fill('Join a support group near home');
    await person.dialog('Edit goal').getByRole('button', { name: 'Save goal' }).click();
    await expect(goals).toContainText('Join a support group near home');
  });

  await step('a signposting outcome', async () => {
    await person.addSignposting({ service: 'Housing', organisation: 'Shelter' });
    await page.getByRole('button', { name: 'Update outcome' }).click();
    const outcome = person.dialog('Update the outcome');
    await expectAccessible(page, 'signposting outcome dialog');
    await outcome.getByRole('radio', { name: 'Accessed the service', exact: true }).check();
    await outcome.getByRole('button', { name: 'Save outcome' }).click();
    await expect(outcome).toBeHidden();
    await expect(page.getByRole('table', { name: 'Signposting and onward referrals' })).toContainText('Accessed the service');
  });

  await step('a risk: the action taken', async () => {
    await person.raiseRisk({ description: 'Facing eviction next week.' });
    await page.getByRole('list', { name: 'Risk flags' }).getByRole('button', { name: 'Update' }).click();
    const risk = person.dialog('Update a risk');
    await risk.getByLabel('Action taken').fill('Referred to the housing team.');
    await risk.getByRole('button', { name: 'Save' }).click();
    await expect(risk).toBeHidden();
    await expect(person.riskBanner()).toContainText('Action taken: Referred to the housing team.');
  });

  await step('details: a consent with no number to use is refused beside the phone field, nothing lost', async () => {
    await person.openTab('Details');
    await choose(page, page.getByRole('combobox', { name: 'Gender identity' }), 'Non-binary');
    await page.getByRole('combobox', { name: 'Borough' }).fill('Hack');
    await page.getByRole('option', { name: 'Hackney' }).click();
    await page.getByRole('checkbox', { name: 'Phone' }).check();
    await page.getByLabel('HIV diagnosis (optional)').fill('3/2024');
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect(besideField(page, 'Add the phone number they agreed we may call.')).toBeVisible();
    // The error summary has focus; its link goes to the field.
    const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(problem).toBeFocused();
    await problem.getByRole('link', { name: 'Add the phone number they agreed we may call.' }).click();
    await expect(page.getByRole('textbox', { name: 'Phone (optional)' })).toBeFocused();
    await expectAccessible(page, 'details with an error');
    await page.getByRole('textbox', { name: 'Phone (optional)' }).fill('07700 900123');
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect(page.getByText('Unsaved changes')).toBeHidden();
    await expect(page.getByLabel('HIV diagnosis (optional)')).toHaveValue('03/2024');
  });

  await step('leave and come back: what was saved is what shows', async () => {
    await caseload.goto();
    await caseload.open('Sam Okafor');
    await person.openTab('Details');
    await expect(page.getByRole('combobox', { name: 'Gender identity' })).toHaveValue('Non-binary');
    await expect(page.getByRole('combobox', { name: 'Borough' })).toHaveValue('Hackney');
    await expect(page.getByRole('textbox', { name: 'Phone (optional)' })).toHaveValue('07700 900123');
    await expect(page.getByRole('checkbox', { name: 'Phone' })).toBeChecked();
  });
});
