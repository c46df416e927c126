// A record's fields, declared once. Each field says how it is entered (its zod rule, for the
// fields a form edits) and how a person reads it in their subject access copy. From a
// declaration come the create and update schemas, the read model's types (PersonRecord and the
// records inside it), the columns the queries read back, and the copy's lines, so a field added
// to a declaration reaches all of them, and a query or a copy cannot quietly leave it out.
//
// Updates are patches: an update schema (`patchSchema`) takes only the fields sent, and a field
// left out is never written (db/queries write only the keys present), so a form that does not
// know a field cannot overwrite it.
import { z } from 'zod';
import { LIST_DEFINITIONS, labeller, type ListKey } from './programmeLists';

/** How a value is shown: dates DD/MM/YYYY in the PDF and ISO in the CSV; long text full width. */
export type FieldKind = 'text' | 'long' | 'date' | 'month' | 'timestamp';

export interface CopyField {
  label: string;
  /** Null: nothing recorded. Dates and timestamps are ISO here. */
  value: string | null;
  kind: FieldKind;
}

/** What the copy knows beyond the record itself. */
export interface CopyContext {
  /** "Episode 2" for an episode of this person's, numbered oldest first; null for none. */
  episodeName: (episodeId: number | null) => string | null;
  /** The person's HIV diagnosis month: without it, whether they were newly diagnosed is not known. */
  diagnosisMonth: string | null;
  /** A programme list's label for a code, as the caseload's lists hold it now; the seed's without it. */
  listLabel?: (list: ListKey, code: string) => string;
}

/**
 * How one field reads in the copy: a line, several (a questionnaire's answers), or none. `record`
 * is the whole read-model record, for a field shown with another's help (the site's name).
 */
export type Shown<V, R = unknown> = (value: V, record: R, ctx: CopyContext) => CopyField | CopyField[];

/**
 * A field of a record. `input`: its rule where a form enters it, or null where the app sets it
 * (a status, who recorded it). `shown`: its lines in the subject access copy, or null where the
 * record is never copied (a group event's own details).
 */
export interface Field<S extends z.ZodType | null, V> {
  readonly input: S;
  readonly shown: Shown<V, never> | null;
}

type AnyField = Field<z.ZodType | null, never>;
export type Fields = Record<string, AnyField>;

/**
 * A value as it is read back from the database: a code is text (a code set may lose a code that
 * older rows still hold), a list of codes is a list of text.
 */
export type Stored<T> = T extends string ? string : T extends readonly (infer U)[] ? Stored<U>[] : T;

/** A field a form enters, with its words in the copy. */
export function input<S extends z.ZodType, R = unknown>(schema: S, shown?: Shown<Stored<z.output<S>>, R>): Field<S, Stored<z.output<S>>> {
  return { input: schema, shown: (shown as Shown<Stored<z.output<S>>, never> | undefined) ?? null };
}

/** A field the app sets (a status, a stamp, who recorded it), with its words in the copy. */
export function fixed<V, R = unknown>(shown: Shown<V, R>): Field<null, V> {
  return { input: null, shown: shown as Shown<V, never> };
}

// --- Types worked out from a declaration ---------------------------------------------------------

type ValueOf<F> = F extends Field<z.ZodType | null, infer V> ? V : never;

/** The record as the read model holds it: every declared field, as stored. */
export type RecordOf<D extends Fields> = { [K in keyof D]: ValueOf<D[K]> };

/** The fields a form enters. */
export type EditableKey<D extends Fields> = { [K in keyof D]: D[K]['input'] extends z.ZodType ? K : never }[keyof D];

/** The zod shape of the fields a form enters, for `z.object`. */
export type InputShape<D extends Fields> = { [K in EditableKey<D>]: Extract<D[K]['input'], z.ZodType> };

/** The entered fields as stored: what an update may change. */
export type Editable<D extends Fields> = Pick<RecordOf<D>, EditableKey<D>>;

// --- Shapes and schemas ----------------------------------------------------------------------------

export function editableKeys<D extends Fields>(fields: D): EditableKey<D>[] {
  return Object.keys(fields).filter((k) => fields[k].input !== null) as EditableKey<D>[];
}

/** The declared keys, less those the read model works out rather than reads (member names). */
export function storedKeys<D extends Fields, X extends keyof D = never>(fields: D, worked: readonly X[] = []): Exclude<keyof D & string, X>[] {
  return Object.keys(fields).filter((k) => !(worked as readonly string[]).includes(k)) as Exclude<keyof D & string, X>[];
}

/** The zod shape of the entered fields, in declaration order. */
export function inputShape<D extends Fields>(fields: D): InputShape<D> {
  return Object.fromEntries(editableKeys(fields).map((k) => [k, fields[k].input])) as InputShape<D>;
}

/** Some of a declaration's fields (an update that may change only these). */
export function someFields<D extends Fields, K extends keyof D>(fields: D, keys: readonly K[]): Pick<D, K> {
  return Object.fromEntries(keys.map((k) => [k, fields[k]])) as Pick<D, K>;
}

/**
 * A field as a patch takes it: optional, and never filled in when left out. Zod applies a
 * default even inside `.optional()`, so the default (always the outermost wrapper, as
 * `x.optional().default(v)`) is taken off first; tests/unit/recordFields.test.ts checks every
 * patch schema leaves out what was not sent.
 */
function patchField(schema: z.ZodType): z.ZodType {
  return (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema).optional();
}

type PatchShape<D extends Fields> = { [K in EditableKey<D>]: z.ZodOptional<InputShape<D>[K]> };

/**
 * An update: the record's key (`{ id }`) and any of its entered fields. `whole` is the record's
 * own cross-field rule (a consent needs its phone number): checked here when every field came
 * (a form that sends them all hears at once), and by the query on the stored record with the
 * patch applied (`problemsIn`).
 */
export function patchSchema<D extends Fields, K extends z.ZodRawShape>(fields: D, key: K, whole?: (value: Editable<D>, ctx: z.RefinementCtx) => unknown) {
  const shape = Object.fromEntries(editableKeys(fields).map((k) => [k, patchField(fields[k].input as z.ZodType)])) as PatchShape<D>;
  const schema = z.object({ ...key, ...shape });
  if (!whole) return schema;
  const keys = editableKeys(fields) as string[];
  return schema.superRefine((value, ctx) => {
    const sent = value as Record<string, unknown>;
    if (keys.every((k) => sent[k] !== undefined)) whole(value as unknown as Editable<D>, ctx);
  });
}

/** What a patch sets: the keys sent, without those left out. */
export function sentFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A record's cross-field rule run on a whole record: field → message, or null when it passes. */
export function problemsIn<T>(whole: T, rule: (value: T, ctx: z.RefinementCtx) => unknown): Record<string, string> | null {
  const checked = z.custom<T>().superRefine((v, ctx) => void rule(v, ctx)).safeParse(whole);
  if (checked.success) return null;
  const fields: Record<string, string> = {};
  for (const issue of checked.error.issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return fields;
}

/** The named keys of a row or a table, as an object of their own. */
export function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}

// --- The copy ------------------------------------------------------------------------------------

/** A record's lines in the copy, in declaration order. */
export function copyFields<D extends Fields>(fields: D, record: RecordOf<D>, ctx: CopyContext): CopyField[] {
  return Object.keys(fields).flatMap((k) => {
    const shown = fields[k].shown;
    return shown ? [shown(record[k] as never, record as never, ctx)].flat() : [];
  });
}

type Words = string | number | null | undefined;
const words = (v: Words): string | null => (v === null || v === undefined || v === '' ? null : String(v));

function text(label: string): Shown<Words>;
function text<V, R = unknown>(label: string, format: (value: V, record: R, ctx: CopyContext) => Words): Shown<V, R>;
function text<V, R>(label: string, format?: (value: V, record: R, ctx: CopyContext) => Words): Shown<V, R> {
  return (v, r, ctx) => ({ label, value: words(format ? format(v, r, ctx) : (v as Words)), kind: 'text' });
}

/** The words of the copy's lines, by kind of value. */
export const show = {
  text,
  /** Notes and descriptions: full width in the PDF. */
  long: (label: string): Shown<string | null> => (v) => ({ label, value: v || null, kind: 'long' }),
  date: (label: string): Shown<string | null> => (v) => ({ label, value: v || null, kind: 'date' }),
  month: (label: string): Shown<string | null> => (v) => ({ label, value: v, kind: 'month' }),
  stamp: (label: string): Shown<string | null> => (v) => ({ label, value: v || null, kind: 'timestamp' }),
  yesNo:
    (label: string, unknown = 'Not known'): Shown<boolean | null> =>
    (v) => ({ label, value: v === true ? 'Yes' : v === false ? 'No' : unknown, kind: 'text' }),
  /** A code as its label. */
  code: (label: string, codes: { label: (code: string | null) => string }): Shown<string | null> => text(label, (v: string | null) => codes.label(v)),
  /** A code of one of the programme's own lists (core/domain/programmeLists.ts), as the caseload labels it. */
  listCode:
    (label: string, list: ListKey): Shown<string | null> =>
    (v, _r, ctx) => ({ label, value: v ? (ctx.listLabel ?? seedLabel)(list, v) : null, kind: 'text' }),
  /** A list of codes as their labels, comma-separated. */
  codes: (label: string, codes: { label: (code: string) => string }): Shown<string[]> => text(label, (v: string[]) => v.map((c) => codes.label(c)).join(', ')),
};

const seedLabels = Object.fromEntries(Object.entries(LIST_DEFINITIONS).map(([k, d]) => [k, labeller([], d.seed)]));
function seedLabel(list: ListKey, code: string): string {
  return seedLabels[list](code);
}
