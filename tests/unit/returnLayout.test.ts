// A trust's layout of the monthly return: long with its own column names and codes, or wide (one
// row per period and site). Laying out renames and rearranges; it never changes a figure.
import { describe, expect, it } from 'vitest';
import { layOut, returnLayoutSchema, type ReturnLayoutInput, type SiteReturnRow } from '../../core/domain/export/returnLayout';

const OCT = '2026-10-01/2026-10-31';
const rows: SiteReturnRow[] = [
  { period: OCT, site: 'RQM01', measure: 'referrals_received', breakdown: 'source', category: 'total', value: 12 },
  { period: OCT, site: 'RQM01', measure: 'referrals_received', breakdown: 'source', category: 'gp', value: '*' },
  { period: OCT, site: 'RQM01', measure: 'referrals_received', breakdown: 'source', category: 'self', value: '*' },
  { period: OCT, site: 'RQM01', measure: 'dna_rate', breakdown: 'all', category: 'percent', value: null },
  { period: OCT, site: 'ALL', measure: 'referrals_received', breakdown: 'source', category: 'total', value: 30 },
  { period: OCT, site: 'ALL', measure: 'referrals_received', breakdown: 'source', category: 'gp', value: 18 },
];

const layout = (p: Partial<ReturnLayoutInput>) => returnLayoutSchema.parse({ id: 'trust', name: 'Trust return', dataset: 'monthly_return', columns: [{ id: 'value' }], ...p });

describe('long layout', () => {
  it('names the columns as the trust asks, in its order, and maps measures and categories to its codes', () => {
    const laid = layOut(
      rows,
      layout({
        columns: [{ id: 'site', header: 'ODS' }, { id: 'period', header: 'Month' }, { id: 'measure', header: 'Indicator' }, { id: 'category', header: 'Group' }, { id: 'value', header: 'Count' }],
        codes: [{ measure: 'referrals_received', code: 'REF01' }, { measure: 'referrals_received', category: 'gp', code: 'GP' }],
      }),
    );
    expect(laid.header).toEqual(['ODS', 'Month', 'Indicator', 'Group', 'Count']);
    expect(laid.rows[1]).toEqual(['RQM01', OCT, 'REF01', 'GP', '*']);
    // Unmapped codes stay ours; a figure with nothing to give stays empty.
    expect(laid.rows[2]).toEqual(['RQM01', OCT, 'REF01', 'self', '*']);
    expect(laid.rows[3]).toEqual(['RQM01', OCT, 'dna_rate', 'percent', null]);
    expect(laid.rows).toHaveLength(rows.length);
  });
});

describe('wide layout', () => {
  it('gives one row per period and site and one column per figure, a hidden count staying hidden', () => {
    const laid = layOut(rows, layout({ layout: 'wide', columns: [{ id: 'period', header: 'Month' }, { id: 'site', header: 'Site' }], codes: [{ measure: 'referrals_received', code: 'REF' }] }));
    expect(laid.header).toEqual(['Month', 'Site', 'REF.source.total', 'REF.source.gp', 'REF.source.self', 'dna_rate.all.percent']);
    expect(laid.rows).toEqual([
      [OCT, 'RQM01', 12, '*', '*', null],
      // A figure the site does not have is an empty cell, never 0.
      [OCT, 'ALL', 30, 18, null, null],
    ]);
    expect(laid.figureColumns).toEqual([false, false, true, true, true, true]);
  });

  it('without a site column, one site’s return is one row a period; several sites are refused rather than folded into one', () => {
    const noSite = layout({ name: 'By month', layout: 'wide', columns: [{ id: 'period' }], separator: '_' });
    const laid = layOut(rows.slice(0, 2), noSite);
    expect(laid.header).toEqual(['period', 'referrals_received_source_total', 'referrals_received_source_gp']);
    expect(laid.rows).toEqual([[OCT, 12, '*']]);
    expect(() => layOut(rows, noSite)).toThrow('The layout “By month” has no site column');
  });
});

describe('the layout profile', () => {
  it('refuses a long return without its values, a wide one without its period, a column twice and a code mapped twice', () => {
    const issues = (p: Partial<ReturnLayoutInput>) => returnLayoutSchema.safeParse({ id: 'x', name: 'X', dataset: 'monthly_return', ...p }).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ columns: [{ id: 'measure' }] })).toContain('A long return needs its value column.');
    expect(issues({ layout: 'wide', columns: [{ id: 'site' }] })).toContain('A wide return needs its period column to name each row.');
    expect(issues({ columns: [{ id: 'value' }, { id: 'value' }] })).toContain('“value” is chosen twice.');
    expect(issues({ columns: [{ id: 'value' }], codes: [{ measure: 'a', code: 'X' }, { measure: 'a', code: 'Y' }] })).toContain('“a” is mapped twice.');
    expect(issues({ columns: [{ id: 'value' }], codes: [{ measure: 'a', code: '\u202Eevil' }] })).not.toEqual([]);
  });
});
