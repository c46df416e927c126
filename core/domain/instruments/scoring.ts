// Scoring any instrument from its definition: reverse coding, pro-rating where allowed, tables,
// means, bands. Responses are stored as given; these functions derive everything else.
import type { Band, InstrumentDefinition, ScoreDefinition } from './types';

export type Responses = Record<string, number | null | undefined>;

export interface Scored {
  /** Score id → value (SWEMWBS: the metric score; PozQoL: means to 2 decimals). */
  scores: Record<string, number>;
  /** True when missing answers were filled by pro-rating, as the instrument allows. */
  prorated: boolean;
  missing: string[];
  /** The risk item was answered above its threshold (PHQ-9 item 9 above 0). */
  risk: boolean;
  scoringVersion: number;
}

export type ScoreResult = { ok: true; value: Scored } | { ok: false; missing: string[]; invalid: string[] };

function optionsFor(def: InstrumentDefinition, itemId: string) {
  return def.items.find((i) => i.id === itemId)?.options ?? def.options;
}

export function itemScore(def: InstrumentDefinition, itemId: string, answer: number): number {
  const item = def.items.find((i) => i.id === itemId)!;
  const values = optionsFor(def, itemId).map((o) => o.value);
  return item.reverse ? Math.min(...values) + Math.max(...values) - answer : answer;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

function scoreOne(def: InstrumentDefinition, s: ScoreDefinition, responses: Responses): { value: number; prorated: boolean } | null {
  const answered = s.items.filter((id) => responses[id] != null);
  if (answered.length === 0) return null;
  const itemScores = answered.map((id) => itemScore(def, id, responses[id] as number));
  const sum = itemScores.reduce((a, b) => a + b, 0);
  const prorated = answered.length < s.items.length;
  if (s.method === 'mean') return { value: round(sum / answered.length, 2), prorated };
  // Pro-rated sums are scaled up to the full item count and rounded to a whole score.
  const raw = prorated ? Math.round((sum * s.items.length) / answered.length) : sum;
  const value = s.table ? s.table[raw] : raw;
  return value === undefined ? null : { value, prorated };
}

export function scoreAssessment(def: InstrumentDefinition, responses: Responses): ScoreResult {
  const invalid = def.items
    .filter((i) => responses[i.id] != null && !optionsFor(def, i.id).some((o) => o.value === responses[i.id]))
    .map((i) => i.id);
  const missing = def.items.filter((i) => responses[i.id] == null).map((i) => i.id);
  const requiredMissing = (def.requiredItems ?? []).filter((id) => missing.includes(id));
  if (invalid.length > 0 || missing.length > def.maxMissing || requiredMissing.length > 0) return { ok: false, missing, invalid };
  const scores: Record<string, number> = {};
  let prorated = false;
  for (const s of def.scores) {
    const one = scoreOne(def, s, responses);
    if (!one) return { ok: false, missing, invalid };
    scores[s.id] = one.value;
    prorated ||= one.prorated;
  }
  const risk = def.riskItem ? (responses[def.riskItem.item] ?? 0) > def.riskItem.above : false;
  return { ok: true, value: { scores, prorated, missing, risk, scoringVersion: def.scoringVersion } };
}

export function bandFor(score: ScoreDefinition, value: number): Band | undefined {
  return score.bands.find((b) => value >= b.min && value <= b.max);
}

/** 1-based item numbers, for messages: "Answer items 3 and 9". */
export function itemNumbers(def: InstrumentDefinition, ids: string[]): number[] {
  return ids.map((id) => def.items.findIndex((i) => i.id === id) + 1).filter((n) => n > 0);
}

export function listInWords(numbers: number[]): string {
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}
