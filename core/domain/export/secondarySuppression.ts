// Secondary suppression: hiding small counts is not enough when the same file publishes totals
// and other cells they add up with. A reader who knows how the figures relate (this breakdown
// sums to that total, booked = attended + not attended, offered − engaged = not engaged) can
// work a hidden count back by arithmetic. Here each relation is a sum, the reader's knowledge is
// an interval per cell, and more cells are hidden until no protected cell's interval is one value.
//
// The reader is given more than a real one has. They know which hidden counts are small ([1,
// threshold], from a threshold of 2), and that one hidden to protect another is no larger than
// a comparable cell left showing beside it (the cheapest candidate is hidden: this is how a
// reader who knows the rule works back "Z = 7, 1 = 9" from a total). Every published count is
// taken as exact: rounding to 5 only widens what a reader knows, and the cells hidden here do
// not depend on it. Protecting against this reader protects against the real one.
import type { SuppressionSettings } from './suppressionSettings';

export interface Cell {
  id: string;
  value: number;
  /**
   * Never written out, but worked out by anyone from published cells (offered − engaged): it
   * must not come out exactly when it is a small count.
   */
  implicit?: boolean;
  /**
   * Left showing where another cell will do as well: the whole caseload's figures beside its
   * sites', which most readers want (a site's is hidden instead).
   */
  keep?: boolean;
}

/** `total` = the sum of `parts`. */
export interface SumRelation {
  total: string;
  parts: string[];
  /**
   * The parts are categories listed only if some cell is shown: with every cell hidden the total
   * is published alone (a listed category says it holds at least 1), so no reader can use this.
   */
  listed?: boolean;
}

interface Interval {
  lo: number;
  hi: number;
}

export const isSmall = (n: number, settings: SuppressionSettings) => n >= 1 && n <= settings.threshold;

/** How many steps further a cell less worth keeping is looked for (see nextToHide). */
const LOOK_FURTHER = 1;

/** How many rounds of tightening at most; the return's relations settle in a handful. */
const MAX_ROUNDS = 1_000;

/** Hidden cells; a cell hidden to protect another maps to the relation it was chosen in. */
type Hidden = Map<string, SumRelation | null>;

/**
 * Cells in the same relation that were candidates on the same footing (as many relations each,
 * kept or not alike):
 * the reader knows the one hidden was no larger than any of them still showing.
 */
function comparableShowing(chosen: string, r: SumRelation, hidden: Hidden, footing: (id: string) => string, value: (id: string) => number): number {
  let cap = Infinity;
  for (const id of [r.total, ...r.parts])
    if (id !== chosen && !hidden.has(id) && value(id) > 0 && footing(id) === footing(chosen)) cap = Math.min(cap, value(id));
  return cap;
}

/**
 * What a reader of the published cells can say about every cell: intervals tightened over every
 * sum relation until none moves.
 */
function readerBounds(cells: Cell[], relations: SumRelation[], hidden: Hidden, settings: SuppressionSettings, footing: (id: string) => string): Map<string, Interval> {
  const values = new Map(cells.map((c) => [c.id, c.value]));
  const value = (id: string) => values.get(id)!;
  const bounds = new Map<string, Interval>();
  // With a threshold of 1, knowing a hidden count is small is knowing it is 1: that reader would
  // learn every hidden cell from its label alone, so here they know only that it is not zero.
  const knowsWhichAreSmall = settings.threshold >= 2;
  for (const c of cells) {
    const chosenIn = hidden.get(c.id);
    if (!hidden.has(c.id)) bounds.set(c.id, { lo: c.value, hi: c.value });
    else if (isSmall(c.value, settings) && knowsWhichAreSmall) bounds.set(c.id, { lo: 1, hi: settings.threshold });
    // A difference nobody publishes may be anything, zero included.
    else if (c.implicit) bounds.set(c.id, { lo: 0, hi: Infinity });
    else bounds.set(c.id, { lo: 1, hi: chosenIn ? comparableShowing(c.id, chosenIn, hidden, footing, value) : Infinity });
  }
  const readable = relations.filter((r) => !r.listed || [r.total, ...r.parts].some((id) => !hidden.has(id)));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let moved = false;
    const narrow = (id: string, lo: number, hi: number) => {
      const b = bounds.get(id)!;
      if (lo <= b.lo && hi >= b.hi) return;
      b.lo = Math.max(b.lo, lo);
      b.hi = Math.min(b.hi, hi);
      moved = true;
    };
    for (const r of readable) {
      const parts = r.parts.map((id) => bounds.get(id)!);
      const total = bounds.get(r.total)!;
      const loSum = parts.reduce((a, b) => a + b.lo, 0);
      const finiteHi = parts.reduce((a, b) => a + (b.hi === Infinity ? 0 : b.hi), 0);
      const unbounded = parts.filter((b) => b.hi === Infinity).length;
      narrow(r.total, loSum, unbounded > 0 ? Infinity : finiteHi);
      r.parts.forEach((id, i) => {
        const p = parts[i];
        const othersLo = loSum - p.lo;
        const othersHi = unbounded - (p.hi === Infinity ? 1 : 0) > 0 ? Infinity : finiteHi - (p.hi === Infinity ? 0 : p.hi);
        narrow(id, total.lo - othersHi, total.hi - othersLo);
      });
    }
    if (!moved) break;
  }
  return bounds;
}

/**
 * The cells to hide: the small ones, every implicit one, and as few others as this greedy rule
 * finds so that no hidden published cell and no small implicit one can be worked out exactly.
 * While one can, the cheapest visible non-zero cell in a relation with it is hidden: the one in
 * fewest relations (so a total shared by many breakdowns is hidden last), then the smallest.
 */
export function cellsToHide(cells: Cell[], relations: SumRelation[], settings: SuppressionSettings): Set<string> {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const hidden: Hidden = new Map(cells.filter((c) => c.implicit || isSmall(c.value, settings)).map((c) => [c.id, null]));
  const protectedCell = (c: Cell) => (c.implicit ? isSmall(c.value, settings) : hidden.has(c.id));
  const relationsOf = new Map<string, SumRelation[]>(cells.map((c) => [c.id, []]));
  for (const r of relations) for (const id of [r.total, ...r.parts]) relationsOf.get(id)!.push(r);
  const relationCount = (id: string) => relationsOf.get(id)!.length;
  const order = new Map(cells.map((c, i) => [c.id, i]));
  const kept = (id: string) => (byId.get(id)!.keep ? 1 : 0);
  const cost = (id: string) => [kept(id), relationCount(id), byId.get(id)!.value, order.get(id)!];
  /** Candidates on the same footing: as many relations, and kept or not alike. */
  const footing = (id: string) => `${kept(id)}/${relationCount(id)}`;
  const cheaper = (a: string, b: string) => {
    const [x, y] = [cost(a), cost(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
    return false;
  };

  /**
   * The visible non-zero cell to hide for `start`, and the relation it was found through: the
   * nearest through the relations, the cheapest of those; but where the nearest are all cells to
   * keep (Cell.keep), one not to keep a step further is taken instead if there is one.
   */
  const nextToHide = (start: string): { id: string; relation: SumRelation } | null => {
    let frontier = [start];
    const seen = new Set(frontier);
    const nearest: ({ id: string; relation: SumRelation } | undefined)[] = [];
    let layersLeft = Infinity;
    while (frontier.length > 0 && layersLeft-- > 0) {
      const next: string[] = [];
      // This step's cheapest to keep and not to keep; the nearest step's of each is remembered.
      const here: ({ id: string; relation: SumRelation } | undefined)[] = [];
      for (const id of frontier)
        for (const r of relationsOf.get(id)!)
          for (const other of [r.total, ...r.parts]) {
            if (seen.has(other)) continue;
            seen.add(other);
            if (hidden.has(other)) next.push(other);
            else if (byId.get(other)!.value > 0) {
              const tier = kept(other);
              const best = here[tier];
              if (best === undefined || cheaper(other, best.id)) here[tier] = { id: other, relation: r };
            }
          }
      here.forEach((c, tier) => (nearest[tier] ??= c));
      if (nearest[0]) return nearest[0];
      // Found only cells worth keeping: look one step further for one that is not.
      if (layersLeft === Infinity && nearest.some((c) => c !== undefined)) layersLeft = LOOK_FURTHER;
      frontier = next;
    }
    return nearest.find((c) => c !== undefined) ?? null;
  };

  for (;;) {
    const bounds = readerBounds(cells, relations, hidden, settings, footing);
    // One cell at a time, as hiding one often covers the next. A cell whose neighbours are all
    // hidden or zero already has nothing left to hide for it.
    let next: { id: string; relation: SumRelation } | null = null;
    for (const c of cells) {
      const b = bounds.get(c.id)!;
      if (protectedCell(c) && b.lo === b.hi && (next = nextToHide(c.id))) break;
    }
    if (!next) return new Set(hidden.keys());
    hidden.set(next.id, next.relation);
  }
}
