// Wellbeing, honestly paired (issue 15, item 4) and the year's trend (item 5), on a small caseload
// built by hand so every figure can be worked out on paper. The period is September 2026.
//
//   A  PHQ-9 18 (12/01) → 9 (10/09), open            paired in September: −9, improved (a fall of 6+)
//   B  PHQ-9 12 (09/02) → 10 (20/09), open           paired in September: −2, not improved
//   C  PHQ-9 14 (09/03) → 8 (15/06), open            its follow-up is in June: not September's
//   D  PHQ-9 20 (09/03), closed 25/09                closed in September with only a baseline
//   E  PHQ-9 16 → 7 during support, closed 27/02;    after closure 11 (08/09): −5 on its baseline, not still improved
//   F  PHQ-9 15 → 8 during support, closed 06/03;    after closure 6 (22/09): −9, still improved
//   G  referred 11/05/2026, nothing else
//
// September, PHQ-9 during support: 2 paired (A, B) of 3 with a baseline (D too); 1 improved (50%);
// mean change (−9 + −2) / 2 = −5.5; s = √((3.5² + 3.5²) / 1) = 4.9497, SE = s / √2 = 3.5,
// t(0.975, 1) = 12.7062, so the 95% CI is −5.5 ± 44.47 = −49.97 to 38.97. Fewer than 30 pairs.
// After closure: E and F, 1 still improved; mean (−5 + −9) / 2 = −7; s = √8, SE = 2,
// CI −7 ± 25.41 = −32.41 to 18.41. E's follow-up after closure is never September's pair.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { month } from '../../core/domain/export/periods';
import { call, must, newWorkspace, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const september = month(2026, 9);

/** PHQ-9 answers adding up to `total` (item 9, the risk question, answered 0). */
function phq9(total: number) {
  const answers = Array.from({ length: 8 }, (_, i) => Math.max(0, Math.min(3, total - i * 3)));
  return { ...Object.fromEntries(answers.map((v, i) => [`q${i + 1}`, v])), q9: 0 };
}

async function caseload() {
  const ws = await newWorkspace(dir);
  const { ctx } = ws;
  const person = async (name: string, referredOn: string) => {
    const r = await must(ctx, 'people.create', { preferredName: name, dateOfBirth: '1980-01-01', referralReceivedOn: referredOn, referralSource: 'opt_out_clinic', pathway: 'opt_out_new_diagnosis' });
    return r.episodes[0].id;
  };
  const contact = (episodeId: number, contactOn: string) => must(ctx, 'contacts.create', { episodeId, contactOn, mode: 'in_clinic', type: 'one_to_one', attendance: 'attended' });
  const assess = (episodeId: number, completedOn: string, total: number, afterClosure = false) =>
    must(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn, method: 'self_completed', responses: phq9(total), afterClosure });
  const close = (episodeId: number, closedOn: string) => must(ctx, 'episodes.close', { episodeId, closedOn, reason: 'goals_met' });

  const a = await person('Amara Testwood', '2026-01-05');
  await contact(a, '2026-01-12');
  await assess(a, '2026-01-12', 18);
  await contact(a, '2026-09-10');
  await assess(a, '2026-09-10', 9);
  const b = await person('Tomasz Mockford', '2026-02-02');
  await contact(b, '2026-02-09');
  await assess(b, '2026-02-09', 12);
  await contact(b, '2026-09-20');
  await assess(b, '2026-09-20', 10);
  const c = await person('Chidi Sampleton', '2026-03-02');
  await contact(c, '2026-03-09');
  await assess(c, '2026-03-09', 14);
  await assess(c, '2026-06-15', 8);
  const d = await person('Grace Fakenham', '2026-03-02');
  await contact(d, '2026-03-09');
  await assess(d, '2026-03-09', 20);
  await close(d, '2026-09-25');
  const e = await person('Mateus Dummer', '2025-11-03');
  await contact(e, '2025-11-10');
  await assess(e, '2025-11-10', 16);
  await assess(e, '2026-01-19', 7);
  await close(e, '2026-02-27');
  await assess(e, '2026-09-08', 11, true);
  const f = await person('Priya Placeby', '2025-11-03');
  await contact(f, '2025-11-10');
  await assess(f, '2025-11-10', 15);
  await assess(f, '2026-01-12', 8);
  await close(f, '2026-03-06');
  await assess(f, '2026-09-22', 6, true);
  await person('Kwame Exampleworth', '2026-05-11');
  return { ...ws, episodes: { a, b, c, d, e, f } };
}

describe('wellbeing, paired', () => {
  it('counts change only for those with a baseline and a follow-up in the period, with the mean change and its 95% CI', async () => {
    const { ctx, close } = await caseload();
    const r = (await must(ctx, 'reports.monthly', { period: september })).current;
    expect(r.wellbeing).toEqual([{ instrument: 'phq9', improved: 1, followedUp: 2, noFollowUp: 1, withBaseline: 3 }]);
    expect(r.wellbeingChange).toEqual([expect.objectContaining({ instrument: 'phq9', mean: -5.5, lower: -49.97, upper: 38.97 })]);
    expect(r.sustained).toEqual([{ instrument: 'phq9', improved: 1, followedUp: 2, change: expect.objectContaining({ mean: -7, lower: -32.41, upper: 18.41 }) }]);
    close();
  });

  it('lists exactly the records each new figure counts, each pair with its scores', async () => {
    const { ctx, close } = await caseload();
    const drill = (measure: 'improved_wellbeing' | 'sustained_wellbeing', category: string) => must(ctx, 'reports.drillDown', { period: september, measure, breakdown: 'phq9', category });
    const names = (rows: { preferredName: string | null }[]) => rows.map((x) => x.preferredName).sort();
    expect(names((await drill('improved_wellbeing', 'with_baseline')).rows)).toEqual(['Amara Testwood', 'Grace Fakenham', 'Tomasz Mockford']);
    const pairs = await drill('improved_wellbeing', 'followed_up');
    expect(pairs.total).toBe(2);
    expect(pairs.rows.map((x) => x.what)).toEqual(['PHQ-9 · 12 → 10 (−2) · Followed up, not improved by its rule', 'PHQ-9 · 18 → 9 (−9) · Improved by its rule']);
    expect(names((await drill('improved_wellbeing', 'improved')).rows)).toEqual(['Amara Testwood']);
    const after = await drill('sustained_wellbeing', 'followed_up_after_closure');
    expect(after.rows.map((x) => [x.preferredName, x.on, x.what])).toEqual([
      ['Priya Placeby', '2026-09-22', 'PHQ-9 · Follow-up after closure · 15 → 6 (−9) · Still improved by its rule'],
      ['Mateus Dummer', '2026-09-08', 'PHQ-9 · Follow-up after closure · 16 → 11 (−5) · Not improved by its rule'],
    ]);
    expect(names((await drill('sustained_wellbeing', 'improved')).rows)).toEqual(['Priya Placeby']);
    close();
  });

  it('carries the pairs, their statistics and the warning under 30 pairs into the return, hidden where the counts are', async () => {
    const { ctx, close } = await caseload();
    // Published as the return publishes: threshold 0 shows every count, so the statistics show too.
    await must(ctx, 'settings.update', { suppressionThreshold: 0 });
    let file = await must(ctx, 'exports.run', { profileId: 'monthly_return', period: september });
    let rows = parse(readFileSync(file.location), { bom: true }) as string[][];
    const value = (measure: string, breakdown: string, category: string) => rows.find((x) => x[1] === measure && x[2] === breakdown && x[3] === category)?.[4];
    expect(['followed_up', 'with_baseline', 'improved', 'percent_improved', 'mean_change', 'mean_change_ci95_lower', 'mean_change_ci95_upper', 'fewer_than_30_pairs'].map((c) => value('improved_wellbeing', 'phq9', c))).toEqual(['2', '3', '1', '50', '-5.5', '-49.97', '38.97', '1']);
    expect(['followed_up_after_closure', 'improved', 'percent_improved', 'mean_change', 'fewer_than_30_pairs'].map((c) => value('sustained_wellbeing', 'phq9', c))).toEqual(['2', '1', '50', '-7', '1']);
    // The usual threshold hides counts of 1 to 7: the mean of those pairs goes with them.
    await must(ctx, 'settings.update', { suppressionThreshold: 7 });
    file = await must(ctx, 'exports.run', { profileId: 'monthly_return', period: september });
    rows = parse(readFileSync(file.location), { bom: true }) as string[][];
    expect(['followed_up', 'with_baseline', 'mean_change', 'mean_change_ci95_lower', 'fewer_than_30_pairs'].map((c) => value('improved_wellbeing', 'phq9', c))).toEqual(['*', '', '*', '*', '1']);
    close();
  });
});

describe('a follow-up after closure', () => {
  it('is recorded on a closed episode only 6 to 12 months after it closed, marked and audited as such', async () => {
    const { ctx, episodes, close } = await caseload();
    const input = { episodeId: episodes.d, instrument: 'phq9' as const, method: 'phone' as const, responses: phq9(5) };
    // D closed on 25/09/2026: its window is 25/03/2027 to 25/09/2027, still to come.
    expect(await call(ctx, 'assessments.record', { ...input, completedOn: '2026-11-30', afterClosure: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { completedOn: 'A follow-up after closure is recorded 6 to 12 months after support ended (25/09/2026): between 25/03/2027 and 25/09/2027.' } },
    });
    // Not marked as after closure, a closed episode takes nothing.
    expect(await call(ctx, 'assessments.record', { ...input, completedOn: '2026-11-30' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // An open episode has no "after closure".
    expect(await call(ctx, 'assessments.record', { ...input, episodeId: episodes.a, completedOn: '2026-11-30', afterClosure: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'This episode is still open: record the assessment as part of support.' },
    });
    const record = await must(ctx, 'people.list', { status: 'all', query: 'Priya' });
    const f = await must(ctx, 'people.get', { id: record.rows[0].id });
    const outcomes = f.episodes[0].outcomes;
    expect(outcomes.assessments.map((x) => [x.completedOn, x.afterClosure])).toEqual([
      ['2025-11-10', false],
      ['2026-01-12', false],
      ['2026-09-22', true],
    ]);
    // Support's change stops at closure; the follow-up after it is set against the same baseline.
    expect(outcomes.outcomes[0].changes[0]).toMatchObject({ baseline: 15, latest: 8 });
    expect(outcomes.sustained[0].changes[0]).toMatchObject({ baseline: 15, latest: 6, reliableImprovement: true });
    expect(outcomes.postClosureWindow).toEqual({ from: '2026-09-06', to: '2027-03-06' });
    const audit = await must(ctx, 'audit.list', { action: 'assessments.record_after_closure' });
    expect(audit.map((x) => JSON.parse(x.detail!))).toEqual([
      { episodeId: episodes.f, instrument: 'phq9' },
      { episodeId: episodes.e, instrument: 'phq9' },
    ]);
    close();
  });
});

describe('PozQoL', () => {
  it('refuses a second use within two calendar months, with the date it may be used from', async () => {
    const { ctx, episodes, close } = await caseload();
    await must(ctx, 'licences.confirm', { licence: 'pozqol', confirmed: true });
    await must(ctx, 'settings.update', { enabledInstruments: ['phq9', 'pozqol'] });
    const answers = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`q${i + 1}`, 3]));
    const input = { episodeId: episodes.a, instrument: 'pozqol' as const, method: 'self_completed' as const, responses: answers };
    await must(ctx, 'assessments.record', { ...input, completedOn: '2026-07-31' });
    // Two calendar months after 31 July is 30 September (September has no 31st).
    const soon = await call(ctx, 'assessments.record', { ...input, completedOn: '2026-09-29' });
    expect(soon).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { completedOn: 'PozQoL is used at least two months apart: the last was on 31/07/2026, so the next can be from 30/09/2026.' } } });
    // Nor can one be slipped in before it, too close to the one after.
    const before = await call(ctx, 'assessments.record', { ...input, completedOn: '2026-06-01' });
    expect(before).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { completedOn: 'PozQoL is used at least two months apart: there is one on 31/07/2026, so this one cannot be after 31/05/2026.' } } });
    expect((await call(ctx, 'assessments.record', { ...input, completedOn: '2026-09-30' })).ok).toBe(true);
    close();
  });
});

describe('the year’s trend', () => {
  // Financial year 2026/27 to September: April to September this year; the twelve months of
  // 2025/26 beside them. Referrals: G in May 2026; E and F in November 2025, A in January, B in
  // February, C and D in March 2026. Contacts attended this year: A and B, both in September.
  // PHQ-9 pairs: C in June (14 → 8, improved), A and B in September. The year to date counts each
  // pair once, by its latest follow-up: A, B and C, two improved. People supported, April to
  // September: A and B.
  it('gives each measure month by month, and the year to date against the same months last year', async () => {
    const { ctx, close } = await caseload();
    const t = await must(ctx, 'reports.trends', { period: september });
    expect(t.financialYear).toBe('2026/27');
    expect(t.months.map((m) => m.label)).toEqual(['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']);
    const series = (key: string, year: 'thisYear' | 'lastYear') => t.months.map((m) => m[year]?.values[key] ?? null);
    expect(series('referrals_received', 'thisYear')).toEqual([0, 1, 0, 0, 0, 0, null, null, null, null, null, null]);
    expect(series('referrals_received', 'lastYear')).toEqual([0, 0, 0, 0, 0, 0, 0, 2, 0, 1, 1, 2]);
    expect(series('contacts_attended', 'thisYear')).toEqual([0, 0, 0, 0, 0, 2, null, null, null, null, null, null]);
    expect(series('improved_wellbeing_phq9_followed_up', 'thisYear')).toEqual([0, 0, 1, 0, 0, 2, null, null, null, null, null, null]);
    expect(series('improved_wellbeing_phq9_improved', 'thisYear')).toEqual([0, 0, 1, 0, 0, 1, null, null, null, null, null, null]);
    expect(t.ytd).toMatchObject({ start: '2026-04-01', end: '2026-09-30' });
    expect(t.ytdLastYear).toMatchObject({ start: '2025-04-01', end: '2025-09-30' });
    expect(t.ytd.values).toMatchObject({ referrals_received: 1, contacts_attended: 2, people_supported: 2, improved_wellbeing_phq9_followed_up: 3, improved_wellbeing_phq9_improved: 2 });
    expect(t.ytdLastYear.values).toMatchObject({ referrals_received: 0, contacts_attended: 0, people_supported: 0 });
    close();
  });

  it('puts the trend in the return, each row dated, a year to date the sum of its months', async () => {
    const { ctx, close } = await caseload();
    await must(ctx, 'settings.update', { suppressionThreshold: 0 });
    const file = await must(ctx, 'exports.run', { profileId: 'monthly_return', period: september });
    const rows = (parse(readFileSync(file.location), { bom: true }) as string[][]).filter((x) => x[1] === 'trend' && x[2] === 'referrals_received');
    expect(rows.map((x) => [x[0], x[3], x[4]])).toEqual([
      ['2026-04-01/2026-04-30', 'month', '0'],
      ['2026-05-01/2026-05-31', 'month', '1'],
      ['2026-06-01/2026-06-30', 'month', '0'],
      ['2026-07-01/2026-07-31', 'month', '0'],
      ['2026-08-01/2026-08-31', 'month', '0'],
      ['2026-09-01/2026-09-30', 'month', '0'],
      ['2025-04-01/2025-04-30', 'month_last_year', '0'],
      ['2025-05-01/2025-05-31', 'month_last_year', '0'],
      ['2025-06-01/2025-06-30', 'month_last_year', '0'],
      ['2025-07-01/2025-07-31', 'month_last_year', '0'],
      ['2025-08-01/2025-08-31', 'month_last_year', '0'],
      ['2025-09-01/2025-09-30', 'month_last_year', '0'],
      ['2025-10-01/2025-10-31', 'month_last_year', '0'],
      ['2025-11-01/2025-11-30', 'month_last_year', '2'],
      ['2025-12-01/2025-12-31', 'month_last_year', '0'],
      ['2026-01-01/2026-01-31', 'month_last_year', '1'],
      ['2026-02-01/2026-02-28', 'month_last_year', '1'],
      ['2026-03-01/2026-03-31', 'month_last_year', '2'],
      ['2026-04-01/2026-09-30', 'year_to_date', '1'],
      ['2025-04-01/2025-09-30', 'year_to_date_last_year', '0'],
    ]);
    close();
  });
});
