// Age in whole years on a date, and the band a return reports it in.
import { AGE_BANDS } from './codes';

export function ageOn(dateOfBirth: string, onDate: string): number {
  // ISO dates (CCYY-MM-DD): "MM-DD" compares as text, so nothing is split (exports call this per row).
  const years = Number(onDate.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return onDate.slice(5, 10) < dateOfBirth.slice(5, 10) ? years - 1 : years;
}

export function ageBand(dateOfBirth: string | null, onDate: string): string {
  if (!dateOfBirth) return 'Not known';
  const age = ageOn(dateOfBirth, onDate);
  return AGE_BANDS.find((b) => age >= b.min && age <= b.max)?.code ?? 'Not known';
}
