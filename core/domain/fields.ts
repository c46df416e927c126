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

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Keep this to ${max.toLocaleString('en-GB')} characters or fewer.` })
    .optional()
    .nullable()
    .transform((v) => v || null);

export const requiredText = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `Keep this to ${max.toLocaleString('en-GB')} characters or fewer.` });

export const id = z.number({ error: 'Missing record.' }).int().positive();
