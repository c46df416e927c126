// Wrong passphrases slow down: a few mistakes are free (Caps Lock happens), then each further
// one doubles the wait, up to five minutes. Enough to stop guessing, never a lock-out for good.
import { countOf } from './plural';

export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_MS = 5 * 60_000;

export function delayAfter(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}

export function waitInWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return countOf(seconds, 'second');
  return countOf(Math.ceil(seconds / 60), 'minute');
}
