// An outcome instrument described as data: items, answers, scoring, bands, change rules and its
// licence. Scoring code reads these; it has no branch per instrument.

export type InstrumentId = 'swemwbs' | 'wemwbs' | 'phq9' | 'gad7' | 'ons4' | 'pozqol';

export interface ResponseOption {
  value: number;
  label: string;
}

export interface Item {
  id: string;
  /** The wording; null where it is licensed and not shipped (the form gives it). */
  text: string | null;
  /** Scored as (min + max − answer). */
  reverse?: boolean;
  domain?: string;
  /** Its own answer scale (ONS4's anxiety item reads the other way for bands, not for answers). */
  options?: ResponseOption[];
}

export interface Band {
  /** Inclusive. */
  min: number;
  max: number;
  label: string;
  /** For shading charts: 0 = best … 3 = worst. */
  level: 0 | 1 | 2 | 3;
}

/** A score the instrument reports: the total, a domain mean, or a single item (ONS4). */
export interface ScoreDefinition {
  id: string;
  label: string;
  /** How the score is made from item scores. */
  method: 'sum' | 'mean';
  /** The items it is made of (after reverse coding). */
  items: string[];
  /** Raw sum → reported value (SWEMWBS metric conversion). */
  table?: Record<number, number>;
  range: { min: number; max: number };
  higherIsBetter: boolean;
  bands: Band[];
  /** A change at least this large (in the better direction) is a meaningful improvement. */
  meaningfulChange: number;
  /** NHS Talking Therapies reliable change index, where one exists. */
  reliableChange?: number;
  /** At or above this, a "case" (NHS Talking Therapies caseness). */
  caseness?: number;
}

export interface InstrumentDefinition {
  id: InstrumentId;
  name: string;
  shortName: string;
  /** The question stem shown above the items. */
  stem: string;
  options: ResponseOption[];
  items: Item[];
  scores: ScoreDefinition[];
  /** The score shown first and used for "improved wellbeing". */
  primaryScore: string;
  /** How many items may be missing and still be scored by pro-rating (0: all needed). */
  maxMissing: number;
  /** Items that must always be answered (PHQ-9 item 9: a safety question). */
  requiredItems?: string[];
  /** An answer above `above` on this item needs the worker's attention at once. */
  riskItem?: { item: string; above: number };
  /** Do not repeat sooner than this (days); 0 for no limit. The worker may record it anyway. */
  minIntervalDays: number;
  /** Never repeat sooner than this many calendar months (PozQoL: two): a rule, not a warning. */
  minIntervalMonths?: number;
  licence: { requiresConfirmation: boolean; note: string };
  /** Bumped whenever a table or rule changes, so stored scores can be worked out again. */
  scoringVersion: number;
  /** Facts still to be confirmed against the licensor's material. */
  toConfirm?: string;
}
