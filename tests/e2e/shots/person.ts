// Screenshots of the person record for `npm run screenshots`: a long name, a busy episode with an
// open risk, every tab, the dialogs with their errors, a duplicate warning, and a closed episode.
import type { Browser, Page } from '@playwright/test';
import type { PersonRecord } from '../../../core/domain/record';
import { startHarness } from '../../harness/server';
import { must, tempDir } from '../../support/workspace';
import { CaseloadPage, typeDate } from '../pages/CaseloadPage';
import { PersonPage } from '../pages/PersonPage';
import { contact, daysAgo, refer, seedWorkspace, shown } from '../seed';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;

const LONG_NAME = 'Oluwaseun Adebayo-Whitfield-Montgomery-Kensington Testperson-Longname';
const NOTES = [
  'Talked about how the diagnosis landed. Tearful at first, then relieved to meet someone who has been there.',
  'Went through the first weeks of treatment: side effects settling. Wants to keep a pill diary.',
  null,
  'Worried about telling their partner. Practised what they might say; will think about timing and come back to it next week. Mentioned that their mum keeps asking about clinic appointments and they have not decided whether to tell her, which is weighing on them more than the diagnosis itself.',
];
const TOPICS = [
  ['adjusting_to_diagnosis', 'emotional_wellbeing'],
  ['treatment_adherence'],
  [],
  ['telling_others', 'relationships_sex', 'stigma', 'isolation'],
] as const;

async function busyPerson(harness: Awaited<ReturnType<typeof startHarness>>): Promise<PersonRecord> {
  const ctx = harness.ctx;
  let p = await refer(ctx, {
    preferredName: LONG_NAME,
    nhsNumber: '9434765919',
    referredDaysAgo: 60,
    referrerOrganisation: 'Riverside HIV clinic, Health Advisers and Sexual Health Outreach Team',
    referralReasons: 'Newly diagnosed last month; offered peer support through the opt-out pathway.',
  });
  const episodeId = p.episodes[0].id;
  await must(ctx, 'attempts.create', { episodeId, attemptedOn: daysAgo(59), method: 'phone', outcome: 'no_answer' });
  await must(ctx, 'attempts.create', { episodeId, attemptedOn: daysAgo(57), method: 'sms', outcome: 'left_message', note: 'Texted from the clinic phone.' });
  await must(ctx, 'attempts.create', { episodeId, attemptedOn: daysAgo(56), method: 'phone', outcome: 'spoke_engaged' });
  for (let i = 0; i < 14; i++) {
    p = await contact(ctx, p, {
      contactOn: daysAgo(55 - i * 4),
      startTime: i % 3 === 0 ? '10:30' : null,
      minutes: i % 4 === 2 ? null : 30 + (i % 3) * 15,
      mode: (['in_clinic', 'phone', 'video', 'in_clinic'] as const)[i % 4],
      attendance: i === 5 || i === 9 ? 'dna' : i === 11 ? 'cancelled_by_person' : 'attended',
      topics: [...TOPICS[i % 4]],
      note: NOTES[i % 4],
    });
  }
  await contact(ctx, p, { contactOn: daysAgo(-3), startTime: '14:00' });
  await must(ctx, 'goals.create', { episodeId, description: 'Tell my partner about my diagnosis, in my own time', area: 'telling_others', setOn: daysAgo(50), reviewBy: daysAgo(5) });
  const g = await must(ctx, 'goals.create', { episodeId, description: 'Take my tablets every day', area: 'treatment_adherence', setOn: daysAgo(50), reviewBy: daysAgo(20) });
  await must(ctx, 'goals.review', { goalId: g.episodes[0].goals.at(-1)!.id, reviewedOn: daysAgo(20), status: 'achieved', note: 'Using a phone reminder; no missed doses this month.' });
  await must(ctx, 'signposting.create', { episodeId, serviceType: 'counselling', madeOn: daysAgo(40), organisation: 'Positive East' });
  await must(ctx, 'signposting.create', { episodeId, serviceType: 'benefits_advice', madeOn: daysAgo(30), organisation: 'Citizens Advice Hackney', outcome: 'accessed', note: 'PIP application started.' });
  return must(ctx, 'risks.raise', {
    personId: p.id,
    episodeId,
    raisedOn: daysAgo(2),
    description: 'Said they had stopped taking medication for a week and felt there was no point carrying on.',
    actionTaken: 'Stayed with them; walked them to the duty nurse.',
    escalated: true,
    escalatedOn: daysAgo(2),
  });
}

export async function personScreens(browser: Browser, shot: Shot): Promise<void> {
  const { dir, cleanup } = tempDir('caseload-shots-person-');
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  try {
    await seedWorkspace(harness.ctx);
    await busyPerson(harness);
    const closed = await refer(harness.ctx, { preferredName: 'Kofi Mensah', dateOfBirth: '1975-03-03', referredDaysAgo: 200 });
    await contact(harness.ctx, closed, { contactOn: daysAgo(190), attendance: 'attended', topics: ['stigma'] });
    await must(harness.ctx, 'episodes.close', { episodeId: closed.episodes[0].id, closedOn: daysAgo(100), reason: 'goals_met', summary: 'Settled on treatment and back at work.' });
    await must(harness.ctx, 'episodes.create', { personId: closed.id, referralReceivedOn: daysAgo(20), referralSource: 'self', pathway: 'other' });

    await page.goto(harness.url);
    const caseload = new CaseloadPage(page);
    const person = new PersonPage(page);
    await caseload.goto();
    await caseload.open(LONG_NAME);
    await shot(page, '20-person-timeline-risk');
    await shot(page, '20b-person-timeline-risk-full', true);
    for (const [n, tab] of [['21', 'Referral'], ['22', 'Contacts'], ['23', 'Goals'], ['24', 'Signposting'], ['25', 'Risk'], ['26', 'Details']] as const) {
      await person.openTab(tab);
      await shot(page, `${n}-person-${tab.toLowerCase()}`, true);
    }

    // Details refused: a mistyped NHS Number and an impossible diagnosis month, kept as typed.
    await page.getByLabel('NHS Number (optional)').fill('943 476 5918');
    await page.getByLabel('HIV diagnosis (optional)').fill('13/2025');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('This is not a valid NHS Number').first().waitFor();
    await shot(page, '27-person-details-errors', true);
    await page.getByRole('button', { name: 'Undo changes' }).click();

    const dialog = await person.openLogContact();
    await shot(page, '28-log-contact');
    // Topics from the keyboard: the focused chip must show it has focus, and which are chosen.
    await dialog.getByRole('checkbox', { name: 'Stigma' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await shot(page, '28b-log-contact-topics-keyboard');
    await typeDate(dialog.getByRole('textbox', { name: 'Date', exact: true }), shown(daysAgo(90)));
    await dialog.getByLabel('Length in minutes (optional)').fill('900');
    await dialog.getByLabel('Private note (optional)').fill('Kept after the error.');
    await dialog.getByRole('button', { name: 'Log contact' }).click();
    await dialog.getByText(/600 minutes/).first().waitFor();
    await shot(page, '29-log-contact-errors');
    await dialog.getByLabel('Length in minutes (optional)').fill('45');
    await dialog.getByRole('button', { name: 'Log contact' }).click();
    await dialog.getByText(/before the referral/).first().waitFor();
    await shot(page, '29b-log-contact-server-error');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // A clinic PC's 1366×768 screen, maximised: the footer's Save stays in view, and a start time
    // that does not read is explained beside it with what was typed kept.
    await page.setViewportSize({ width: 1366, height: 768 });
    const small = await person.openLogContact();
    await shot(page, '29c-log-contact-1366x768');
    await small.getByLabel('Start time (optional)').fill('9:3x');
    await small.getByLabel('Length in minutes (optional)').fill('45');
    await small.getByRole('button', { name: 'Log contact' }).click();
    await small.getByText(/Enter a time on the 24-hour clock/).first().waitFor();
    await shot(page, '29d-log-contact-1366x768-time-error');
    await small.getByLabel('Private note (optional)').focus();
    await shot(page, '29e-log-contact-1366x768-note-focused');
    await small.getByRole('button', { name: 'Cancel' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'Close episode' }).click();
    await page.getByRole('dialog', { name: 'Close this episode' }).getByRole('button', { name: 'Close episode' }).click();
    await page.getByText('Choose why support ended.').waitFor();
    await shot(page, '30-close-episode-errors');
    await page.getByRole('dialog', { name: 'Close this episode' }).getByRole('button', { name: 'Cancel' }).click();

    await person.openTab('Referral');
    await page.getByRole('button', { name: 'Log attempt' }).click();
    await shot(page, '31-log-attempt');
    await page.getByRole('dialog', { name: 'Log a contact attempt' }).getByRole('button', { name: 'Cancel' }).click();
    await person.openTab('Risk');
    await page.getByRole('button', { name: 'Raise a risk' }).click();
    await page.getByRole('dialog', { name: 'Raise a risk' }).getByLabel('Escalated to the clinical team').check();
    await page.getByRole('dialog', { name: 'Raise a risk' }).getByRole('button', { name: 'Raise risk' }).click();
    await page.getByText('Describe the risk.').waitFor();
    await shot(page, '32-raise-risk-errors');
    await page.getByRole('dialog', { name: 'Raise a risk' }).getByRole('button', { name: 'Cancel' }).click();

    // Someone with an earlier, closed episode and a new referral.
    await caseload.goto();
    await caseload.open('Kofi Mensah');
    await shot(page, '33-person-two-episodes');
    await page.getByRole('combobox', { name: 'Episode of support' }).click();
    await page.getByRole('option', { name: /closed/ }).click();
    await person.openTab('Contacts');
    await shot(page, '34-person-closed-episode');

    // The duplicate warning when adding someone already known.
    await caseload.goto();
    await caseload.addPerson({ name: LONG_NAME, nhsNumber: '943 476 5919', dateOfBirth: '17/05/1990' });
    await page.getByRole('button', { name: 'Add anyway' }).waitFor();
    await shot(page, '35-add-person-duplicate');
    await page.getByRole('dialog', { name: 'Add a person' }).getByRole('button', { name: 'Cancel' }).first().click();
    await caseload.openAddPerson();
    await page.getByRole('dialog', { name: 'Add a person' }).getByRole('button', { name: 'Add person' }).click();
    await page.getByText('Choose where the referral came from.').first().waitFor();
    await shot(page, '36-add-person-errors');
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}
