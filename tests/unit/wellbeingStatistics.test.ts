// The confidence interval of a mean change, against textbook values, and the trend's suppression
// against a reader who adds up months.
import { describe, expect, it } from 'vitest';
import { improvementRule, improvedByRule } from '../../core/domain/instruments/improvement';
import { publishTrend, type TrendInputs } from '../../core/domain/export/trends';
import type { ReturnInputs } from '../../core/domain/export/returnInputs';
import { publishReturn } from '../../core/domain/export/publishedReturn';
import { fewPairs } from '../../core/domain/stats/groupComparison';
import { meanChange } from '../../core/domain/stats/meanChange';

describe('mean change with its 95% confidence interval', () => {
  it('matches the paired t interval of Student’s sleep data (Cushny and Peebles, 1905)', () => {
    // Extra hours of sleep, drug 2 minus drug 1, for ten patients. The textbook (and R's
    // t.test(..., paired = TRUE)) gives a mean of 1.58 and a 95% CI of 0.700 to 2.460.
    const differences = [1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4];
    expect(meanChange(differences)).toEqual({ n: 10, mean: 1.58, lower: 0.7, upper: 2.46 });
  });

  it('uses Student’s t, not 1.96, for a handful of pairs', () => {
    // Two pairs, changes 1 and 3: mean 2, s = √2, SE = 1, t(0.975, 1) = 12.706: 2 ± 12.71.
    expect(meanChange([1, 3])).toEqual({ n: 2, mean: 2, lower: -10.71, upper: 14.71 });
  });

  it('gives a mean without an interval for one pair, and nothing for none', () => {
    expect(meanChange([-4])).toEqual({ n: 1, mean: -4, lower: null, upper: null });
    expect(meanChange([])).toEqual({ n: 0, mean: null, lower: null, upper: null });
  });

  it('warns against comparing groups under 30 pairs', () => {
    expect([0, 1, 29, 30, 31].map(fewPairs)).toEqual([false, true, true, false, false]);
  });
});

describe('improved, by each instrument’s rule', () => {
  it('is a rise of 3 on SWEMWBS and WEMWBS, a fall of 6 on PHQ-9 and of 4 on GAD-7', () => {
    expect(improvementRule('swemwbs').words).toBe('a rise of 3 or more (meaningful change)');
    expect(improvementRule('phq9').words).toBe('a fall of 6 or more (reliable improvement)');
    expect(improvementRule('gad7').words).toBe('a fall of 4 or more (reliable improvement)');
    // SWEMWBS metric 18.59 → 21.54 is 2.95: not 3.
    expect(improvedByRule(improvementRule('swemwbs'), 21.54 - 18.59)).toBe(false);
    expect(improvedByRule(improvementRule('swemwbs'), 22.35 - 19.25)).toBe(true);
    expect([-6, -5, 6].map((c) => improvedByRule(improvementRule('phq9'), c))).toEqual([true, false, false]);
  });
});

/** Return inputs holding only referrals received (the trend's first measure). */
function referrals(n: number): ReturnInputs {
  return {
    groups: [{ measure: 'referrals_received', breakdown: 'source', categories: n ? [{ category: 'self', count: n }] : [], total: n }],
    attended: 0,
    dna: 0,
    peopleSupported: 0,
    newlyDiagnosedOffered: 0,
    newlyDiagnosedEngaged: 0,
    wellbeing: [],
    wellbeingChange: [],
    sustained: [],
  };
}

function trendOf(months: number[], period: { start: string; end: string }): TrendInputs {
  const span = (y: number, i: number) => {
    const m = ((i + 3) % 12) + 1;
    const year = i < 9 ? y : y + 1;
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    return { start: `${year}-${String(m).padStart(2, '0')}-01`, end: `${year}-${String(m).padStart(2, '0')}-${last}` };
  };
  const sum = months.reduce((a, b) => a + b, 0);
  return {
    financialYear: 2026,
    thisYear: months.map((n, i) => ({ ...span(2026, i), inputs: referrals(n) })),
    lastYear: Array.from({ length: 12 }, (_, i) => ({ ...span(2025, i), inputs: referrals(20) })),
    ytd: { start: '2026-04-01', end: span(2026, months.length - 1).end, inputs: referrals(sum) },
    ytdLastYear: { start: '2025-04-01', end: span(2025, months.length - 1).end, inputs: referrals(20 * months.length) },
    period,
  };
}

describe('the trend, published', () => {
  it('hides a small month, and another cell with it, so the year to date cannot give it back', () => {
    // April 20, May 3, June 25; the return is for June. May is small; with the year to date (48)
    // and the other months shown, 48 − 20 − 25 would be 3.
    const t = trendOf([20, 3, 25], { start: '2026-06-01', end: '2026-06-30' });
    const published = publishTrend(t, referrals(25), { threshold: 7, roundToFive: false });
    const months = published.months.slice(0, 3).map((m) => m.thisYear!.values.referrals_received);
    expect(months[1]).toBe('*');
    expect([months[0], months[2], published.ytd.values.referrals_received].filter((v) => v === '*')).toHaveLength(1);
    // June is the return's own period: the trend shows it exactly as the return does.
    expect(months[2]).toBe(publishReturn(referrals(25), { threshold: 7, roundToFive: false }).groups[0].total);
  });

  it('shows every month when none is small', () => {
    const t = trendOf([20, 30, 25], { start: '2026-06-01', end: '2026-06-30' });
    const published = publishTrend(t, referrals(25), { threshold: 7, roundToFive: false });
    expect(published.months.slice(0, 3).map((m) => m.thisYear!.values.referrals_received)).toEqual([20, 30, 25]);
    expect(published.ytd.values.referrals_received).toBe(75);
    expect(published.months[3].thisYear).toBeNull();
  });
});
