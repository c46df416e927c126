// Baseline against latest: change, meaningful and reliable improvement, recovery. People with
// only a baseline are reported as "no follow-up", never silently left out of a denominator.
import { displayDate } from '../dates';
import { INSTRUMENTS } from './definitions';
import type { InstrumentId, ScoreDefinition } from './types';

export interface ScoreChange {
  scoreId: string;
  label: string;
  baseline: number;
  latest: number;
  /** latest − baseline, rounded to 2 decimals. */
  change: number;
  improved: boolean;
  meaningfulImprovement: boolean;
  meaningfulDeterioration: boolean;
  /** Only where the instrument has a reliable change index (PHQ-9, GAD-7). */
  reliableImprovement: boolean | null;
  reliableDeterioration: boolean | null;
  /** At caseness at baseline and below it at the latest (PHQ-9, GAD-7). */
  recovered: boolean | null;
}

export function compareScores(s: ScoreDefinition, baseline: number, latest: number): ScoreChange {
  const change = Math.round((latest - baseline) * 100) / 100;
  const better = s.higherIsBetter ? change : -change;
  const reliable = s.reliableChange;
  return {
    scoreId: s.id,
    label: s.label,
    baseline,
    latest,
    change,
    improved: better > 0,
    meaningfulImprovement: better >= s.meaningfulChange,
    meaningfulDeterioration: -better >= s.meaningfulChange,
    reliableImprovement: reliable === undefined ? null : better >= reliable,
    reliableDeterioration: reliable === undefined ? null : -better >= reliable,
    recovered: s.caseness === undefined ? null : baseline >= s.caseness && latest < s.caseness,
  };
}

export interface AssessmentPoint {
  instrument: InstrumentId;
  completedOn: string;
  scores: Record<string, number>;
}

export interface InstrumentOutcome {
  instrument: InstrumentId;
  baselineOn: string;
  latestOn: string | null;
  /** False when there is only a baseline: counted as "no follow-up". */
  followedUp: boolean;
  changes: ScoreChange[];
  count: number;
}

/** Per instrument: the first assessment in the episode against the last. */
export function episodeOutcomes(points: AssessmentPoint[]): InstrumentOutcome[] {
  const by = new Map<InstrumentId, AssessmentPoint[]>();
  for (const p of [...points].sort((a, b) => (a.completedOn < b.completedOn ? -1 : a.completedOn > b.completedOn ? 1 : 0))) {
    by.set(p.instrument, [...(by.get(p.instrument) ?? []), p]);
  }
  return [...by.entries()].map(([instrument, list]) => {
    const def = INSTRUMENTS[instrument];
    const first = list[0];
    const last = list.length > 1 ? list[list.length - 1] : null;
    return {
      instrument,
      baselineOn: first.completedOn,
      latestOn: last?.completedOn ?? null,
      followedUp: last !== null,
      count: list.length,
      changes: last ? def.scores.filter((s) => s.id in first.scores && s.id in last.scores).map((s) => compareScores(s, first.scores[s.id], last.scores[s.id])) : [],
    };
  });
}

export interface TalkingTherapiesOutcome {
  /** PHQ-9 ≥ 10 or GAD-7 ≥ 8 at baseline. */
  atCaseness: boolean;
  /** At caseness at baseline, and below caseness on both at the latest. */
  recovered: boolean;
  /** Either measure improved reliably and neither deteriorated reliably. */
  reliableImprovement: boolean;
  reliableDeterioration: boolean;
  reliableRecovery: boolean;
}

/** NHS Talking Therapies counts PHQ-9 and GAD-7 together; both need a baseline and a follow-up. */
export function talkingTherapiesOutcome(outcomes: InstrumentOutcome[]): TalkingTherapiesOutcome | null {
  const phq = outcomes.find((o) => o.instrument === 'phq9')?.changes.find((c) => c.scoreId === 'total');
  const gad = outcomes.find((o) => o.instrument === 'gad7')?.changes.find((c) => c.scoreId === 'total');
  if (!phq || !gad) return null;
  const atCaseness = phq.baseline >= 10 || gad.baseline >= 8;
  const recovered = atCaseness && phq.latest < 10 && gad.latest < 8;
  const reliableDeterioration = !!(phq.reliableDeterioration || gad.reliableDeterioration);
  const reliableImprovement = !!(phq.reliableImprovement || gad.reliableImprovement) && !reliableDeterioration;
  return { atCaseness, recovered, reliableImprovement, reliableDeterioration, reliableRecovery: recovered && reliableImprovement };
}

// Half-up to one decimal (toFixed rounds 2.55 down: it is stored as 2.5499…).
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : (Math.round(n * 10 + 1e-9) / 10).toFixed(1));

/** "SWEMWBS up 4.1 since 03/02/2026: meaningful improvement". */
export function changeSentence(instrument: InstrumentId, outcome: InstrumentOutcome, scoreId?: string): string {
  const def = INSTRUMENTS[instrument];
  const id = scoreId ?? def.primaryScore;
  const c = outcome.changes.find((x) => x.scoreId === id);
  const name = def.scores.length > 1 ? (def.scores.find((s) => s.id === id)?.label ?? def.shortName) : def.shortName;
  if (!c) return `${name}: baseline on ${displayDate(outcome.baselineOn)}, no follow-up yet`;
  const direction = c.change === 0 ? 'unchanged' : `${c.change > 0 ? 'up' : 'down'} ${fmt(Math.abs(c.change))}`;
  const verdict = c.reliableImprovement
    ? 'reliable improvement'
    : c.meaningfulImprovement
      ? 'meaningful improvement'
      : c.reliableDeterioration
        ? 'reliable deterioration'
        : c.meaningfulDeterioration
          ? 'meaningful deterioration'
          : c.improved
            ? 'some improvement, less than meaningful'
            : c.change === 0
              ? 'no change'
              : 'a little worse, less than meaningful';
  const recovered = c.recovered ? ', recovered' : '';
  return `${name} ${direction} since ${displayDate(outcome.baselineOn)}: ${verdict}${recovered}`;
}
