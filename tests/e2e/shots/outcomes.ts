// Screenshots of outcomes for `npm run screenshots`: a record with several instruments over a
// year, the assessment form (live score, missing items, too soon, the item 9 prompt), ONS4's
// 0–10 answers, engagement with care, a closed episode, instrument settings and the licence
// question, a follow-up after closure, and PozQoL's form. Steps that need a mount another
// screen owns are skipped, with a line saying so.
import type { Browser, Page } from '@playwright/test';
import type { MethodInput } from '../../../core/api/contract';
import { startHarness } from '../../harness/server';
import { must, tempDir } from '../../support/workspace';
import { CaseloadPage } from '../pages/CaseloadPage';
import { openSettings } from '../pages/SettingsPage';
import { OutcomesPage } from '../pages/OutcomesPage';
import { PersonPage } from '../pages/PersonPage';
import { contact, daysAgo, refer, seedWorkspace } from '../seed';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;
type Ctx = Awaited<ReturnType<typeof startHarness>>['ctx'];

const PHQ9 = [
  [3, 2, 3, 2, 2, 2, 2, 1, 0],
  [2, 2, 2, 2, 1, 2, 1, 1, 0],
  [1, 1, 2, 1, 1, 1, 1, 0, 0],
  [1, 0, 1, 1, 0, 1, 0, 0, 0],
];
const GAD7 = [
  [2, 3, 2, 2, 1, 2, 2],
  [2, 2, 1, 2, 1, 1, 1],
  [1, 1, 1, 1, 0, 1, 0],
];
const ONS4 = [
  [4, 5, 3, 8],
  [6, 6, 5, 6],
  [7, 8, 7, 3],
];
const SWEMWBS = [
  [2, 2, 3, 2, 3, 2, 2],
  [3, 3, 3, 3, 3, 3, 3],
  [4, 3, 4, 3, 4, 4, 3],
];
const WHEN = [330, 240, 150, 60];

const responses = (answers: number[], ids?: string[]) => Object.fromEntries(answers.map((a, i) => [ids?.[i] ?? `q${i + 1}`, a]));

async function record(ctx: Ctx, input: Omit<MethodInput<'assessments.record'>, 'method'> & { method?: MethodInput<'assessments.record'>['method'] }) {
  await must(ctx, 'assessments.record', { method: 'self_completed', ...input });
}

/** A year of support: four PHQ-9s, three GAD-7s, ONS4s and SWEMWBSs, and three engagement reviews. */
async function yearOfSupport(ctx: Ctx, preferredName: string) {
  await must(ctx, 'licences.confirm', { licence: 'warwick', confirmed: true });
  await must(ctx, 'settings.update', { enabledInstruments: ['phq9', 'gad7', 'ons4', 'swemwbs'] });
  const p = await refer(ctx, { preferredName, referredDaysAgo: 345, pathway: 'opt_out_reengagement', reEngaging: true });
  await contact(ctx, p, { contactOn: daysAgo(340), attendance: 'attended', minutes: 50 });
  const episodeId = p.episodes[0].id;
  for (const [i, answers] of PHQ9.entries()) await record(ctx, { episodeId, instrument: 'phq9', completedOn: daysAgo(WHEN[i]), responses: responses(answers), method: i === 2 ? 'phone' : 'self_completed' });
  for (const [i, answers] of GAD7.entries()) await record(ctx, { episodeId, instrument: 'gad7', completedOn: daysAgo(WHEN[i + 1]), responses: responses(answers) });
  for (const [i, answers] of ONS4.entries()) await record(ctx, { episodeId, instrument: 'ons4', completedOn: daysAgo(WHEN[i]), responses: responses(answers, ['satisfied', 'worthwhile', 'happy', 'anxious']), method: 'read_aloud' });
  for (const [i, answers] of SWEMWBS.entries()) await record(ctx, { episodeId, instrument: 'swemwbs', completedOn: daysAgo(WHEN[i + 1]), responses: responses(answers) });
  const review = (days: number, r: Partial<MethodInput<'engagement.record'>>) => must(ctx, 'engagement.record', { episodeId, reviewedOn: daysAgo(days), ...r });
  await review(320, { viralLoadUndetectable: false, viralLoadOn: daysAgo(325), adherence: 'missed_many', appointmentsKept: 1, appointmentsMissed: 3, reengagedInCare: false });
  await review(180, { viralLoadUndetectable: true, viralLoadOn: daysAgo(185), adherence: 'missed_few', appointmentsKept: 3, appointmentsMissed: 1, reengagedInCare: true });
  await review(40, {
    viralLoadUndetectable: true,
    viralLoadOn: daysAgo(45),
    adherence: 'all_doses',
    appointmentsKept: 4,
    appointmentsMissed: 0,
    reengagedInCare: true,
    note: 'Clinic confirms two undetectable results in a row. Now collecting prescriptions on time.',
  });
  return p;
}

export async function outcomeScreens(browser: Browser, shot: Shot): Promise<void> {
  const { dir, cleanup } = tempDir('caseload-shots-outcomes-');
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' });
  // Toasts from a previous step would cover the top right of the next picture.
  const settle = () => page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' }).catch(() => undefined);
  try {
    await seedWorkspace(harness.ctx);
    await yearOfSupport(harness.ctx, 'Amara Okonkwo');
    const fresh = await refer(harness.ctx, { preferredName: 'Bola Adeyemi', referredDaysAgo: 30 });
    await contact(harness.ctx, fresh, { contactOn: daysAgo(28), attendance: 'attended' });
    await record(harness.ctx, { episodeId: fresh.episodes[0].id, instrument: 'phq9', completedOn: daysAgo(6), responses: responses([1, 1, 1, 1, 1, 1, 1, 1, 0]) });

    await page.goto(harness.url);
    const caseload = new CaseloadPage(page);
    const outcomes = new OutcomesPage(page);
    // My day draws its lists once it has the day's figures.
    await page.getByRole('region', { name: 'Open risk flags' }).waitFor();
    await page.getByRole('region', { name: 'Assessments due' }).waitFor();
    await shot(page, '60-my-day-assessments-due', true);

    await caseload.goto();
    await caseload.open('Amara Okonkwo');
    // The record's Outcomes tab and My day's list exist now: a missing one fails the run.
    await outcomes.open();
    await outcomes.section('PHQ-9').getByRole('img').first().waitFor();
    await shot(page, '61-outcomes-year-of-support', true);

    // The form: part answered, then refused for a missing item, then the item 9 prompt.
    await caseload.goto();
    await caseload.open('Bola Adeyemi');
    await outcomes.open();
    let dialog = await outcomes.startAssessment('PHQ-9');
    await outcomes.typeAnswers(dialog, '1201120');
    await shot(page, '62-record-assessment-part-answered');
    await outcomes.save(dialog);
    await dialog.getByRole('alert').waitFor();
    await shot(page, '63-record-assessment-missing-items');
    await outcomes.typeAnswers(dialog, '12', 8);
    await outcomes.riskPrompt().waitFor();
    await shot(page, '64-item-9-prompt');
    await outcomes.riskPrompt().getByRole('button').click();
    await outcomes.riskPrompt().waitFor({ state: 'detached' });
    await outcomes.save(dialog);
    await dialog.getByRole('button', { name: 'Record anyway' }).waitFor();
    await shot(page, '65-record-assessment-too-soon');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    dialog = await outcomes.startAssessment('ONS4');
    await outcomes.typeAnswers(dialog, '7810');
    await shot(page, '66-record-assessment-ons4');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Record engagement review' }).click();
    const review = outcomes.engagementDialog();
    await review.getByRole('radio', { name: 'Undetectable' }).check();
    await review.getByRole('button', { name: 'Save review' }).click();
    await review.getByText('Enter the date of the viral load result.').waitFor();
    await shot(page, '67-engagement-review-error');
    await review.getByRole('button', { name: 'Cancel' }).click();

    await settle();
    await new PersonPage(page).closeEpisode({ reason: 'Goals met' });
    await outcomes.open();
    await settle();
    await shot(page, '68-outcomes-closed-episode', true);

    await openSettings(page, 'Outcome instruments');
    const section = page.getByRole('region', { name: 'Outcome instruments' });
    if ((await section.count()) === 0) {
      console.log('Outcomes: Settings has no "Outcome instruments" section yet; those pictures are skipped.');
    } else {
      await section.getByRole('button', { name: 'Withdraw' }).first().click();
      const withdraw = page.getByRole('dialog', { name: 'Withdraw the licence confirmation?' });
      await shot(page, '69-licence-withdraw');
      await withdraw.getByRole('button', { name: 'Withdraw confirmation' }).click();
      await withdraw.waitFor({ state: 'detached' });
      await settle();
      // Tall enough for the whole section, scrolled to it: a full-page picture would repeat the fixed header.
      await page.setViewportSize({ width: 1280, height: 1400 });
      await section.getByRole('heading', { name: 'Outcome instruments' }).scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, -80);
      await shot(page, '70-settings-outcome-instruments');
      await page.setViewportSize({ width: 1280, height: 800 });
      await section.getByRole('switch', { name: 'PozQoL' }).click();
      await page.getByRole('dialog', { name: 'Does your organisation hold this licence?' }).waitFor();
      await shot(page, '71-licence-question');
      await page.keyboard.press('Escape');
    }

    // A follow-up about seven months after support ended, set against the baseline (sustained change).
    const ended = await refer(harness.ctx, { preferredName: 'Chidi Nwosu', referredDaysAgo: 330 });
    await contact(harness.ctx, ended, { contactOn: daysAgo(320), attendance: 'attended' });
    await record(harness.ctx, { episodeId: ended.episodes[0].id, instrument: 'phq9', completedOn: daysAgo(320), responses: responses(PHQ9[0]) });
    await must(harness.ctx, 'episodes.close', { episodeId: ended.episodes[0].id, closedOn: daysAgo(200), reason: 'goals_met' });
    await caseload.goto();
    await caseload.open('Chidi Nwosu');
    await outcomes.open();
    await page.getByRole('button', { name: 'Record a follow-up after closure' }).click();
    const after = page.getByRole('dialog', { name: 'Record a follow-up after closure' });
    await after.getByRole('radio', { name: 'PHQ-9', exact: true }).check();
    await outcomes.typeAnswers(after, '110101000');
    await shot(page, '72-record-follow-up-after-closure');
    await outcomes.save(after);
    await outcomes.saved(after);
    await settle();
    await shot(page, '73-outcomes-after-closure', true);

    // PozQoL in the official form's numbering, each item with its domain.
    await must(harness.ctx, 'licences.confirm', { licence: 'pozqol', confirmed: true });
    await must(harness.ctx, 'settings.update', { enabledInstruments: ['phq9', 'gad7', 'ons4', 'pozqol'] });
    const dele = await refer(harness.ctx, { preferredName: 'Dele Okafor', referredDaysAgo: 20 });
    await contact(harness.ctx, dele, { contactOn: daysAgo(14), attendance: 'attended' });
    // The instruments were switched on behind the window's back: it asks for them afresh.
    await page.reload();
    await caseload.goto();
    await caseload.open('Dele Okafor');
    await outcomes.open();
    const poz = await outcomes.startAssessment('PozQoL');
    await outcomes.typeAnswers(poz, '4231423');
    await shot(page, '74-record-pozqol');
    await poz.getByRole('button', { name: 'Cancel' }).click();
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}
