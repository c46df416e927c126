// Passphrase policy for the workspace: long, not a known common password, and strong enough
// by zxcvbn's estimate. The hint steers people to three random words, which are long and
// memorable (NCSC guidance) rather than short and complex.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSPHRASE_LENGTH = 12;
/** zxcvbn score (0–4) below which a passphrase is refused as too guessable. */
export const MIN_PASSPHRASE_SCORE = 3;
/**
 * zxcvbn's matching grows faster than the text: 1,024 characters took 1.2 s, on every keystroke
 * of the strength meter and at the back end. Only this many characters are scored; a passphrase
 * strong in its first 100 is strong, and more characters after them can only add to it.
 */
export const SCORED_CHARACTERS = 100;

/** The part zxcvbn scores: the first SCORED_CHARACTERS characters (whole code points). */
export function scoredPart(candidate: string): string {
  if (candidate.length <= SCORED_CHARACTERS) return candidate;
  return Array.from(candidate).slice(0, SCORED_CHARACTERS).join('');
}

let zxcvbn: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  // Built on first use: loading the dictionaries costs ~100 ms we do not want at start-up.
  zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return zxcvbn;
}

const common = new Set<string>();
function isCommonPassword(candidate: string): boolean {
  if (common.size === 0) for (const p of dictionary['passwords-common']) common.add(p);
  return common.has(candidate.toLowerCase());
}

export interface PassphraseCheck {
  ok: boolean;
  /** 0–4, for a strength meter. */
  score: number;
  /** Why it is refused, in plain words; null when it is accepted. */
  problem: string | null;
}

export function checkPassphrase(candidate: string, context: string[] = []): PassphraseCheck {
  if (candidate.length < MIN_PASSPHRASE_LENGTH) {
    const score = candidate.length === 0 ? 0 : Math.min(estimator().check(scoredPart(candidate)).score, 2);
    return {
      ok: false,
      score,
      problem: `Use at least ${MIN_PASSPHRASE_LENGTH} characters: three random words work well.`,
    };
  }
  if (isCommonPassword(candidate)) {
    return { ok: false, score: 0, problem: 'This is a commonly used password. Choose something else.' };
  }
  const { score } = estimator().check(scoredPart(candidate), context);
  if (score < MIN_PASSPHRASE_SCORE) {
    return {
      ok: false,
      score,
      problem: 'This would be easy to guess. Try three random words that mean nothing together.',
    };
  }
  return { ok: true, score, problem: null };
}

/** Three random words from the diceware list, as an example of a good passphrase. */
export function suggestPassphrase(randomInt: (max: number) => number): string {
  const words = dictionary['diceware-common'].filter((w) => w.length >= 4 && w.length <= 8 && /^[a-z]+$/.test(w));
  return Array.from({ length: 3 }, () => words[randomInt(words.length)]).join(' ');
}
