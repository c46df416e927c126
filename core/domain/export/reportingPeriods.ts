// A reporting-only member sees figures for whole months, quarters and years only: a day or a
// custom range narrows a count to a handful of people who can then be recognised, however the
// cells are suppressed (issue 12, item 4).
import { financialQuarter, financialYear, financialYearOf, month, quarter, type Period } from './periods';

export const WHOLE_PERIODS_ONLY_MESSAGE = 'Figures for a reporting-only member are for a whole month, quarter or financial year. Choose one of those instead of a custom range.';

/** The whole period of this kind that starts on `p.start`, if `p` is exactly one. */
export function isWholePeriod(p: Pick<Period, 'kind' | 'start' | 'end'>): boolean {
  const [y, m, d] = p.start.split('-').map(Number);
  if (d !== 1) return false;
  const same = (q: Period) => q.start === p.start && q.end === p.end;
  switch (p.kind) {
    case 'month':
      return same(month(y, m));
    case 'quarter':
      return (m - 1) % 3 === 0 && same(quarter(y, (m - 1) / 3 + 1));
    case 'financial_quarter':
      return [1, 2, 3, 4].some((q) => same(financialQuarter(financialYearOf(p.start), q)));
    case 'financial_year':
      return same(financialYear(y));
    case 'custom':
      return false;
  }
}
