// Age in whole years on a date, and the band a return reports it in.
import { AGE_BANDS } from './codes';

export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function ageBand(dateOfBirth: string | null, onDate: string): string {
  if (!dateOfBirth) return 'Not known';
  const age = ageOn(dateOfBirth, onDate);
  return AGE_BANDS.find((b) => age >= b.min && age <= b.max)?.code ?? 'Not known';
}
