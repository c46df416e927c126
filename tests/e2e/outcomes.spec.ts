// Outcomes through a worker's eyes: a PHQ-9 baseline and follow-up answered from the keyboard
// become a chart and a sentence; an answer above 0 on item 9 prompts at once and leaves a risk
// flag; repeating too soon asks first; SWEMWBS needs the licence confirmed; engagement with care
// and ONS4's 0–10 answers. Records start in the past through the real dispatcher.
import type { Page } from '@playwright/test';
import type { MethodInput } from '../../core/api/contract';
import type { Harness } from '../harness/server';
import { must } from '../support/workspace';
import { expect, expectAccessible, step, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { goTo } from './pages/nav';
import { OutcomesPage } from './pages/OutcomesPage';
import { PersonPage } from './pages/PersonPage';
import { contact, daysAgo, refer, seedWorkspace, shown } from './seed';

/** Someone referred four months ago and first seen a week later: a baseline is due. */
async function personInSupport(harness: Harness, preferredName: string, extra: Partial<MethodInput<'people.create'>> = {}) {
  const person = await refer(harness.ctx, { preferredName, referredDaysAgo: 120, ...extra });
  await contact(harness.ctx, person, { contactOn: daysAgo(113), attendance: 'attended', minutes: 45 });
  return person;
}

async function openOutcomes(page: Page, url: string, name: string) {
  await page.goto(url);
  await new CaseloadPage(page).goto();
  await new CaseloadPage(page).open(name);
  const outcomes = new OutcomesPage(page);
  await outcomes.open();
  return outcomes;
}

test('a PHQ-9 baseline and a follow-up, answered from the keyboard, show as a chart with the change in words', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await personInSupport(harness, 'Amara Okonkwo');
  const outcomes = await openOutcomes(page, harness.url, 'Amara Okonkwo');
  await expect(outcomes.due()).toContainText('PHQ-9 baseline');
  await expect(outcomes.due()).toContainText('Overdue');
  await expectAccessible(page, 'outcomes: nothing recorded yet');

  const baselineOn = daysAgo(100);
  await step('the baseline, 100 days ago. Item 9 is left out at first: the app names it and keeps the rest', async () => {
    const dialog = await outcomes.startAssessment('PHQ-9', shown(baselineOn));
    await outcomes.typeAnswers(dialog, '22222211');
    await expect(dialog.getByTestId('live-score')).toContainText('8 of 9 answered');
    await expectAccessible(page, 'record assessment: PHQ-9 part answered');
    await outcomes.save(dialog);
    await expect(dialog.getByRole('alert')).toContainText('Answer item 9: it must always be asked.');
    await expect(outcomes.question(dialog, 9)).toHaveAccessibleDescription('Answer this item.');
    // The error summary has focus; its link goes to the item.
    await expect(dialog.getByRole('alert')).toBeFocused();
    await dialog.getByRole('link', { name: 'Item 9: Answer this item.' }).press('Enter');
    await expect(outcomes.question(dialog, 9).getByRole('radio').first()).toBeFocused();
    await expect(outcomes.question(dialog, 1).getByRole('radio', { name: '2: More than half the days' })).toBeChecked();
    await expectAccessible(page, 'record assessment: missing item named');
    await page.keyboard.type('0');
    // After the last question, focus is on Save: Enter saves.
    await expect(dialog.getByRole('button', { name: 'Save assessment' })).toBeFocused();
    await expect(dialog.getByTestId('live-score')).toContainText('PHQ-9 total: 14 (Moderate)');
    await page.keyboard.press('Enter');
    await outcomes.saved(dialog);
    await expect(outcomes.section('PHQ-9')).toContainText(`PHQ-9: baseline on ${shown(baselineOn)}, no follow-up yet`);
  });

  await step('the follow-up, today', async () => {
    const followUp = await outcomes.startAssessment('PHQ-9');
    await outcomes.typeAnswers(followUp, '111010000');
    await expect(followUp.getByTestId('live-score')).toContainText('PHQ-9 total: 4 (Minimal)');
    await page.keyboard.press('Enter');
    await outcomes.saved(followUp);
  });

  await step('the change in words, the chart and the table', async () => {
    await expect(outcomes.section('PHQ-9')).toContainText(`PHQ-9 down 10 since ${shown(baselineOn)}: reliable improvement`);
    await expect(outcomes.chart('PHQ-9')).toBeVisible();
    await expect(outcomes.chart('PHQ-9').locator('.recharts-line-dot, .recharts-dot')).toHaveCount(2);
    await expect(outcomes.rows('PHQ-9')).toHaveCount(2);
    await expect(outcomes.rows('PHQ-9').first()).toContainText(shown(baselineOn));
    await expect(outcomes.rows('PHQ-9').first()).toContainText('Moderate');
    await expect(outcomes.rows('PHQ-9').last()).toContainText('Minimal');
    await expect(outcomes.rows('PHQ-9').last()).toContainText('Self-completed');
    await expect(outcomes.rows('PHQ-9').last()).toContainText('Sam Peer');
    await expectAccessible(page, 'outcomes: PHQ-9 baseline and follow-up');
  });
});

test('PHQ-9 item 9 above 0 prompts at once with the clinic’s escalation route, and saving raises a risk flag', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await must(harness.ctx, 'settings.update', { escalationRoute: 'Tell the duty doctor on extension 4321 straight away. Out of hours: NHS 111, option 2.' });
  const bola = await personInSupport(harness, 'Bola Adeyemi');
  await must(harness.ctx, 'assessments.record', { episodeId: bola.episodes[0].id, instrument: 'phq9', completedOn: daysAgo(5), method: 'self_completed', responses: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9: 0 } });
  const outcomes = await openOutcomes(page, harness.url, 'Bola Adeyemi');
  const person = new PersonPage(page);
  await expect(person.riskBanner()).toHaveCount(0);

  const dialog = await step('item 9 above 0 prompts at once with the escalation route', async () => {
    const dialog = await outcomes.startAssessment('PHQ-9');
    await outcomes.typeAnswers(dialog, '21212121');
    await expect(outcomes.riskPrompt()).toHaveCount(0);
    await page.keyboard.type('1');
    const prompt = outcomes.riskPrompt();
    await expect(prompt).toBeVisible();
    await expect(prompt.getByRole('alert')).toContainText('Tell the duty doctor on extension 4321 straight away.');
    await expect(prompt.getByRole('alert')).toContainText('risk flag is raised on the person’s record');
    const acknowledge = prompt.getByRole('button', { name: 'I have read this: back to the form' });
    await expect(acknowledge).toBeFocused();
    await expectAccessible(page, 'risk prompt');
    // Escape neither dismisses the prompt nor closes the form under it.
    await page.keyboard.press('Escape');
    await expect(prompt).toBeVisible();
    await acknowledge.press('Enter');
    await expect(prompt).toBeHidden();
    await expect(dialog).toContainText('A risk flag will be raised when you save');
    return dialog;
  });

  await step('five days after the last PHQ-9 is too soon: the app says so, and it can be recorded anyway', async () => {
    await outcomes.save(dialog);
    await expect(dialog.getByRole('alert').filter({ hasText: 'Too soon to repeat' })).toContainText('should not be repeated within 14 days');
    await expect(dialog.getByRole('button', { name: 'Record anyway' })).toBeFocused();
    await expect(outcomes.question(dialog, 9).getByRole('radio', { name: '1: Several days' })).toBeChecked();
    await expectAccessible(page, 'record assessment: too soon to repeat');
    await dialog.getByRole('button', { name: 'Record anyway' }).click();
    await outcomes.saved(dialog);
  });

  await step('saved: a risk flag on the record', async () => {
    await expect(person.riskBanner()).toContainText('PHQ-9 item 9 answered above 0');
    await expect(outcomes.rows('PHQ-9').last()).toContainText('Item 9 above 0');
    const record = await must(harness.ctx, 'people.get', { id: bola.id });
    expect(record.riskFlags.filter((r) => !r.resolvedOn)).toHaveLength(1);
  });
});

test('SWEMWBS needs the licence confirmed before it can be switched on, and then shows its wording', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await personInSupport(harness, 'Chidi Nwosu');
  await page.goto(harness.url);
  await goTo(page, 'Settings');
  const section = page.getByRole('region', { name: 'Outcome instruments' });
  await expect(section.getByRole('switch', { name: 'PHQ-9' })).toBeChecked();
  const swemwbs = section.getByRole('switch', { name: 'SWEMWBS' });
  await expect(swemwbs).not.toBeChecked();
  await expectAccessible(page, 'settings: outcome instruments');

  const ask = page.getByRole('dialog', { name: 'Does your organisation hold this licence?' });
  await step('saying "not yet" leaves it off', async () => {
    await swemwbs.click();
    await expect(ask).toContainText('University of Warwick');
    await expectAccessible(page, 'licence question');
    await ask.getByRole('button', { name: 'No, not yet' }).click();
    await expect(ask).toBeHidden();
    await expect(swemwbs).not.toBeChecked();
  });

  await step('confirming the licence switches it on, and says who confirmed it', async () => {
    await swemwbs.click();
    await ask.getByRole('button', { name: 'Yes, we hold this licence' }).click();
    await expect(ask).toBeHidden();
    await expect(swemwbs).toBeChecked();
    await expect(section).toContainText(`Confirmed by Sam Peer on ${shown(daysAgo(0))}`);
    const settings = await must(harness.ctx, 'settings.get', {});
    expect(settings.enabledInstruments).toContain('swemwbs');
  });

  await step('the wording now shows when recording, and the score is the metric one', async () => {
    await new CaseloadPage(page).goto();
    await new CaseloadPage(page).open('Chidi Nwosu');
    const outcomes = new OutcomesPage(page);
    await outcomes.open();
    const dialog = await outcomes.startAssessment('SWEMWBS');
    await expect(outcomes.question(dialog, 1)).toHaveAccessibleName("1. I've been feeling optimistic about the future");
    await outcomes.typeAnswers(dialog, '3333333');
    await expect(dialog.getByTestId('live-score')).toContainText('SWEMWBS metric score: 19.25 (Possible depression)');
  });
});

test('ONS4 answers 0–10 from the keyboard; engagement with care shows its change; a closed episode is read-only', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const dele = await personInSupport(harness, 'Dele Okafor', { pathway: 'opt_out_reengagement', reEngaging: true });
  const episodeId = dele.episodes[0].id;
  await must(harness.ctx, 'engagement.record', { episodeId, reviewedOn: daysAgo(100), viralLoadUndetectable: false, viralLoadOn: daysAgo(105), adherence: 'missed_many', appointmentsKept: 1, appointmentsMissed: 3, reengagedInCare: false });
  const outcomes = await openOutcomes(page, harness.url, 'Dele Okafor');

  await step('7, 8, then 1 and 0 typed together for 10, then 3', async () => {
    const dialog = await outcomes.startAssessment('ONS4');
    await expect(dialog).toContainText('For 10, type 1 then 0');
    await outcomes.typeAnswers(dialog, '78103');
    await expect(outcomes.question(dialog, 3).getByRole('radio', { name: '10: completely' })).toBeChecked();
    await expect(outcomes.question(dialog, 4).getByRole('radio', { name: '3', exact: true })).toBeChecked();
    await expect(dialog.getByTestId('live-score')).toContainText('Happiness yesterday: 10 (Very high)');
    await expect(dialog.getByTestId('live-score')).toContainText('Anxiety yesterday: 3 (Low)');
    await page.keyboard.press('Enter');
    await outcomes.saved(dialog);
    await expect(outcomes.chart('ONS4')).toHaveCount(2);
  });

  await step('a second engagement review through the form: the change since the first shows in words', async () => {
    await page.getByRole('button', { name: 'Record engagement review' }).click();
    const review = outcomes.engagementDialog();
    await expect(review).toBeVisible();
    await review.getByRole('radio', { name: 'Undetectable' }).check();
    await review.getByRole('button', { name: 'Save review' }).click();
    await expect(review.getByText('Enter the date of the viral load result.')).toBeVisible();
    await expectAccessible(page, 'engagement review: error');
    await review.getByRole('textbox', { name: 'Date of the viral load result' }).fill(shown(daysAgo(3)));
    await review.getByRole('textbox', { name: 'Date of the viral load result' }).press('Tab');
    await review.getByRole('radio', { name: 'Taking all doses' }).check();
    await review.getByLabel('Clinic appointments kept (optional)').fill('4');
    await review.getByLabel('Clinic appointments missed (optional)').fill('0');
    await review.getByRole('radio', { name: 'Yes' }).check();
    await review.getByRole('button', { name: 'Save review' }).click();
    await expect(review).toBeHidden();
    const engagement = page.getByRole('region', { name: 'Engagement with care' });
    await expect(engagement).toContainText('Viral load became undetectable');
    await expect(engagement).toContainText('ART adherence improved');
    await expect(engagement).toContainText('Clinic appointments missed: 75% at the first review, 0% at the latest');
    await expect(engagement.getByRole('img', { name: /appointments kept and missed/ })).toBeVisible();
    await expectAccessible(page, 'outcomes: ONS4 and engagement');
  });

  await step('a closed episode’s outcomes are read-only', async () => {
    await new PersonPage(page).closeEpisode({ reason: 'Goals met' });
    await outcomes.open();
    await expect(page.getByText('Read-only: this episode is closed')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Record assessment' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Record engagement review' })).toHaveCount(0);
  });
});
