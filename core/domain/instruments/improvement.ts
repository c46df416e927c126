// What counts as "improved" for one person on an instrument's primary score, by that
// instrument's own rule: NHS Talking Therapies' reliable improvement where one exists (PHQ-9 a
// fall of 6+, GAD-7 a fall of 4+), otherwise its meaningful change (WEMWBS and SWEMWBS: 3+).
import { INSTRUMENTS } from './definitions';
import type { InstrumentId, ScoreDefinition } from './types';

export interface ImprovementRule {
  score: ScoreDefinition;
  kind: 'reliable' | 'meaningful';
  /** The change in the better direction that counts, in the score's own units. */
  threshold: number;
  /** "a fall of 6 or more (reliable improvement)". */
  words: string;
}

const points = (n: number) => (Number.isInteger(n) ? `${n}` : n.toLocaleString('en-GB'));

export function improvementRule(instrument: InstrumentId): ImprovementRule {
  const def = INSTRUMENTS[instrument];
  const score = def.scores.find((s) => s.id === def.primaryScore)!;
  const kind = score.reliableChange !== undefined ? 'reliable' : 'meaningful';
  const threshold = score.reliableChange ?? score.meaningfulChange;
  const words = `a ${score.higherIsBetter ? 'rise' : 'fall'} of ${points(threshold)} or more (${kind === 'reliable' ? 'reliable improvement' : 'meaningful change'})`;
  return { score, kind, threshold, words };
}

/** follow-up − baseline in the better direction reaches the instrument's threshold. */
export function improvedByRule(rule: ImprovementRule, change: number): boolean {
  const better = rule.score.higherIsBetter ? change : -change;
  // Scores are kept to two decimals: compare as such, so 3.0000001 and 2.9999999 both count as 3.
  return Math.round(better * 100) >= Math.round(rule.threshold * 100);
}
