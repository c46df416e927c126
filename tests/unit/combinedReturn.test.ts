// Combining workstations' returns: counts added before anything is hidden, then suppressed across
// sites and total together, so the published total minus the other sites never gives a hidden
// count back; the same workstation and period twice, or two periods, refused by file name.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { APP_VERSION } from '../../core/domain/appVersion';
import { combinedRows, combineReturns, checkCombinable, type NamedReturnData } from '../../core/domain/export/combinedReturn';
import { month } from '../../core/domain/export/periods';
import { addCounts, inputsOf, type ReturnCounts, type ReturnData } from '../../core/domain/export/returnData';
import { returnCells } from '../../core/domain/export/returnRelations';
import { changeSums, meanChange, meanChangeFromSums } from '../../core/domain/stats/meanChange';
import { DEFAULT_SUPPRESSION } from '../../core/domain/export/suppression';

const october = month(2026, 10);
const empty: ReturnCounts = { groups: [], attended: 0, dna: 0, peopleSupported: 0, newlyDiagnosedOffered: 0, newlyDiagnosedEngaged: 0, wellbeing: [], sustained: [] };
const referrals = (by: Record<string, number>) => ({
  measure: 'referrals_received',
  breakdown: 'source',
  total: Object.values(by).reduce((a, b) => a + b, 0),
  categories: Object.entries(by).map(([category, count]) => ({ category, count })),
});

let n = 0;
function file(site: string, counts: Partial<ReturnCounts>, extra: Partial<ReturnData> = {}): NamedReturnData {
  n++;
  return {
    fileName: `return-data_${site}_${n}.json`,
    data: {
      format: 'peer-caseload-return-data',
      version: 1,
      workstationId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      site: { odsCode: site, name: `Clinic ${site}` },
      period: october,
      appVersion: APP_VERSION,
      exportedAt: '2026-11-02T09:00:00.000Z',
      ...empty,
      ...counts,
      ...extra,
    },
  };
}

/** A figure's value as published for a site, by measure, breakdown and category. */
const figure = (rows: ReturnType<typeof combinedRows>, site: string, measure: string, breakdown: string, category: string) =>
  rows.find((r) => r.site === site && r.measure === measure && r.breakdown === breakdown && r.category === category)?.value;

describe('adding counts up', () => {
  it('adds figure by figure, a category one site lacks counting 0 there, and keeps the first file’s order', () => {
    const total = addCounts([
      { ...empty, groups: [referrals({ gp: 3, self: 4 })], attended: 10, dna: 2 },
      { ...empty, groups: [referrals({ self: 5, clinician: 9 }), { measure: 'new_measure', breakdown: 'all', total: 4, categories: [] }], attended: 5, dna: 1 },
    ]);
    expect(total.groups).toEqual([referrals({ gp: 3, self: 9, clinician: 9 }), { measure: 'new_measure', breakdown: 'all', total: 4, categories: [] }]);
    expect([total.attended, total.dna]).toEqual([15, 3]);
  });

  it('a combined mean change is the mean of everyone’s changes, with the same interval as from the changes themselves', () => {
    const a = [2, 5, -1, 4];
    const b = [3, 3, 7];
    const counts = (d: number[]): ReturnCounts => ({ ...empty, wellbeing: [{ instrument: 'swemwbs', improved: 0, followedUp: d.length, noFollowUp: 0, change: changeSums(d) }] });
    const combined = inputsOf(addCounts([counts(a), counts(b)]));
    expect(combined.wellbeingChange[0]).toEqual({ instrument: 'swemwbs', ...meanChange([...a, ...b]) });
    expect(meanChangeFromSums(changeSums([1.5]))).toEqual(meanChange([1.5]));
  });
});

describe('suppression after combining', () => {
  it('publishes a total made of small counts that no site could publish alone', () => {
    const rows = combinedRows(combineReturns([file('RQM01', { groups: [referrals({ gp: 5, self: 6 })] }), file('RQM02', { groups: [referrals({ gp: 6, self: 4 })] })], DEFAULT_SUPPRESSION));
    expect(figure(rows, 'ALL', 'referrals_received', 'source', 'total')).toBe(21);
    expect(figure(rows, 'ALL', 'referrals_received', 'source', 'gp')).toBe(11);
    expect(figure(rows, 'ALL', 'referrals_received', 'source', 'self')).toBe(10);
    // Each site's own small counts stay hidden.
    expect(figure(rows, 'RQM01', 'referrals_received', 'source', 'total')).toBe(11);
  });

  it('never leaves a hidden site count to be worked out as the total minus the other sites', () => {
    // Site A's 3 referrals are small; B's 20 and the total 23 are not: showing both gives A = 3.
    const files = [file('RQMA', { groups: [referrals({ gp: 3 })] }), file('RQMB', { groups: [referrals({ gp: 12, self: 8 })] }), file('RQMC', { groups: [referrals({ gp: 9, self: 9 })] })];
    const combined = combineReturns(files, DEFAULT_SUPPRESSION);
    const rows = combinedRows(combined);
    expect(figure(rows, 'RQMA', 'referrals_received', 'source', 'total')).toBe('*');
    // The attacker: for every figure, the total and the sites are one sum; one hidden cell in it is one unknown.
    const sites = ['RQMA', 'RQMB', 'RQMC'];
    const figures = new Set(rows.map((r) => `${r.measure}|${r.breakdown}|${r.category}`));
    let checked = 0;
    for (const key of figures) {
      const [measure, breakdown, category] = key.split('|');
      const cells = ['ALL', ...sites].map((s) => figure(rows, s, measure, breakdown, category)).filter((v) => v !== undefined);
      if (['percent', 'average', 'percent_engaged', 'percent_improved'].includes(category) || cells.length < 2) continue;
      checked++;
      expect(cells.filter((v) => v === '*').length, `${key}: ${JSON.stringify(cells)}`).not.toBe(1);
    }
    expect(checked).toBeGreaterThan(0);
    // And A's 3 cannot be had within the site either: its one category is hidden with its total.
    expect(figure(rows, 'RQMA', 'referrals_received', 'source', 'gp')).toBeUndefined();
  });

  it('suppresses the whole set as one, with every site’s cells related to the total’s', () => {
    const files = [file('RQMA', { groups: [referrals({ gp: 3 })] }), file('RQMB', { groups: [referrals({ gp: 20 })] })];
    const combined = combineReturns(files, DEFAULT_SUPPRESSION);
    // A's 3 hidden; so B's 20 or the total 23 must be hidden too.
    const b = combined.sites[1].published.groups[0].total;
    const all = combined.total.published.groups[0].total;
    expect(combined.sites[0].published.groups[0].total).toBe('*');
    expect([b, all]).toContain('*');
    // Without the cross-site relation each would publish its 20 and 23.
    expect(returnCells(inputsOf(files[1].data)).cells.find((c) => c.id === 'referrals_received/total')?.value).toBe(20);
  });
});

describe('refusals', () => {
  it('the same workstation and period twice, naming both files', () => {
    const a = file('RQM01', {});
    const again = { fileName: 'copy of it.json', data: a.data };
    expect(() => checkCombinable([a, file('RQM02', {}), again])).toThrow(`“copy of it.json” is from the same workstation and period as “${a.fileName}”`);
  });

  it('files for different periods', () => {
    const a = file('RQM01', {});
    const b = file('RQM02', {}, { period: month(2026, 9) });
    expect(() => checkCombinable([a, b])).toThrow(`“${b.fileName}” is for September 2026 but “${a.fileName}” is for October 2026`);
  });
});

it('the app version written into a file is package.json’s', () => {
  expect(APP_VERSION).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
});

describe('issue 15’s measures in a combined return', () => {
  const group = (measure: string, breakdown: string, by: Record<string, number>, total = Object.values(by).reduce((a, b) => a + b, 0)) => ({
    measure,
    breakdown,
    total,
    categories: Object.entries(by).map(([category, count]) => ({ category, count })),
  });

  it('works drop-out and first contact within the target out from the combined counts; the median wait, not a count, is not given', () => {
    const files = [
      file('RQMA', { groups: [group('group_registrations', 'outcome', { attended: 12, dropped_out: 8 }), group('first_contact', 'target', { within_target: 9, beyond_target: 11 })] }),
      file('RQMB', { groups: [group('group_registrations', 'outcome', { attended: 10, dropped_out: 10 }), group('first_contact', 'target', { within_target: 15, beyond_target: 9 })] }),
    ];
    const rows = combinedRows(combineReturns(files, DEFAULT_SUPPRESSION));
    // 18 of the 40 registered dropped out; A's 8 of 20.
    expect(figure(rows, 'ALL', 'group_registrations', 'outcome', 'percent_dropped_out')).toBe(45);
    expect(figure(rows, 'RQMA', 'group_registrations', 'outcome', 'percent_dropped_out')).toBe(40);
    // 24 of the 44 first contacts within the target; B's 15 of 24.
    expect(figure(rows, 'ALL', 'first_contact', 'target', 'percent_within_target')).toBe(54.5);
    expect(figure(rows, 'RQMB', 'first_contact', 'target', 'percent_within_target')).toBe(62.5);
    expect(figure(rows, 'ALL', 'first_contact', 'target', 'target_working_days')).toBe(5);
    expect(figure(rows, 'ALL', 'first_contact', 'target', 'median_working_days')).toBeNull();
    // Each row carries its site in the site column: no row of its own names it.
    expect(rows.some((r) => r.measure === 'site')).toBe(false);
  });

  it('keeps support types overlapping (one person may have had several): their total is no sum to suppress by', () => {
    const supportTypes = (by: Record<string, number>, people: number) => ({ ...group('people_supported', 'support_type', by, people), overlapping: true });
    const files = [file('RQMA', { groups: [supportTypes({ one_to_one: 20, signposting_only: 3 }, 20)] }), file('RQMB', { groups: [supportTypes({ one_to_one: 19 }, 20)] })];
    expect(inputsOf(addCounts(files.map((f) => f.data))).groups[0].overlapping).toBe(true);
    const rows = combinedRows(combineReturns(files, DEFAULT_SUPPRESSION));
    expect(figure(rows, 'RQMA', 'people_supported', 'support_type', 'signposting_only')).toBe('*');
    // As a sum, 20 = 20 + 3 would give the 3 back, so one of A's 20s would be hidden too.
    expect(figure(rows, 'RQMA', 'people_supported', 'support_type', 'one_to_one')).toBe(20);
    expect(figure(rows, 'RQMA', 'people_supported', 'support_type', 'total')).toBe(20);
    expect(figure(rows, 'ALL', 'people_supported', 'support_type', 'one_to_one')).toBe(39);
  });
});
