// A follow-up after support has ended: programmes report whether change lasted "6 months to a
// year later" (Positively UK). One may be recorded on a closed episode in that window only, and is
// kept apart from the assessments made during support.
import dayjs from 'dayjs';
import { displayDate } from '../dates';

export const POST_CLOSURE_MONTHS = { from: 6, to: 12 } as const;

export function postClosureWindow(closedOn: string): { from: string; to: string } {
  const closed = dayjs(closedOn);
  return { from: closed.add(POST_CLOSURE_MONTHS.from, 'month').format('YYYY-MM-DD'), to: closed.add(POST_CLOSURE_MONTHS.to, 'month').format('YYYY-MM-DD') };
}

/** Null when the date is in the window; otherwise what to tell the worker. */
export function postClosureProblem(closedOn: string, completedOn: string): string | null {
  const w = postClosureWindow(closedOn);
  if (completedOn >= w.from && completedOn <= w.to) return null;
  return `A follow-up after closure is recorded 6 to 12 months after support ended (${displayDate(closedOn)}): between ${displayDate(w.from)} and ${displayDate(w.to)}.`;
}

/** The earliest date `months` calendar months after `iso` (PozQoL's two months between uses). */
export function monthsAfter(iso: string, months: number): string {
  return dayjs(iso).add(months, 'month').format('YYYY-MM-DD');
}
