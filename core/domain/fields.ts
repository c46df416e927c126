// Field rules shared by the record schemas: dates, times, optional text. One message per rule,
// in the worker's words.
import { z } from 'zod';
import { isRealIsoDate, todayIso } from './dates';

export const isoDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine(isRealIsoDate, { error: 'Enter a real date, as DD/MM/YYYY.' });

/** A date that has happened: today or earlier. */
export const pastDate = (missing: string, future: string) => isoDate(missing).refine((d) => d <= todayIso(), { error: future });

export const optionalIsoDate = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => v || null)
  .refine((v) => v === null || isRealIsoDate(v), { error: 'Enter a real date, as DD/MM/YYYY.' });

export const yearMonth = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => v || null)
  .refine((v) => v === null || /^\d{4}-(0[1-9]|1[0-2])$/.test(v), { error: 'Enter a month and year.' });

export const clockTime = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => v || null)
  .refine((v) => v === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { error: 'Enter a time as HH:MM, for example 14:30.' });

// --- Hidden and control characters -------------------------------------------------------------
// A name or an identifier is shown in lists, exports, PDFs and the audit log: a control character,
// a bidi override that shows "Sam" for a string that sorts and searches as something else, or
// text made only of zero-width characters would mislead the person reading it. Names are one
// line; notes may keep new lines and tabs, and nothing else hidden.

export const HIDDEN_CHARACTER_MESSAGE = 'Use letters, numbers and ordinary punctuation: this has a hidden or control character.';

/** Control characters (C0, DEL, C1), line and paragraph separators, and lone surrogates. */
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}]/u;
/** The same, less tab, line feed and carriage return (notes). */
const CONTROL_IN_NOTES = /(?![\t\n\r])[\p{Cc}\p{Zl}\p{Zp}\p{Cs}]/u;
/**
 * Invisible format characters: the bidi marks, embeddings, overrides and isolates (U+200E/F,
 * U+061C, U+202A–202E, U+2066–2069), zero-width space and word joiner, the byte-order mark, tag
 * characters… All but the zero-width non-joiner and joiner (U+200C/D), which scripts such as
 * Persian and emoji sequences need inside ordinary text.
 */
const FORMAT = /(?![\u200C\u200D])\p{Cf}/u;
/** At least one letter, digit, punctuation mark or symbol: something a reader can see. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * True when the text has nothing hidden and something visible (an empty text is left to the
 * field's own "missing" rule). `lines`: tabs and new lines are allowed (notes).
 */
export function isVisibleText(value: string, options: { lines?: boolean } = {}): boolean {
  if (value.length === 0) return true;
  if ((options.lines ? CONTROL_IN_NOTES : CONTROL).test(value)) return false;
  return !FORMAT.test(value) && VISIBLE.test(value);
}

/** For a schema of its own: `.refine(visibleLine, { error: HIDDEN_CHARACTER_MESSAGE })` on a one-line name. */
export const visibleLine = (v: string | null | undefined) => v === null || v === undefined || isVisibleText(v);
const visibleNote = (v: string | null | undefined) => v === null || v === undefined || isVisibleText(v, { lines: true });

const optionalChecked = (max: number, visible: (v: string | null | undefined) => boolean) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep this to ${max.toLocaleString('en-GB')} characters or fewer.` })
    .optional()
    .nullable()
    .transform((v) => v || null)
    .refine(visible, { error: HIDDEN_CHARACTER_MESSAGE });

const requiredChecked = (max: number, missing: string, visible: (v: string | null | undefined) => boolean) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `Keep this to ${max.toLocaleString('en-GB')} characters or fewer.` })
    .refine(visible, { error: HIDDEN_CHARACTER_MESSAGE });

/** Free text (notes, descriptions): new lines and tabs allowed, nothing else hidden. */
export const optionalText = (max: number) => optionalChecked(max, visibleNote);
export const requiredText = (max: number, missing: string) => requiredChecked(max, missing, visibleNote);

/** A one-line name or identifier (an organisation, a title, a language): nothing hidden at all. */
export const optionalLine = (max: number) => optionalChecked(max, visibleLine);
export const requiredLine = (max: number, missing: string) => requiredChecked(max, missing, visibleLine);

export const id = z.number({ error: 'Missing record.' }).int().positive();
