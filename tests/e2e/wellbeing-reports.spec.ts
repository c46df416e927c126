// Wellbeing change for the same people on Reports (issue 15, item 4) and the financial year month
// by month (item 5), as a manager reads them, and a worker recording a follow-up 6–12 months after
// support ended. Records start in the past through the real dispatcher.
import type { AppContext } from '../../core/api/context';
import type { Period } from '../../core/domain/export/periods';
import { must } from '../support/workspace';
import { expect, expectAccessible, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { OutcomesPage } from './pages/OutcomesPage';
import { ReportsPage } from './pages/ReportsPage';
import { contact, daysAgo, refer, seedWorkspace } from './seed';
import { reportingMonths } from './seedReturns';

const day = (p: Period, n: number) => `${p.start.slice(0, 8)}${String(n).padStart(2, '0')}`;

/** PHQ-9 answers adding up to `total`, item 9 answered 0. */
const phq9 = (total: number) => ({ ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`q${i + 1}`, Math.max(0, Math.min(3, total - i * 3))])), q9: 0 });

/**
 * Last month: Amara 18 → 9 and Bola 12 → 10 on PHQ-9 (two pairs, one improved, mean −5.5);
 * Chidi, whose support ended about eight months ago (16 → 7), followed up after closure at 8.
 * Dami's support ended about 200 days ago with only a baseline of 20: a follow-up is due now.
 */
async function seedPairs(ctx: AppContext) {
  const { last } = reportingMonths();
  const assess = (episodeId: number, completedOn: string, total: number, afterClosure = false) =>
    must(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn, method: 'self_completed', responses: phq9(total), afterClosure });
  for (const [name, baseline, latest, on] of [
    ['Amara Okonkwo', 18, 9, 10],
    ['Bola Adeyemi', 12, 10, 12],
  ] as const) {
    const person = await refer(ctx, { preferredName: name, referredDaysAgo: 160 });
    await contact(ctx, person, { contactOn: daysAgo(155), attendance: 'attended' });
    await assess(person.episodes[0].id, daysAgo(155), baseline);
    await contact(ctx, person, { contactOn: day(last, on), attendance: 'attended' });
    await assess(person.episodes[0].id, day(last, on), latest);
  }
  const chidi = await refer(ctx, { preferredName: 'Chidi Nwosu', referredDaysAgo: 330 });
  await contact(ctx, chidi, { contactOn: daysAgo(325), attendance: 'attended' });
  await assess(chidi.episodes[0].id, daysAgo(325), 16);
  await assess(chidi.episodes[0].id, daysAgo(270), 7);
  await must(ctx, 'episodes.close', { episodeId: chidi.episodes[0].id, closedOn: daysAgo(260), reason: 'goals_met' });
  await assess(chidi.episodes[0].id, day(last, 18), 8, true);
  const dami = await refer(ctx, { preferredName: 'Dami Adeleke', referredDaysAgo: 300 });
  await contact(ctx, dami, { contactOn: daysAgo(295), attendance: 'attended' });
  await assess(dami.episodes[0].id, daysAgo(295), 20);
  await must(ctx, 'episodes.close', { episodeId: dami.episodes[0].id, closedOn: daysAgo(200), reason: 'person_ended' });
  return { last };
}

test('Reports pair each person’s baseline with their follow-up, give the mean change with its interval, warn under 30 pairs, and follow the year month by month', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const { last } = await seedPairs(harness.ctx);
  await page.goto(harness.url);
  const reports = new ReportsPage(page);
  await reports.goto();
  await reports.choose('Last month');
  await expect(reports.periodHeading(last.label)).toBeVisible();

  const panel = reports.wellbeing();
  const phq = panel.getByRole('row', { name: /^PHQ-9 / });
  await expect(phq.getByRole('cell')).toHaveText(['2', '2', '−5.5 (95% CI −49.97 to +38.97)', '1 (50%)a fall of 6 or more (reliable improvement)']);
  const after = panel.getByRole('row', { name: /PHQ-9, 6–12 months after support ended/ });
  await expect(after.getByRole('cell')).toHaveText(['1', 'Set against the same baseline', '−8 (one pair: no interval)', '1 (100%)still improved on their baseline']);
  await expect(panel.getByRole('alert', { name: 'Fewer than 30 pairs: do not compare groups on these' })).toContainText('at least 30 pairs before comparing groups');
  await expect(reports.figure('Improved wellbeing (PHQ-9)')).toContainText('1 of 2 paired improved, by a fall of 6 or more (reliable improvement); 0 closed with only a baseline');
  await expectAccessible(page, 'reports: wellbeing pairs');

  // The pairs behind the mean, each with its two scores.
  await phq.getByRole('button', { name: '2 PHQ-9 paired: show the records' }).click();
  const drawer = reports.drawer();
  await expect(drawer.getByRole('table').locator('tbody tr')).toHaveCount(2);
  await expect(drawer).toContainText('PHQ-9 · 18 → 9 (−9) · Improved by its rule');
  await expect(drawer).toContainText('PHQ-9 · 12 → 10 (−2) · Followed up, not improved by its rule');
  await page.keyboard.press('Escape');
  await after.getByRole('button', { name: '1 PHQ-9 followed up after closure: show the records' }).click();
  await expect(drawer.getByRole('table').locator('tbody tr')).toHaveCount(1);
  await expect(drawer).toContainText('Chidi Nwosu');
  await expect(drawer).toContainText('Follow-up after closure · 16 → 8 (−8) · Still improved by its rule');
  await page.keyboard.press('Escape');

  // The year month by month: PHQ-9 pairs, last month's point lists its two people.
  const trend = reports.trend();
  await expect(trend.getByRole('img', { name: /^Line chart: Referrals received by month/ })).toBeVisible();
  await trend.getByRole('combobox', { name: 'Measure to follow' }).selectOption({ label: 'PHQ-9: pairs followed up' });
  await expect(trend.getByTestId('year-to-date')).toContainText('People and pairs are counted once in a year to date');
  await trend.getByRole('radiogroup', { name: 'Show the trend as' }).getByText('Table', { exact: true }).click();
  const month = last.label.slice(0, 3);
  await expect(trend.getByRole('row', { name: new RegExp(`^${month} `) }).getByRole('cell').nth(1)).toHaveText('2');
  await expectAccessible(page, 'reports: the year month by month');
  await trend.getByRole('button', { name: `2 PHQ-9: pairs followed up, ${month}: show the records` }).click();
  await expect(drawer.getByRole('table').locator('tbody tr')).toHaveCount(2);
});

test('a worker records a follow-up six months after support ended, kept apart from support and set against its baseline', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  await seedPairs(harness.ctx);
  await page.goto(harness.url);
  await new CaseloadPage(page).goto();
  await new CaseloadPage(page).open('Dami Adeleke');
  const outcomes = new OutcomesPage(page);
  await outcomes.open();
  await expect(page.getByText('Read-only: this episode is closed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record assessment' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Record a follow-up after closure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a follow-up after closure' });
  await expect(dialog).toContainText('kept apart from the assessments made during support');
  await dialog.getByRole('radio', { name: 'PHQ-9', exact: true }).check();
  await outcomes.typeAnswers(dialog, '111111110');
  await expectAccessible(page, 'outcomes: a follow-up after closure');
  await outcomes.save(dialog);
  await outcomes.saved(dialog);
  await expect(outcomes.rows('PHQ-9')).toHaveCount(2);
  await expect(outcomes.rows('PHQ-9').nth(1)).toContainText('After closure');
  const sustained = page.getByRole('region', { name: 'After support ended' });
  await expect(sustained).toContainText('PHQ-9 down 12 since');
  await expect(sustained).toContainText('reliable improvement');
  // Support's own change is unchanged: a baseline only.
  await expect(page.getByTestId('change-phq9')).toContainText('no follow-up yet');
});
