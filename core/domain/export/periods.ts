// Reporting periods as local UK calendar dates (inclusive), never instants: a month is its
// dates, so a contact at 00:30 BST on 1 April is in April whatever the clock offset.
import { z } from 'zod';

export type PeriodKind = 'month' | 'quarter' | 'financial_year' | 'financial_quarter' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** Inclusive ISO dates. */
  start: string;
  end: string;
  label: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Days in month m (1–12) of year y, leap years included. */
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function month(year: number, m: number): Period {
  return { kind: 'month', start: iso(year, m, 1), end: iso(year, m, daysIn(year, m)), label: `${MONTHS[m - 1]} ${year}` };
}

/** Calendar quarter 1–4 (Jan–Mar = Q1). */
export function quarter(year: number, q: number): Period {
  const first = (q - 1) * 3 + 1;
  return { kind: 'quarter', start: iso(year, first, 1), end: iso(year, first + 2, daysIn(year, first + 2)), label: `${MONTHS[first - 1].slice(0, 3)}–${MONTHS[first + 1].slice(0, 3)} ${year}` };
}

/** UK financial year starting 1 April of `startYear`: "2026/27". */
export function financialYear(startYear: number): Period {
  return { kind: 'financial_year', start: iso(startYear, 4, 1), end: iso(startYear + 1, 3, 31), label: `Financial year ${startYear}/${pad((startYear + 1) % 100)}` };
}

/** Financial quarter 1–4: Q1 April–June … Q4 January–March of the next calendar year. */
export function financialQuarter(startYear: number, q: number): Period {
  const firstMonth = ((q - 1) * 3 + 3) % 12 + 1;
  const year = q === 4 ? startYear + 1 : startYear;
  return {
    kind: 'financial_quarter',
    start: iso(year, firstMonth, 1),
    end: iso(year, firstMonth + 2, daysIn(year, firstMonth + 2)),
    label: `Q${q} ${startYear}/${pad((startYear + 1) % 100)} (${MONTHS[firstMonth - 1].slice(0, 3)}–${MONTHS[firstMonth + 1].slice(0, 3)} ${year})`,
  };
}

export function custom(start: string, end: string): Period {
  const show = (d: string) => d.split('-').reverse().join('/');
  return { kind: 'custom', start, end, label: `${show(start)} to ${show(end)}` };
}

const parts = (today: string) => today.split('-').map(Number) as [number, number, number];

export function financialYearOf(date: string): number {
  const [y, m] = parts(date);
  return m >= 4 ? y : y - 1;
}

export function lastMonth(today: string): Period {
  const [y, m] = parts(today);
  return m === 1 ? month(y - 1, 12) : month(y, m - 1);
}

/** The last complete financial quarter before today's. */
export function lastQuarter(today: string): Period {
  const fy = financialYearOf(today);
  const [, m] = parts(today);
  const q = Math.floor(((m + 8) % 12) / 3) + 1; // April → 1 … March → 4
  return q === 1 ? financialQuarter(fy - 1, 4) : financialQuarter(fy, q - 1);
}

/** The period just before, of the same kind and length, for "compared with last month". */
export function previousPeriod(p: Period): Period {
  const [y, m] = parts(p.start);
  switch (p.kind) {
    case 'month':
      return m === 1 ? month(y - 1, 12) : month(y, m - 1);
    case 'quarter':
      return m === 1 ? quarter(y - 1, 4) : quarter(y, (m - 1) / 3);
    case 'financial_year':
      return financialYear(y - 1);
    case 'financial_quarter': {
      const fy = financialYearOf(p.start);
      const q = Math.floor(((m + 8) % 12) / 3) + 1;
      return q === 1 ? financialQuarter(fy - 1, 4) : financialQuarter(fy, q - 1);
    }
    case 'custom': {
      const days = Math.round((Date.parse(p.end) - Date.parse(p.start)) / 86_400_000) + 1;
      const end = new Date(Date.parse(p.start) - 86_400_000).toISOString().slice(0, 10);
      const start = new Date(Date.parse(end) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
      return custom(start, end);
    }
  }
}

export const periodSchema = z
  .object({
    kind: z.enum(['month', 'quarter', 'financial_year', 'financial_quarter', 'custom']),
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Enter a start date.' }),
    end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Enter an end date.' }),
    label: z.string().max(80).optional(),
  })
  .refine((p) => p.start <= p.end, { error: 'The period must end on or after its start.', path: ['end'] });
