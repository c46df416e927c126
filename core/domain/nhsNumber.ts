// NHS Number (NHS Data Dictionary): 10 digits, the last a Modulus 11 check digit.
// Optional in sexual-health services, but checked whenever it is given.

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2];

/** Digits only: people type it with spaces or dashes. */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** The check digit for the first nine digits, or null when no valid number can start with them. */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(firstNine[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return false;
  return nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** Why a typed NHS Number is not acceptable, in the worker's words; null when it is fine. */
export function nhsNumberProblem(input: string): string | null {
  const digits = normaliseNhsNumber(input);
  if (!/^\d*$/.test(digits)) return 'An NHS Number has digits only.';
  if (digits.length !== 10) return `An NHS Number has 10 digits; this has ${digits.length}.`;
  if (!isValidNhsNumber(digits)) return 'This is not a valid NHS Number: please check it for a typing mistake.';
  return null;
}

/** Shown 3-3-4, as on NHS letters: `943 476 5919`. */
export function formatNhsNumber(input: string): string {
  const d = normaliseNhsNumber(input);
  if (d.length !== 10) return input;
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
}
