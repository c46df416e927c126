// A reporting-only member gets figures as they may be published (issue 12, item 4): suppressed
// on the server, exactly as the exported return publishes them, and only for whole months,
// quarters and years. Coordinators and peer workers keep the true numbers.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { month } from '../../core/domain/export/periods';
import { WHOLE_PERIODS_ONLY_MESSAGE } from '../../core/domain/export/reportingPeriods';
import { insertPeople } from '../../db/queries/bulk';
import { syntheticPeople } from '../../db/synthetic';
import { call, must, REPORTER_PASSPHRASE, signInAs, teamWorkspace, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const october = month(2026, 10);
const DEMOGRAPHICS = ['gender_identity', 'ethnic_category', 'sexual_orientation', 'age_band', 'borough'];

async function teamWithCaseload() {
  const team = await teamWorkspace(dir);
  insertPeople(team.ctx.session!, syntheticPeople(1500, 11, new Date('2026-11-01T12:00:00Z')));
  return team;
}

describe('figures for a reporting-only member', () => {
  it('refuses a single day or a custom range, for the report and the return alike', async () => {
    const { ctx, reporterId, close } = await teamWithCaseload();
    await signInAs(ctx, reporterId, REPORTER_PASSPHRASE);
    const oneDay = { kind: 'custom' as const, start: '2026-10-15', end: '2026-10-15' };
    // A day dressed up as a month is no better.
    const disguised = { kind: 'month' as const, start: '2026-10-15', end: '2026-10-15' };
    for (const period of [oneDay, disguised, { kind: 'custom' as const, start: '2026-10-01', end: '2026-10-31' }]) {
      expect(await call(ctx, 'reports.monthly', { period })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: WHOLE_PERIODS_ONLY_MESSAGE } });
      expect(await call(ctx, 'exports.preview', { profileId: 'monthly_return', period })).toMatchObject({ ok: false, error: { message: WHOLE_PERIODS_ONLY_MESSAGE } });
      expect(await call(ctx, 'exports.run', { profileId: 'monthly_return', period })).toMatchObject({ ok: false, error: { message: WHOLE_PERIODS_ONLY_MESSAGE } });
    }
    close();
  });

  it('a month comes with every small demographic count hidden, the same as the export publishes', async () => {
    const { ctx, reporterId, close } = await teamWithCaseload();
    await signInAs(ctx, reporterId, REPORTER_PASSPHRASE);
    const report = await must(ctx, 'reports.monthly', { period: october });
    expect(report.suppressed).toBe(true);
    const file = await must(ctx, 'exports.run', { profileId: 'monthly_return', period: october });
    const published = new Map((parse(readFileSync(file.location), { bom: true, from_line: 2 }) as string[][]).map((r) => [`${r[1]}/${r[2]}/${r[3]}`, r[4]]));
    let hidden = 0;
    for (const g of report.current.groups) {
      expect(String(g.total), `${g.measure} by ${g.breakdown}: total`).toBe(published.get(`${g.measure}/${g.breakdown}/total`));
      for (const c of g.categories) {
        expect(String(c.count), `${g.measure} by ${g.breakdown}: ${c.category}`).toBe(published.get(`${g.measure}/${g.breakdown}/${c.category}`));
        if (DEMOGRAPHICS.includes(g.breakdown)) {
          expect(c.count === '*' || c.count === 0 || c.count > 7, `${g.breakdown} ${c.category} shown as ${c.count}`).toBe(true);
          if (c.count === '*') hidden++;
        }
      }
    }
    expect(hidden).toBeGreaterThan(0);
    expect(String(report.current.newlyDiagnosedEngaged)).toBe(published.get('newly_diagnosed/all/engaged'));
    expect(String(report.current.booked)).toBe(published.get('dna_rate/all/attended_or_not'));
    // The year's trend comes suppressed with the return: its October is the return's own figure,
    // and its rows are the file's trend rows.
    const trend = await must(ctx, 'reports.trends', { period: october });
    const octoberInTrend = trend.months.find((m) => m.thisYear?.start === october.start)!.thisYear!.values;
    expect(octoberInTrend.referrals_received).toBe(report.current.groups.find((g) => g.measure === 'referrals_received')!.total);
    expect(octoberInTrend.people_supported).toBe(report.current.peopleSupported);
    const fileTrend = (parse(readFileSync(file.location), { bom: true, from_line: 2 }) as string[][]).filter((r) => r[1] === 'trend' && r[3] === 'month');
    for (const m of trend.months.filter((x) => x.thisYear))
      for (const [key, value] of Object.entries(m.thisYear!.values)) expect(fileTrend.find((r) => r[0] === `${m.thisYear!.start}/${m.thisYear!.end}` && r[2] === key)?.[4], `${key} ${m.label}`).toBe(String(value));
    // The period before is suppressed too.
    expect(report.previous.groups.flatMap((g) => g.categories).some((c) => c.count === '*')).toBe(true);
    close();
  });

  it('coordinators and peer workers keep the true numbers, for any period', async () => {
    const { ctx, close } = await teamWithCaseload();
    const report = await must(ctx, 'reports.monthly', { period: { kind: 'custom', start: '2026-10-15', end: '2026-10-15' } });
    expect(report.suppressed).toBe(false);
    const r = await must(ctx, 'reports.monthly', { period: october });
    const orientation = r.current.groups.find((g) => g.breakdown === 'sexual_orientation')!;
    expect(orientation.categories.every((c) => typeof c.count === 'number')).toBe(true);
    expect(orientation.categories.some((c) => typeof c.count === 'number' && c.count >= 1 && c.count <= 7)).toBe(true);
    close();
  });
});
