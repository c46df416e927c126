// Dates are stored ISO (CCYY-MM-DD, as NHS data sets are) and shown DD/MM/YYYY.
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

dayjs.extend(customParseFormat);

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && dayjs(value, 'YYYY-MM-DD', true).isValid();
}

export function displayDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso.slice(0, 10), 'YYYY-MM-DD', true);
  return d.isValid() ? d.format('DD/MM/YYYY') : '';
}

/** Today as the clinic's local calendar date, not the UTC one (BST matters after 23:00). */
export function todayIso(now: Date = new Date()): string {
  return dayjs(now).format('YYYY-MM-DD');
}
