// How long a record is kept after care ends (Records Management Code of Practice: adult health
// records generally 8 years), and which records are past it. Nothing is deleted by this rule:
// a coordinator sees the list and chooses to delete, and every deletion is audited.
import dayjs from 'dayjs';
import { z } from 'zod';
import { id } from './fields';

export const DEFAULT_RETENTION_YEARS = 8;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The last day the record must be kept: the same day `years` later. Care that ended on
 * 29 February is kept until 1 March in a year without one, the later of the two readings, so a
 * record is never deleted a day early.
 */
export function retentionEnds(endedOn: string, years: number): string {
  const [y, m, d] = endedOn.slice(0, 10).split('-').map(Number);
  const year = y + years;
  if (m === 2 && d === 29 && !isLeap(year)) return `${year}-03-01`;
  return `${year}-${pad(m)}-${pad(d)}`;
}

/** Past retention: the keeping period has ended before today. On its last day it is still kept. */
export function isPastRetention(endedOn: string, years: number, today: string): boolean {
  return retentionEnds(endedOn, years) < today;
}

/**
 * The rule as one date a query can compare a column with: care that ended before this date is
 * past retention today, care that ended on it or later is not. Found from the same-day-N-years-
 * ago date and then stepped to the exact boundary, so it agrees with `isPastRetention` on leap
 * days too (a test checks them against each other over many dates).
 */
export function retentionCutoff(today: string, years: number): string {
  const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
  const t = dayjs(today);
  let cutoff = t.subtract(years, 'year');
  while (!isPastRetention(day(cutoff.subtract(1, 'day')), years, today)) cutoff = cutoff.subtract(1, 'day');
  while (isPastRetention(day(cutoff), years, today)) cutoff = cutoff.add(1, 'day');
  return day(cutoff);
}

/** Whole years from the end of care to today, for the list ("9 years ago"). */
export function yearsSince(endedOn: string, today: string): number {
  return dayjs(today).diff(dayjs(endedOn.slice(0, 10)), 'year');
}

export interface RetentionCandidate {
  id: number;
  caseId: string;
  /** The latest closure; for someone never referred, the day their record was made. */
  endedOn: string;
  basis: 'closed' | 'created';
  yearsSince: number;
}

export interface RetentionList {
  years: number;
  /** How many backups are kept: the deleted records stay in them until they age out. */
  backupKeep: number;
  people: RetentionCandidate[];
}

/** At most this many in one deletion: a list the coordinator has actually looked at. */
export const PURGE_MAX = 5000;

export const purgeSchema = z
  .object({
    ids: z
      .array(id)
      .min(1, { error: 'Choose the records to delete.' })
      .max(PURGE_MAX, { error: `Delete at most ${PURGE_MAX.toLocaleString('en-GB')} records at a time.` })
      .transform((v) => [...new Set(v)]),
  })
  .strict();
export type PurgeInput = z.input<typeof purgeSchema>;

export interface PurgeResult {
  purged: number;
}
