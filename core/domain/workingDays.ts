// Working days between two dates: weekends and England and Wales bank holidays do not count.
// The holiday list is data (gov.uk publishes it); extend it each year.

export const BANK_HOLIDAYS_ENGLAND_WALES: readonly string[] = [
  '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
];
const HOLIDAYS = new Set(BANK_HOLIDAYS_ENGLAND_WALES);

// Calendar dates as whole days since 1970-01-01 (UTC arithmetic: no clock or time zone involved).
const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
/** 0 = Sunday … 6 = Saturday; day 0 (1 January 1970) was a Thursday. */
const weekday = (n: number) => (((n + 4) % 7) + 7) % 7;

export function isWorkingDay(iso: string): boolean {
  const dow = weekday(dayNumber(iso));
  return dow !== 0 && dow !== 6 && !HOLIDAYS.has(iso);
}

/** Weekdays in the day numbers (a, b]. */
function weekdaysAfter(a: number, b: number): number {
  const days = b - a;
  let n = Math.floor(days / 7) * 5;
  for (let d = a + Math.floor(days / 7) * 7 + 1; d <= b; d++) {
    const dow = weekday(d);
    if (dow !== 0 && dow !== 6) n++;
  }
  return n;
}

/**
 * Working days after `from` up to and including `to`: a referral received on a Friday and
 * contacted the next Monday waited 1 working day; contacted the same day, 0.
 */
export function workingDaysBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const a = dayNumber(from);
  const b = dayNumber(to);
  return weekdaysAfter(a, b) - (holidaysUpTo(b) - holidaysUpTo(a));
}

/** The bank holidays that fall on a weekday (the others cost no working day), as sorted day numbers. */
const WEEKDAY_HOLIDAYS = BANK_HOLIDAYS_ENGLAND_WALES.map(dayNumber)
  .filter((n) => weekday(n) !== 0 && weekday(n) !== 6)
  .sort((x, y) => x - y);

/** How many of them fall on or before day `n` (a binary search: exports ask once per row). */
function holidaysUpTo(n: number): number {
  let lo = 0;
  let hi = WEEKDAY_HOLIDAYS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (WEEKDAY_HOLIDAYS[mid] <= n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
