// Which of an instrument's scores the screens show, how they group onto charts, and the band
// shading behind them: read from the definition, with no branch per instrument.
import type { Band, InstrumentDefinition, ScoreDefinition } from '../../../../core/domain/instruments/types';

/**
 * The scores worth charting. A primary score made of every item stands for the instrument; where
 * it is not (ONS4's four questions are each a score of their own), or the instrument has domains
 * (PozQoL: the overall score and its four domain scores), every score is shown.
 */
export function shownScores(def: InstrumentDefinition): ScoreDefinition[] {
  const primary = def.scores.find((s) => s.id === def.primaryScore) ?? def.scores[0];
  const domains = def.items.some((i) => i.domain);
  return primary.items.length === def.items.length && !domains ? [primary] : def.scores;
}

export interface ChartGroup {
  key: string;
  title: string;
  scores: ScoreDefinition[];
  bands: Band[];
  range: { min: number; max: number };
  higherIsBetter: boolean;
}

/** Scores that share a scale and bands go on one chart; ONS4's anxiety (bands the other way) gets its own. */
export function chartGroups(def: InstrumentDefinition): ChartGroup[] {
  const groups = new Map<string, ChartGroup>();
  for (const s of shownScores(def)) {
    const key = JSON.stringify([s.range, s.higherIsBetter, s.bands]);
    const g = groups.get(key);
    if (g) g.scores.push(s);
    else groups.set(key, { key, title: '', scores: [s], bands: s.bands, range: s.range, higherIsBetter: s.higherIsBetter });
  }
  return [...groups.values()].map((g) => ({ ...g, title: inWords(g.scores.map((s) => s.label)) }));
}

function inWords(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

// Tints from best (0) to worst (3). The band labels sit outside the plot in dark text, so only
// the line and dots need contrast against these (all are pale: 1.1–1.2:1 against white).
export const BAND_TINT: Record<Band['level'], string> = { 0: '#e3f4e8', 1: '#eef5dc', 2: '#fff1d6', 3: '#fde8e8' };

export interface BandArea {
  y1: number;
  y2: number;
  band: Band;
}

/**
 * Bands as areas that meet: integer bands (0–4, 5–9) leave gaps between them, so each boundary
 * is drawn halfway between one band's top and the next one's bottom.
 */
export function bandAreas(bands: Band[], range: { min: number; max: number }): BandArea[] {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  return sorted.map((band, i) => ({
    band,
    y1: i === 0 ? range.min : (sorted[i - 1].max + band.min) / 2,
    y2: i === sorted.length - 1 ? range.max : (band.max + sorted[i + 1].min) / 2,
  }));
}

/** Scores as people read them: whole numbers plain, others to at most two decimals. */
export function formatScore(n: number): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}
