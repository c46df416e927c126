// Secondary suppression against a reader who knows the rules (issue 12, item 5). The reader here
// is written apart from core/domain/export: from nothing but the published rows and how the
// return's figures relate, it tightens an interval for every hidden count until none moves,
// and (when nothing is rounded) asks linear algebra whether the equations alone fix a hidden
// cell. It is told more than a real reader knows: which hidden counts are small (their true
// range [1, threshold]) and which were hidden to protect them (no larger than a category left
// showing beside them, as the cheapest candidate is hidden).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReturn, type CountGroup, type ReturnInputs, type ReturnRow } from '../../core/domain/export/monthlyReturn';
import { month } from '../../core/domain/export/periods';
import type { SuppressionSettings } from '../../core/domain/export/suppression';

const october = month(2026, 10);

// ---- Random caseloads: the raw counts of a return, consistent with one another by construction.

const tally = (measure: string, breakdown: string, names: string[], picks: number[]): CountGroup => {
  const counts = new Map<string, number>();
  for (const p of picks) counts.set(names[p], (counts.get(names[p]) ?? 0) + 1);
  const categories = [...counts].map(([category, count]) => ({ category, count })).sort((a, b) => a.category.localeCompare(b.category));
  return { measure, breakdown, categories, total: picks.length };
};
const codes = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);
/** A category index, often the first (one big category beside many small ones, as in clinics). */
const pick = (n: number) => fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.integer({ min: 0, max: n - 1 }), weight: 3 });

const person = fc.record({ isNew: fc.boolean(), gender: pick(6), ethnicity: pick(18), orientation: pick(7), age: pick(7), borough: pick(12) });
const referralArb = fc.record({ source: pick(7), pathway: pick(3), newlyDiagnosed: fc.boolean(), engaged: fc.boolean() });
const contactArb = fc.record({ attended: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }), type: pick(3), mode: pick(4) });
const registrationArb = fc.record({ type: pick(3), registered: fc.boolean(), attended: fc.boolean() });
const outcomeArb = fc.record({ instrument: pick(3), outcome: fc.constantFrom('improved', 'not_improved', 'no_follow_up') });
const sustainedArb = fc.record({ instrument: pick(3), improved: fc.boolean() });
const sized = <T>(arb: fc.Arbitrary<T>) => fc.nat({ max: 90 }).chain((n) => fc.array(arb, { maxLength: n }));

const caseload: fc.Arbitrary<ReturnInputs> = fc
  .record({ people: sized(person), referrals: sized(referralArb), contacts: sized(contactArb), registrations: sized(registrationArb), outcomes: sized(outcomeArb), afterClosure: sized(sustainedArb) })
  .map(({ people, referrals, contacts, registrations, outcomes, afterClosure }) => {
    const attended = contacts.filter((c) => c.attended);
    const eventTypes = codes('event', 3);
    const groupCount = (measure: string, counted: (r: (typeof registrations)[number]) => boolean): CountGroup => {
      const types = [...new Set(registrations.map((r) => eventTypes[r.type]))].sort();
      const categories = types.map((category) => ({ category, count: registrations.filter((r) => eventTypes[r.type] === category && counted(r)).length }));
      return { measure, breakdown: 'event_type', categories, total: categories.reduce((a, c) => a + c.count, 0) };
    };
    const instruments = ['gad7', 'ons4', 'phq9'];
    const used = [...new Set(outcomes.map((o) => instruments[o.instrument]))].sort();
    return {
      groups: [
        tally('referrals_received', 'source', codes('source', 7), referrals.map((r) => r.source)),
        tally('referrals_received', 'pathway', codes('pathway', 3), referrals.map((r) => r.pathway)),
        tally('people_supported', 'new_or_continuing', ['continuing', 'new'], people.map((p) => (p.isNew ? 1 : 0))),
        tally('contacts_attended', 'type', codes('type', 3), attended.map((c) => c.type)),
        tally('contacts_attended', 'mode', codes('mode', 4), attended.map((c) => c.mode)),
        groupCount('group_registrations', (r) => r.registered),
        groupCount('group_attendance', (r) => r.attended),
        tally('people_supported', 'gender_identity', codes('g', 6), people.map((p) => p.gender)),
        tally('people_supported', 'ethnic_category', codes('e', 18), people.map((p) => p.ethnicity)),
        tally('people_supported', 'sexual_orientation', codes('o', 7), people.map((p) => p.orientation)),
        tally('people_supported', 'age_band', codes('a', 7), people.map((p) => p.age)),
        tally('people_supported', 'borough', codes('b', 12), people.map((p) => p.borough)),
      ],
      attended: attended.length,
      dna: contacts.length - attended.length,
      peopleSupported: people.length,
      newlyDiagnosedOffered: referrals.filter((r) => r.newlyDiagnosed).length,
      newlyDiagnosedEngaged: referrals.filter((r) => r.newlyDiagnosed && r.engaged).length,
      wellbeing: used.map((instrument) => {
        const mine = outcomes.filter((o) => instruments[o.instrument] === instrument);
        const count = (...kinds: string[]) => mine.filter((o) => kinds.includes(o.outcome)).length;
        return { instrument, improved: count('improved'), followedUp: count('improved', 'not_improved'), noFollowUp: count('no_follow_up') };
      }),
      // Statistics of the pairs: not counts, published beside them (the figures are made up).
      wellbeingChange: used.map((instrument) => ({ instrument, n: 3, mean: 2.5, lower: 1, upper: 4 })),
      sustained: [...new Set(afterClosure.map((o) => instruments[o.instrument]))].sort().map((instrument) => {
        const mine = afterClosure.filter((o) => instruments[o.instrument] === instrument);
        return { instrument, improved: mine.filter((o) => o.improved).length, followedUp: mine.length, change: { n: mine.length, mean: 1.5, lower: -2, upper: 5 } };
      }),
    };
  });

const settingsArb: fc.Arbitrary<SuppressionSettings> = fc.record({ threshold: fc.constantFrom(0, 1, 3, 5, 7, 10), roundToFive: fc.boolean() });

// ---- The reader: what the file says, and the relations anyone can see between its figures.

interface Sum {
  total: string;
  parts: string[];
}

/** The quantity a published row states (a total printed twice is one quantity). */
function quantityOf(r: ReturnRow): string | null {
  if (['percent', 'average', 'percent_engaged', 'percent_improved', 'mean_change', 'mean_change_ci95_lower', 'mean_change_ci95_upper', 'fewer_than_30_pairs'].includes(r.category)) return null;
  if (r.measure === 'average_contacts_per_person') return `${r.category}:total`;
  if (r.category === 'total') return `${r.measure}:total`;
  return `${r.measure}:${r.breakdown}:${r.category}`;
}

/** The relations between quantities, and the differences nobody publishes but anyone can take. */
function relationsOf(rows: ReturnRow[]): { sums: Sum[]; differences: string[]; categories: Map<string, Sum> } {
  const sums: Sum[] = [];
  const categories = new Map<string, Sum>();
  const groups = new Map<string, string[]>();
  for (const r of rows) {
    if (r.category === 'total' || r.breakdown === 'all' || r.measure === 'improved_wellbeing' || r.measure === 'sustained_wellbeing') continue;
    const key = `${r.measure}|${r.breakdown}`;
    groups.set(key, [...(groups.get(key) ?? []), quantityOf(r)!]);
  }
  for (const r of rows.filter((x) => x.category === 'total')) {
    const sum = { total: quantityOf(r)!, parts: groups.get(`${r.measure}|${r.breakdown}`) ?? [] };
    // A hidden total published without its categories: they were withheld, so nothing to add up.
    if (sum.parts.length === 0 && r.value === '*') continue;
    sums.push(sum);
    for (const p of sum.parts) categories.set(p, sum);
  }
  sums.push({ total: 'dna_rate:all:attended_or_not', parts: ['contacts_attended:total', 'dna_rate:all:not_attended'] });
  sums.push({ total: 'newly_diagnosed:all:offered', parts: ['newly_diagnosed:all:engaged', 'not_engaged'] });
  const differences = ['not_engaged'];
  for (const i of new Set(rows.filter((r) => r.measure === 'improved_wellbeing').map((r) => r.breakdown))) {
    sums.push({ total: `improved_wellbeing:${i}:followed_up`, parts: [`improved_wellbeing:${i}:improved`, `not_improved:${i}`] });
    differences.push(`not_improved:${i}`);
    // With a baseline: those paired and those closed with only a baseline (given when both are).
    if (rows.some((r) => r.measure === 'improved_wellbeing' && r.breakdown === i && r.category === 'with_baseline' && typeof r.value === 'number')) sums.push({ total: `improved_wellbeing:${i}:with_baseline`, parts: [`improved_wellbeing:${i}:followed_up`, `improved_wellbeing:${i}:no_follow_up`] });
  }
  for (const i of new Set(rows.filter((r) => r.measure === 'sustained_wellbeing').map((r) => r.breakdown))) {
    sums.push({ total: `sustained_wellbeing:${i}:followed_up_after_closure`, parts: [`sustained_wellbeing:${i}:improved`, `sustained_not_improved:${i}`] });
    differences.push(`sustained_not_improved:${i}`);
  }
  return { sums, differences, categories };
}

/** The true value of every quantity, from the caseload the return was built from. */
function truthOf(inputs: ReturnInputs): Map<string, number> {
  const t = new Map<string, number>();
  for (const g of inputs.groups) {
    t.set(`${g.measure}:total`, g.total);
    for (const c of g.categories) t.set(`${g.measure}:${g.breakdown}:${c.category}`, c.count);
  }
  t.set('dna_rate:all:not_attended', inputs.dna);
  t.set('dna_rate:all:attended_or_not', inputs.attended + inputs.dna);
  t.set('newly_diagnosed:all:offered', inputs.newlyDiagnosedOffered);
  t.set('newly_diagnosed:all:engaged', inputs.newlyDiagnosedEngaged);
  t.set('not_engaged', inputs.newlyDiagnosedOffered - inputs.newlyDiagnosedEngaged);
  for (const w of inputs.wellbeing) {
    t.set(`improved_wellbeing:${w.instrument}:improved`, w.improved);
    t.set(`improved_wellbeing:${w.instrument}:followed_up`, w.followedUp);
    t.set(`improved_wellbeing:${w.instrument}:no_follow_up`, w.noFollowUp);
    t.set(`not_improved:${w.instrument}`, w.followedUp - w.improved);
    t.set(`improved_wellbeing:${w.instrument}:with_baseline`, w.followedUp + w.noFollowUp);
  }
  for (const w of inputs.sustained) {
    t.set(`sustained_wellbeing:${w.instrument}:followed_up_after_closure`, w.followedUp);
    t.set(`sustained_wellbeing:${w.instrument}:improved`, w.improved);
    t.set(`sustained_not_improved:${w.instrument}`, w.followedUp - w.improved);
  }
  return t;
}

type Interval = [number, number];

/** What a published value says about the true count (rounded values are ranges). */
function rangeOf(value: number, s: SuppressionSettings): Interval {
  if (!s.roundToFive) return [value, value];
  // Counts from 1 to the threshold are never published, so a rounded value cannot stand for one.
  const lo = Math.max(value - 2, 0);
  const hi = value + 2;
  return value === 0 ? [0, s.threshold >= 2 ? 0 : 2] : [Math.max(lo, s.threshold + 1), hi];
}

/** The reader's intervals, tightened over every sum until none moves. */
function read(rows: ReturnRow[], truth: Map<string, number>, s: SuppressionSettings) {
  const { sums, differences, categories } = relationsOf(rows);
  const published = new Map<string, number | '*'>();
  for (const r of rows) {
    const q = quantityOf(r);
    // Null: not given (a sum of counts one of which is hidden).
    if (q !== null && r.value !== null) published.set(q, r.value as number | '*');
  }
  const small = (q: string) => truth.get(q)! >= 1 && truth.get(q)! <= s.threshold;
  // With a threshold of 1, being told a hidden count is small is being told it is 1: that reader
  // knows only that a hidden count is not zero.
  const told = s.threshold >= 2;
  const bounds = new Map<string, Interval>();
  for (const [q, v] of published) {
    if (v !== '*') bounds.set(q, rangeOf(v, s));
    else if (small(q) && told) bounds.set(q, [1, s.threshold]);
    else {
      // Hidden to protect another: for a category, no larger than the smallest non-zero category
      // of its breakdown still showing (the cheapest is the one hidden).
      const siblings = categories.get(q)?.parts.filter((p) => p !== q && published.get(p) !== '*' && published.get(p) !== 0) ?? [];
      bounds.set(q, [1, Math.min(Infinity, ...siblings.map((p) => rangeOf(published.get(p) as number, s)[1]))]);
    }
  }
  for (const d of differences) bounds.set(d, small(d) && told ? [1, s.threshold] : [0, Infinity]);
  for (let changed = true; changed; ) {
    changed = false;
    const tighten = (q: string, lo: number, hi: number) => {
      const [a, b] = bounds.get(q)!;
      if (lo <= a && hi >= b) return;
      changed = true;
      bounds.set(q, [Math.max(a, lo), Math.min(b, hi)]);
    };
    for (const { total, parts } of sums) {
      const lows = parts.map((p) => bounds.get(p)![0]);
      const highs = parts.map((p) => bounds.get(p)![1]);
      const sumLo = lows.reduce((a, b) => a + b, 0);
      tighten(total, sumLo, highs.reduce((a, b) => a + b, 0));
      const [tLo, tHi] = bounds.get(total)!;
      parts.forEach((p, i) => {
        const othersHi = highs.reduce((a, b, j) => (j === i ? a : a + b), 0);
        tighten(p, tLo - othersHi, tHi - (sumLo - lows[i]));
      });
    }
  }
  const hidden = [...published].filter(([, v]) => v === '*').map(([q]) => q);
  return { bounds, sums, published, protectedQuantities: [...hidden, ...differences.filter(small)] };
}

/** row −= factor × other (the factor read before the row changes under it). */
function subtract(row: number[], factor: number, other: number[]) {
  if (Math.abs(factor) > 1e-9) for (let j = 0; j < row.length; j++) row[j] -= factor * other[j];
}

/** Quantities the equations alone fix, whatever the bounds: e_q in the row space over the unknowns. */
function fixedByEquations(sums: Sum[], unknown: string[]): string[] {
  const col = new Map(unknown.map((q, i) => [q, i]));
  const rows = sums
    .map(({ total, parts }) => {
      const row = new Array<number>(unknown.length).fill(0);
      if (col.has(total)) row[col.get(total)!] += 1;
      for (const p of parts) if (col.has(p)) row[col.get(p)!] -= 1;
      return row;
    })
    .filter((r) => r.some((x) => x !== 0));
  // Reduced row echelon form, exactly enough for coefficients of ±1 on a few hundred columns.
  const pivots: { row: number[]; at: number }[] = [];
  for (const r of rows) {
    for (const p of pivots) subtract(r, r[p.at], p.row);
    const at = r.findIndex((x) => Math.abs(x) > 1e-9);
    if (at === -1) continue;
    const scale = r[at];
    r.forEach((_, j) => (r[j] /= scale));
    for (const p of pivots) subtract(p.row, p.row[at], r);
    pivots.push({ row: r, at });
  }
  return unknown.filter((q) => {
    const v = unknown.map((u) => (u === q ? 1 : 0));
    for (const p of pivots) subtract(v, v[p.at], p.row);
    return v.every((x) => Math.abs(x) < 1e-9);
  });
}

function attack(inputs: ReturnInputs, s: SuppressionSettings) {
  const rows = buildReturn(october, inputs, s);
  const truth = truthOf(inputs);
  const { bounds, sums, published, protectedQuantities } = read(rows, truth, s);
  const exposed = protectedQuantities.filter((q) => bounds.get(q)![0] === bounds.get(q)![1]).map((q) => `${q} = ${truth.get(q)} (${bounds.get(q)})`);
  if (!s.roundToFive) {
    const unknown = [...bounds.keys()].filter((q) => published.get(q) === '*' || !published.has(q));
    const fixed = fixedByEquations(sums, unknown);
    exposed.push(...fixed.filter((q) => protectedQuantities.includes(q)).map((q) => `${q} = ${truth.get(q)} (from the equations)`));
  }
  return { rows, exposed };
}

describe('secondary suppression against a reader who knows the rules', () => {
  it('no hidden count, and no small difference of published counts, can be worked out from the file', () => {
    fc.assert(
      fc.property(caseload, settingsArb, (inputs, s) => {
        const { rows, exposed } = attack(inputs, s);
        expect(exposed, 'cells a reader can work out').toEqual([]);
        // No published count is a small one (rounded, a multiple of 5 that stands for larger
        // counts: 5 with a threshold of 5 says 6 or 7), and rates come only from published numbers.
        const value = (measure: string, breakdown: string, category: string) => rows.find((r) => r.measure === measure && r.breakdown === breakdown && r.category === category)?.value;
        for (const r of rows) {
          if (quantityOf(r) === null || typeof r.value !== 'number') continue;
          if (s.roundToFive) expect(r.value % 5, `${r.measure} ${r.category} published as ${r.value}`).toBe(0);
          else expect(r.value >= 1 && r.value <= s.threshold, `${r.measure} ${r.category} published as ${r.value}`).toBe(false);
        }
        const rate = (v: unknown, num: unknown, den: unknown) => expect(v === '*').toBe(num === '*' || den === '*');
        rate(value('dna_rate', 'all', 'percent'), value('dna_rate', 'all', 'not_attended'), value('dna_rate', 'all', 'attended_or_not'));
        rate(value('average_contacts_per_person', 'all', 'average'), value('average_contacts_per_person', 'all', 'contacts_attended'), value('average_contacts_per_person', 'all', 'people_supported'));
        rate(value('newly_diagnosed', 'all', 'percent_engaged'), value('newly_diagnosed', 'all', 'engaged'), value('newly_diagnosed', 'all', 'offered'));
        for (const w of inputs.wellbeing) rate(value('improved_wellbeing', w.instrument, 'percent_improved'), value('improved_wellbeing', w.instrument, 'improved'), value('improved_wellbeing', w.instrument, 'followed_up'));
      }),
      // Enough runs to meet ties, all-ones groups and hidden totals many times over; about 2 s on this machine.
      { numRuns: 1000 },
    );
  });

  it('protects the cases the review found in the October return', () => {
    const seven = { threshold: 7, roundToFive: false };
    const orientation = { measure: 'people_supported', breakdown: 'sexual_orientation', categories: [['1', 9], ['2', 9], ['3', 12], ['4', 15], ['9', 11], ['U', 10], ['Z', 7]].map(([category, count]) => ({ category: String(category), count: Number(count) })), total: 73 };
    const inputs: ReturnInputs = { groups: [orientation], attended: 0, dna: 0, peopleSupported: 73, newlyDiagnosedOffered: 14, newlyDiagnosedEngaged: 10, wellbeing: [], wellbeingChange: [], sustained: [] };
    const { rows, exposed } = attack(inputs, seven);
    expect(exposed).toEqual([]);
    // "4 not engaged" no longer follows from 14 offered and 10 engaged.
    expect(rows.filter((r) => r.measure === 'newly_diagnosed').map((r) => r.value)).toEqual([14, '*', '*']);
  });
});
