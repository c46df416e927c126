// The trust's layout of the monthly return: long (one row per figure: period, site, measure,
// breakdown, category, value, as the built-in return) or wide (one row per period and site, one
// column per figure), with the trust's own column names and its own codes for our measures and
// categories. A trust writes one, sends the profile file to every clinic, and every clinic's
// return (and a coordinator's combined return) comes back in the same shape.
//
// The figures are laid out exactly as published: a layout renames and rearranges, never recounts,
// so a hidden "*" stays hidden whatever the layout.
import { z } from 'zod';
import type { CsvFormat } from './csv';
import { FILE_TYPES, PROFILE_FILE_FORMAT, PROFILE_FILE_VERSION } from './profile';
import { HIDDEN_CHARACTER_MESSAGE, visibleLine } from '../fields';
import type { Published } from './suppression';
import { DomainError } from '../result';

/** A layout is stored and sent as an export profile whose dataset is the monthly return. */
export const RETURN_DATASET = 'monthly_return';

export const LAYOUT_COLUMNS = ['period', 'site', 'measure', 'breakdown', 'category', 'value'] as const;
export type LayoutColumn = (typeof LAYOUT_COLUMNS)[number];

/** The column names of the built-in return, which a layout starts from. */
export const LAYOUT_COLUMN_HEADERS: Record<LayoutColumn, string> = {
  period: 'period',
  site: 'site',
  measure: 'measure',
  breakdown: 'breakdown',
  category: 'category',
  value: 'value',
};

/** What the site column says for a return of the whole caseload, or of every site together. */
export const ALL_SITES = 'ALL';

const trustCode = z
  .string()
  .trim()
  .min(1, { error: 'Enter the trust’s code.' })
  .max(80)
  .refine(visibleLine, { error: HIDDEN_CHARACTER_MESSAGE });
const ourCode = (what: string) => z.string().trim().min(1, { error: `Enter our ${what}’s code, for example ${what === 'measure' ? 'referrals_received' : 'self'}.` }).max(80);

/**
 * One line of the trust's mapping: our measure's code → theirs (no category), or, within one
 * measure, our category's code → theirs (in every breakdown of that measure).
 */
export const codeMappingSchema = z.object({
  measure: ourCode('measure'),
  category: ourCode('category').optional(),
  code: trustCode,
});
export type CodeMapping = z.infer<typeof codeMappingSchema>;

export const returnLayoutSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/, { error: 'Use lower-case letters, digits, - and _ for the profile id.' }),
    name: z.string().trim().min(1, { error: 'Give the profile a name.' }).max(80).refine(visibleLine, { error: HIDDEN_CHARACTER_MESSAGE }),
    dataset: z.literal(RETURN_DATASET),
    layout: z.enum(['long', 'wide']).default('long'),
    /**
     * The columns in order with the trust's names. Wide: the period and site columns name each
     * row, and one column per figure follows (measure, breakdown, category and value are not used).
     */
    columns: z
      .array(z.object({ id: z.enum(LAYOUT_COLUMNS), header: z.string().trim().min(1).max(80).refine(visibleLine, { error: HIDDEN_CHARACTER_MESSAGE }).optional() }))
      .min(1, { error: 'Choose at least one column.' })
      .max(LAYOUT_COLUMNS.length),
    /** Wide: what joins measure, breakdown and category in a figure's column name. */
    separator: z.enum(['.', '_', ':', '/', ' ']).default('.'),
    codes: z.array(codeMappingSchema).max(2000).default([]),
    delimiter: z.enum([',', ';', '\t']).default(','),
    bom: z.boolean().default(true),
    lineEnding: z.enum(['crlf', 'lf']).default('crlf'),
    fileType: z.enum(FILE_TYPES).default('csv'),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.columns.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'id'], message: `“${c.id}” is chosen twice.` });
      seen.add(c.id);
    });
    if (p.layout === 'long' && !seen.has('value')) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'A long return needs its value column.' });
    if (p.layout === 'wide' && !seen.has('period')) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'A wide return needs its period column to name each row.' });
    const mapped = new Set<string>();
    p.codes.forEach((m, i) => {
      const key = `${m.measure}|${m.category ?? ''}`;
      if (mapped.has(key)) ctx.addIssue({ code: 'custom', path: ['codes', i, 'measure'], message: `“${m.measure}${m.category ? ` / ${m.category}` : ''}” is mapped twice.` });
      mapped.add(key);
    });
  });
export type ReturnLayout = z.output<typeof returnLayoutSchema>;
export type ReturnLayoutInput = z.input<typeof returnLayoutSchema>;

export function layoutCsvFormat(p: ReturnLayout): CsvFormat {
  return { delimiter: p.delimiter, bom: p.bom, lineEnding: p.lineEnding };
}

/** One published figure of a return, with the site it is for (ALL for every site together). */
export interface SiteReturnRow {
  period: string;
  site: string;
  measure: string;
  breakdown: string;
  category: string;
  value: Published | null;
}

/** A laid-out return: its header and its cells (a number, "*" for a hidden count, or empty). */
export interface LaidOutReturn {
  header: string[];
  /** Per cell: text, or a figure (null: nothing to give, as a rate over zero). */
  rows: (string | Published | null)[][];
  /** Which cells hold figures (the rest are text), for a workbook's cell types. */
  figureColumns: boolean[];
}

/** Our codes to the trust's, looked up once per row. */
function codeMapper(codes: CodeMapping[]) {
  const measures = new Map<string, string>();
  const categories = new Map<string, string>();
  for (const m of codes) {
    if (m.category === undefined) measures.set(m.measure, m.code);
    else categories.set(`${m.measure}|${m.category}`, m.code);
  }
  return {
    measure: (measure: string) => measures.get(measure) ?? measure,
    category: (measure: string, category: string) => categories.get(`${measure}|${category}`) ?? category,
  };
}

export function layOut(rows: readonly SiteReturnRow[], layout: ReturnLayout): LaidOutReturn {
  const map = codeMapper(layout.codes);
  const headerOf = (c: ReturnLayout['columns'][number]) => c.header ?? LAYOUT_COLUMN_HEADERS[c.id];
  if (layout.layout === 'long') {
    const cellOf: Record<LayoutColumn, (r: SiteReturnRow) => string | Published | null> = {
      period: (r) => r.period,
      site: (r) => r.site,
      measure: (r) => map.measure(r.measure),
      breakdown: (r) => r.breakdown,
      category: (r) => map.category(r.measure, r.category),
      value: (r) => r.value,
    };
    return {
      header: layout.columns.map(headerOf),
      rows: rows.map((r) => layout.columns.map((c) => cellOf[c.id](r))),
      figureColumns: layout.columns.map((c) => c.id === 'value'),
    };
  }
  // Wide: the key columns the layout names (period, site) in its order, then a column per figure
  // in the order the figures first appear, so the return's own order reads left to right.
  const keys = layout.columns.filter((c) => c.id === 'period' || c.id === 'site');
  // Without a site column, two sites' figures would land in one cell and one would be lost.
  if (!keys.some((c) => c.id === 'site') && new Set(rows.map((r) => r.site)).size > 1) {
    throw new DomainError('VALIDATION', `The layout “${layout.name}” has no site column, so it cannot hold several sites’ figures. Add the site column to it, or choose another layout.`);
  }
  const figureName = (r: SiteReturnRow) => [map.measure(r.measure), r.breakdown, map.category(r.measure, r.category)].join(layout.separator);
  const figures: string[] = [];
  const figureAt = new Map<string, number>();
  const lines = new Map<string, { key: string[]; values: Map<number, Published | null> }>();
  for (const r of rows) {
    const name = figureName(r);
    let at = figureAt.get(name);
    if (at === undefined) {
      at = figures.length;
      figures.push(name);
      figureAt.set(name, at);
    }
    const key = keys.map((c) => (c.id === 'period' ? r.period : r.site));
    const lineKey = JSON.stringify(key);
    let line = lines.get(lineKey);
    if (!line) lines.set(lineKey, (line = { key, values: new Map() }));
    line.values.set(at, r.value);
  }
  return {
    header: [...keys.map(headerOf), ...figures],
    rows: [...lines.values()].map((l) => [...l.key, ...figures.map((_, i) => l.values.get(i) ?? null)]),
    figureColumns: [...keys.map(() => false), ...figures.map(() => true)],
  };
}

/** A laid-out cell as CSV text: a hidden count stays "*", nothing to give is an empty cell. */
export const layoutCellText = (v: string | Published | null): string => (v === null ? '' : String(v));

/** A layout travels in the same small file as an export profile, with the monthly return as its dataset. */
export const layoutFileSchema = z.object({
  format: z.literal(PROFILE_FILE_FORMAT, { error: 'This is not an export profile file.' }),
  version: z.literal(PROFILE_FILE_VERSION, { error: 'This profile file was made by a newer version of the app.' }),
  profile: returnLayoutSchema,
});
