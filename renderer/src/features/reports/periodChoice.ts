// The reporting period a manager picks, turned into core's Period. The picker edits a period's
// parts (year, month, quarter…); this keeps the arithmetic out of the component.
import {
  custom,
  financialQuarter,
  financialYear,
  financialYearOf,
  lastMonth,
  month,
  quarter,
  type Period,
  type PeriodKind,
} from '../../../../core/domain/export/periods';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The first year offered: the programmes this serves report from 2015 onwards. */
const FIRST_YEAR = 2015;

export const KIND_LABELS: Record<PeriodKind, string> = {
  month: 'Month',
  quarter: 'Quarter',
  financial_year: 'Financial year',
  financial_quarter: 'Financial quarter',
  custom: 'Custom range',
};

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** Calendar quarter (1–4) holding a month (1–12). */
const calendarQuarterOf = (m: number) => Math.floor((m - 1) / 3) + 1;
/** Financial quarter (1–4, April first) holding a month (1–12). */
export const financialQuarterOf = (m: number) => Math.floor(((m + 8) % 12) / 3) + 1;

/** The period of another kind that holds the first day of `from`, so switching kind keeps the place. */
export function convert(from: Period, kind: PeriodKind): Period {
  const [y, m] = parts(from.start);
  switch (kind) {
    case 'month':
      return month(y, m);
    case 'quarter':
      return quarter(y, calendarQuarterOf(m));
    case 'financial_year':
      return financialYear(financialYearOf(from.start));
    case 'financial_quarter':
      return financialQuarter(financialYearOf(from.start), financialQuarterOf(m));
    case 'custom':
      return custom(from.start, from.end);
  }
}

export function defaultPeriod(today: string): Period {
  return lastMonth(today);
}

/** Years a period may start in, newest first, up to the one holding today. */
export function yearsUpTo(today: string): number[] {
  const [y] = parts(today);
  return Array.from({ length: y - FIRST_YEAR + 1 }, (_, i) => y - i);
}

/** Financial years as "2026/27", newest first. */
export function financialYearsUpTo(today: string): { value: string; label: string }[] {
  const last = financialYearOf(today);
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => {
    const y = last - i;
    return { value: String(y), label: `${y}/${String((y + 1) % 100).padStart(2, '0')}` };
  });
}

export const QUARTER_OPTIONS = [
  { value: '1', label: 'January to March' },
  { value: '2', label: 'April to June' },
  { value: '3', label: 'July to September' },
  { value: '4', label: 'October to December' },
];

export const FINANCIAL_QUARTER_OPTIONS = [
  { value: '1', label: 'Q1: April to June' },
  { value: '2', label: 'Q2: July to September' },
  { value: '3', label: 'Q3: October to December' },
  { value: '4', label: 'Q4: January to March' },
];

/** What the selects show for a period. */
export function fieldsOf(p: Period) {
  const [y, m] = parts(p.start);
  return {
    year: String(y),
    month: String(m),
    quarter: String(calendarQuarterOf(m)),
    financialYear: String(financialYearOf(p.start)),
    financialQuarter: String(financialQuarterOf(m)),
  };
}

/** "01/10/2026 to 31/10/2026": the dates behind a period's name. */
export function periodDates(p: Period): string {
  const show = (d: string) => d.split('-').reverse().join('/');
  return `${show(p.start)} to ${show(p.end)}`;
}

/** A stable key for caching a period's figures. */
