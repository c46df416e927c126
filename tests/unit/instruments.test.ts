// Scoring vectors for every instrument: tables, bands at their edges, reverse coding, pro-rating,
// and the change rules at their thresholds.
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS, SWEMWBS_METRIC } from '../../core/domain/instruments/definitions';
import { changeSentence, compareScores, episodeOutcomes, talkingTherapiesOutcome } from '../../core/domain/instruments/outcome';
import { dueAssessments } from '../../core/domain/instruments/schedule';
import { bandFor, itemScore, scoreAssessment, type Responses } from '../../core/domain/instruments/scoring';
import type { InstrumentId } from '../../core/domain/instruments/types';

const answers = (instrument: InstrumentId, values: number[]): Responses => Object.fromEntries(INSTRUMENTS[instrument].items.map((item, i) => [item.id, values[i]]));
const total = (instrument: InstrumentId, values: number[], score?: string) => {
  const r = scoreAssessment(INSTRUMENTS[instrument], answers(instrument, values));
  if (!r.ok) throw new Error(`not scored: missing ${r.missing} invalid ${r.invalid}`);
  return r.value.scores[score ?? INSTRUMENTS[instrument].primaryScore];
};
const band = (instrument: InstrumentId, value: number, score?: string) => {
  const def = INSTRUMENTS[instrument];
  return bandFor(def.scores.find((s) => s.id === (score ?? def.primaryScore))!, value)?.label;
};

/** Seven answers (1–5) that add up to `raw`. */
function sevenSumming(raw: number): number[] {
  const out = Array(7).fill(1);
  let left = raw - 7;
  for (let i = 0; left > 0; i = (i + 1) % 7) {
    if (out[i] < 5) {
      out[i]++;
      left--;
    }
  }
  return out;
}

describe('SWEMWBS', () => {
  const table: [number, number][] = [
    [7, 7.0], [8, 9.51], [9, 11.25], [10, 12.4], [11, 13.33], [12, 14.08], [13, 14.75], [14, 15.32], [15, 15.84], [16, 16.36], [17, 16.88],
    [18, 17.43], [19, 17.98], [20, 18.59], [21, 19.25], [22, 19.98], [23, 20.73], [24, 21.54], [25, 22.35], [26, 23.21], [27, 24.11],
    [28, 25.03], [29, 26.02], [30, 27.03], [31, 28.13], [32, 29.31], [33, 30.7], [34, 32.55], [35, 35.0],
  ];
  it.each(table)('raw %i → metric %f', (raw, metric) => {
    expect(total('swemwbs', sevenSumming(raw))).toBe(metric);
  });

  it('covers every raw total from 7 to 35 and no other', () => {
    expect(Object.keys(SWEMWBS_METRIC).map(Number)).toEqual(Array.from({ length: 29 }, (_, i) => i + 7));
  });

  it('needs every item: no pro-rating', () => {
    const r = scoreAssessment(INSTRUMENTS.swemwbs, { ...answers('swemwbs', [3, 3, 3, 3, 3, 3, 3]), q4: null });
    expect(r).toEqual({ ok: false, missing: ['q4'], invalid: [] });
  });

  it('bands the metric score, edges included', () => {
    expect(band('swemwbs', 16.88)).toBe('Probable depression');
    expect(band('swemwbs', 17.43)).toBe('Possible depression');
    expect(band('swemwbs', 19.98)).toBe('Possible depression');
    expect(band('swemwbs', 20.73)).toBe('Average wellbeing');
    expect(band('swemwbs', 27.03)).toBe('Average wellbeing');
    expect(band('swemwbs', 28.13)).toBe('High wellbeing');
    expect(band('swemwbs', 35)).toBe('High wellbeing');
  });
});

describe('WEMWBS', () => {
  it('totals 14 to 70 and bands at the edges', () => {
    expect(total('wemwbs', Array(14).fill(1))).toBe(14);
    expect(total('wemwbs', Array(14).fill(5))).toBe(70);
    expect([40, 41, 44, 45, 59, 60].map((v) => band('wemwbs', v))).toEqual([
      'Probable depression', 'Possible depression', 'Possible depression', 'Average wellbeing', 'Average wellbeing', 'High wellbeing',
    ]);
  });
});

describe('PHQ-9', () => {
  it('totals 0 to 27 and bands at every boundary', () => {
    expect(total('phq9', Array(9).fill(0))).toBe(0);
    expect(total('phq9', Array(9).fill(3))).toBe(27);
    expect([0, 4, 5, 9, 10, 14, 15, 19, 20, 27].map((v) => band('phq9', v))).toEqual([
      'Minimal', 'Minimal', 'Mild', 'Mild', 'Moderate', 'Moderate', 'Moderately severe', 'Moderately severe', 'Severe', 'Severe',
    ]);
  });

  it('flags item 9 above 0, and never scores without item 9', () => {
    const withRisk = scoreAssessment(INSTRUMENTS.phq9, answers('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]));
    expect(withRisk.ok && withRisk.value.risk).toBe(true);
    const none = scoreAssessment(INSTRUMENTS.phq9, answers('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0]));
    expect(none.ok && none.value.risk).toBe(false);
    expect(scoreAssessment(INSTRUMENTS.phq9, { ...answers('phq9', Array(9).fill(1)), q9: null })).toMatchObject({ ok: false, missing: ['q9'] });
  });

  it('pro-rates one missing item, rounding to a whole score, and marks it', () => {
    const r = scoreAssessment(INSTRUMENTS.phq9, { ...answers('phq9', [2, 2, 2, 2, 2, 2, 2, 1, 0]), q8: null });
    // 14 from 8 answered items → 14 × 9 / 8 = 15.75 → 16
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ scores: { total: 16 }, prorated: true }) });
    expect(scoreAssessment(INSTRUMENTS.phq9, { ...answers('phq9', Array(9).fill(1)), q1: null, q2: null })).toMatchObject({ ok: false, missing: ['q1', 'q2'] });
  });

  it('refuses answers off the scale', () => {
    expect(scoreAssessment(INSTRUMENTS.phq9, answers('phq9', [4, 0, 0, 0, 0, 0, 0, 0, 0]))).toMatchObject({ ok: false, invalid: ['q1'] });
  });

  it('reliable improvement is a fall of 6 or more; recovery crosses below 10', () => {
    const s = INSTRUMENTS.phq9.scores[0];
    expect(compareScores(s, 16, 10)).toMatchObject({ change: -6, reliableImprovement: true, meaningfulImprovement: true, recovered: false });
    expect(compareScores(s, 16, 11)).toMatchObject({ reliableImprovement: false });
    expect(compareScores(s, 12, 9)).toMatchObject({ recovered: true, reliableImprovement: false });
    expect(compareScores(s, 9, 15)).toMatchObject({ reliableDeterioration: true, recovered: false });
  });
});

describe('GAD-7', () => {
  it('totals 0 to 21 and bands at every boundary', () => {
    expect(total('gad7', Array(7).fill(3))).toBe(21);
    expect([4, 5, 9, 10, 14, 15, 21].map((v) => band('gad7', v))).toEqual(['Minimal', 'Mild', 'Mild', 'Moderate', 'Moderate', 'Severe', 'Severe']);
  });

  it('reliable improvement is a fall of 4 or more; caseness is 8', () => {
    const s = INSTRUMENTS.gad7.scores[0];
    expect(compareScores(s, 12, 8)).toMatchObject({ reliableImprovement: true, recovered: false });
    expect(compareScores(s, 12, 9)).toMatchObject({ reliableImprovement: false });
    expect(compareScores(s, 8, 7)).toMatchObject({ recovered: true });
    expect(compareScores(s, 7, 5)).toMatchObject({ recovered: false });
  });
});

describe('ONS4', () => {
  it('reports each question on its own, with anxiety banded the other way', () => {
    const r = scoreAssessment(INSTRUMENTS.ons4, { satisfied: 7, worthwhile: 9, happy: 4, anxious: 6 });
    expect(r.ok && r.value.scores).toEqual({ satisfied: 7, worthwhile: 9, happy: 4, anxious: 6 });
    expect([4, 5, 6, 7, 8, 9].map((v) => band('ons4', v, 'satisfied'))).toEqual(['Low', 'Medium', 'Medium', 'High', 'High', 'Very high']);
    expect([1, 2, 3, 4, 5, 6].map((v) => band('ons4', v, 'anxious'))).toEqual(['Very low', 'Low', 'Low', 'Medium', 'Medium', 'High']);
  });

  it('a fall in anxiety is an improvement', () => {
    const anxious = INSTRUMENTS.ons4.scores.find((s) => s.id === 'anxious')!;
    expect(compareScores(anxious, 7, 5)).toMatchObject({ improved: true, meaningfulImprovement: true });
  });
});

describe('PozQoL', () => {
  it('numbers its items as the official form does: 1, 5, 8 and 13 scored as answered, the other nine reversed', () => {
    const def = INSTRUMENTS.pozqol;
    expect(def.items.map((i) => i.id)).toEqual(Array.from({ length: 13 }, (_, i) => `q${i + 1}`));
    expect(def.items.filter((i) => !i.reverse).map((i) => i.id)).toEqual(['q1', 'q5', 'q8', 'q13']);
    expect(def.options.map((o) => `${o.value} ${o.label}`)).toEqual(['1 Not at all', '2 Slightly', '3 Moderately', '4 Very', '5 Extremely']);
    expect(itemScore(def, 'q1', 5)).toBe(5);
    expect(itemScore(def, 'q2', 5)).toBe(1);
  });

  it('scores the overall and each domain as a mean of coded items', () => {
    const def = INSTRUMENTS.pozqol;
    // Best possible quality of life: negatives "not at all" (1), positives "extremely" (5).
    const best = Object.fromEntries(def.items.map((i) => [i.id, i.reverse ? 1 : 5]));
    const r = scoreAssessment(def, best);
    expect(r.ok && r.value.scores).toEqual({ overall: 5, health: 5, psychological: 5, social: 5, functional: 5 });
    // Every answer 3 except item 1 (positive, psychological) answered 1: psychological
    // (1 + 3 + 3 + 3) / 4 = 2.5; overall (1 + 12 × 3) / 13 = 37 / 13 = 2.846… → 2.85; the rest 3.
    const mixed = Object.fromEntries(def.items.map((i) => [i.id, 3]));
    expect(scoreAssessment(def, { ...mixed, q1: 1 })).toMatchObject({ ok: true, value: { scores: { overall: 2.85, psychological: 2.5, health: 3, social: 3, functional: 3 } } });
    // Item 2 is negative: answered 5 it codes to 1, lowering its domain (health: (1 + 3 + 3) / 3 = 2.33).
    expect(scoreAssessment(def, { ...mixed, q2: 5 })).toMatchObject({ ok: true, value: { scores: expect.objectContaining({ health: 2.33 }) } });
  });

  it('is never repeated within two calendar months', () => {
    expect(INSTRUMENTS.pozqol.minIntervalMonths).toBe(2);
  });
});

describe('change over an episode', () => {
  it('counts only a baseline as "no follow-up"', () => {
    const [o] = episodeOutcomes([{ instrument: 'swemwbs', completedOn: '2026-02-03', scores: { metric: 19.25 } }]);
    expect(o).toMatchObject({ followedUp: false, latestOn: null, changes: [] });
    expect(changeSentence('swemwbs', o)).toBe('SWEMWBS: baseline on 03/02/2026, no follow-up yet');
  });

  it('compares the first with the last, and says so in words', () => {
    const [o] = episodeOutcomes([
      { instrument: 'swemwbs', completedOn: '2026-05-01', scores: { metric: 21.54 } },
      { instrument: 'swemwbs', completedOn: '2026-02-03', scores: { metric: 17.43 } },
      { instrument: 'swemwbs', completedOn: '2026-03-20', scores: { metric: 18.59 } },
    ]);
    expect(o).toMatchObject({ baselineOn: '2026-02-03', latestOn: '2026-05-01', count: 3 });
    expect(o.changes[0]).toMatchObject({ change: 4.11, meaningfulImprovement: true });
    expect(changeSentence('swemwbs', o)).toBe('SWEMWBS up 4.1 since 03/02/2026: meaningful improvement');
    const [small] = episodeOutcomes([
      { instrument: 'swemwbs', completedOn: '2026-02-03', scores: { metric: 17.43 } },
      { instrument: 'swemwbs', completedOn: '2026-05-01', scores: { metric: 19.98 } },
    ]);
    expect(small.changes[0].meaningfulImprovement).toBe(false);
    expect(changeSentence('swemwbs', small)).toBe('SWEMWBS up 2.6 since 03/02/2026: some improvement, less than meaningful');
  });

  it('meaningful change is exactly at the threshold', () => {
    const s = INSTRUMENTS.wemwbs.scores[0];
    expect(compareScores(s, 40, 43).meaningfulImprovement).toBe(true);
    expect(compareScores(s, 40, 42).meaningfulImprovement).toBe(false);
    expect(compareScores(s, 43, 40).meaningfulDeterioration).toBe(true);
  });

  it('NHS Talking Therapies recovery needs both measures below caseness', () => {
    const outcomes = (phq: [number, number], gad: [number, number]) =>
      episodeOutcomes([
        { instrument: 'phq9', completedOn: '2026-01-01', scores: { total: phq[0] } },
        { instrument: 'phq9', completedOn: '2026-04-01', scores: { total: phq[1] } },
        { instrument: 'gad7', completedOn: '2026-01-01', scores: { total: gad[0] } },
        { instrument: 'gad7', completedOn: '2026-04-01', scores: { total: gad[1] } },
      ]);
    expect(talkingTherapiesOutcome(outcomes([15, 8], [12, 7]))).toEqual({ atCaseness: true, recovered: true, reliableImprovement: true, reliableDeterioration: false, reliableRecovery: true });
    expect(talkingTherapiesOutcome(outcomes([15, 8], [12, 9]))).toMatchObject({ recovered: false, reliableImprovement: true });
    expect(talkingTherapiesOutcome(outcomes([5, 3], [4, 2]))).toMatchObject({ atCaseness: false, recovered: false });
    expect(talkingTherapiesOutcome(outcomes([15, 10], [6, 11]))).toMatchObject({ reliableDeterioration: true, reliableImprovement: false });
    expect(talkingTherapiesOutcome(episodeOutcomes([{ instrument: 'phq9', completedOn: '2026-01-01', scores: { total: 12 } }]))).toBeNull();
  });
});

describe('schedule', () => {
  const started = { firstContactOn: '2026-01-05', open: true };
  it('a baseline is due from first contact, and overdue two weeks later', () => {
    expect(dueAssessments(started, ['phq9'], [], 12, '2026-01-10')).toEqual([{ instrument: 'phq9', kind: 'baseline', dueOn: '2026-01-05', overdue: false }]);
    expect(dueAssessments(started, ['phq9'], [], 12, '2026-01-20')[0].overdue).toBe(true);
  });

  it('a follow-up falls due the set number of weeks after the last', () => {
    const done = [{ instrument: 'phq9' as const, completedOn: '2026-01-05' }];
    expect(dueAssessments(started, ['phq9'], done, 12, '2026-03-29')).toEqual([]);
    expect(dueAssessments(started, ['phq9'], done, 12, '2026-03-30')).toEqual([{ instrument: 'phq9', kind: 'follow_up', dueOn: '2026-03-30', overdue: false }]);
  });

  it('nothing is due before first contact or once closed', () => {
    expect(dueAssessments({ firstContactOn: null, open: true }, ['phq9'], [], 12, '2026-03-30')).toEqual([]);
    expect(dueAssessments({ ...started, open: false }, ['phq9'], [], 12, '2026-03-30')).toEqual([]);
  });
});
