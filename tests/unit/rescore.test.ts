// Editing an assessment's answers scores it again with the instrument's own scoring (issue 16):
// the total, its band, pro-rating and whether the change newly crosses the risk item's threshold.
import { describe, expect, it } from 'vitest';
import { rescore } from '../../core/domain/corrections';
import { INSTRUMENTS } from '../../core/domain/instruments/definitions';
import { bandFor } from '../../core/domain/instruments/scoring';

const phq9 = INSTRUMENTS.phq9;
const phq = (values: (number | null)[]) => Object.fromEntries(values.map((v, i) => [`q${i + 1}`, v]));
const total = phq9.scores.find((s) => s.id === 'total')!;

describe('rescore', () => {
  it('works out the total and band from the new answers', () => {
    const r = rescore(phq9, phq([0, 0, 0, 0, 0, 0, 0, 0, 0]), phq([3, 3, 3, 3, 3, 3, 0, 0, 0]));
    if (!r.ok) throw new Error('not scored');
    expect(r.value.scores.total).toBe(18);
    expect(bandFor(total, r.value.scores.total)?.label).toBe(bandFor(total, 18)?.label);
    expect(bandFor(total, r.value.scores.total)?.label).not.toBe(bandFor(total, 0)?.label);
    expect(r.newlyAtRisk).toBe(false);
  });

  it('says when item 9 newly goes above 0, and not when it already was', () => {
    const now = rescore(phq9, phq([1, 1, 1, 1, 1, 1, 1, 1, 0]), phq([1, 1, 1, 1, 1, 1, 1, 1, 2]));
    const already = rescore(phq9, phq([1, 1, 1, 1, 1, 1, 1, 1, 1]), phq([1, 1, 1, 1, 1, 1, 1, 1, 2]));
    expect(now.ok && now.value.risk && now.newlyAtRisk).toBe(true);
    expect(already.ok && already.value.risk).toBe(true);
    expect(already.newlyAtRisk).toBe(false);
  });

  it('pro-rates one missed answer as recording does, and refuses two', () => {
    const one = rescore(phq9, phq([1, 1, 1, 1, 1, 1, 1, 1, 0]), phq([2, null, 2, 2, 2, 2, 2, 2, 0]));
    expect(one.ok && one.value.prorated).toBe(true);
    expect(one.ok && one.value.scores.total).toBe(Math.round((14 * 9) / 8));
    const two = rescore(phq9, phq([1, 1, 1, 1, 1, 1, 1, 1, 0]), phq([2, null, 2, 2, null, 2, 2, 2, 0]));
    expect(two.ok).toBe(false);
  });

  it('keeps only the instrument’s own items', () => {
    const r = rescore(phq9, {}, { ...phq([1, 1, 1, 1, 1, 1, 1, 1, 0]), extra: 3 });
    expect(r.responses).not.toHaveProperty('extra');
  });
});
