// A month and year (the HIV diagnosis), typed as MM/YYYY and kept as CCYY-MM. Typing is quicker
// from the keyboard than a picker, and what was typed stays in the box until it is put right.
import { TextInput, type TextInputProps } from '@mantine/core';

/** MM/YYYY (or M/YYYY, MM-YYYY, YYYY-MM) → CCYY-MM; anything else is passed on as typed, so the
 * schema refuses it with its own message rather than the form quietly dropping it. */
export function monthToIso(typed: string): string | null {
  const t = typed.trim();
  if (!t) return null;
  const dmy = /^(\d{1,2})[/.\- ](\d{4})$/.exec(t);
  if (dmy) return `${dmy[2]}-${dmy[1].padStart(2, '0')}`;
  return t;
}

export function isoToMonth(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m] = iso.split('-');
  return m ? `${m}/${y}` : iso;
}

export function MonthField(props: TextInputProps) {
  return <TextInput placeholder="MM/YYYY" autoComplete="off" maxLength={10} {...props} />;
}
