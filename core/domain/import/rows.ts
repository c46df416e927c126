// One spreadsheet row as a new person with their referral: each mapped cell read for its field,
// then the same rules the "Add a person" form uses (newPersonSchema), so an imported record is
// held to the same standard as a typed one. Problems are said per row, by field, in the
// coordinator's words.
import { z } from 'zod';
import { newPersonSchema, type NewPerson, type NewPersonInput } from '../person';
import { nhsNumberProblem } from '../nhsNumber';
import { fieldById, IMPORT_FIELD_IDS, IMPORT_FIELDS, type ImportFieldId, type ImportKind } from './fields';
import { cellText, foldValue, readDate, readMonth, readText, recogniseCode, type Cell } from './values';

/** Which field each column is (null: not imported), and what the file's own words for codes mean. */
export const importMappingSchema = z
  .object({
    columns: z.array(z.enum(IMPORT_FIELD_IDS).nullable()).max(500),
    /** By field: a value as folded (foldValue) → the code it stands for. */
    values: z.partialRecord(z.enum(IMPORT_FIELD_IDS), z.record(z.string().max(200), z.string().max(40))).default({}),
  })
  .strict();
export type ImportMapping = z.output<typeof importMappingSchema>;

export interface RowProblem {
  /** The row's number as the spreadsheet shows it. */
  row: number;
  /** The field's label, or null for the row as a whole. */
  field: string | null;
  message: string;
}

/** What is wrong with a mapping before any row is read: nothing can be imported until it is put right. */
export function mappingProblems(columns: readonly (ImportFieldId | null)[]): string[] {
  const problems: string[] = [];
  const mapped = columns.filter((c): c is ImportFieldId => c !== null);
  for (const id of new Set(mapped)) {
    if (mapped.filter((c) => c === id).length > 1) problems.push(`Two columns are set to “${fieldById(id).label}”: choose one.`);
  }
  if (!mapped.some((c) => c === 'preferredName' || c === 'givenName' || c === 'familyName')) problems.push('Choose the column that holds the name.');
  if (!mapped.includes('dateOfBirth')) problems.push('Choose the column that holds the date of birth.');
  if (!mapped.includes('referralReceivedOn')) problems.push('Choose the column that holds the date the referral was received.');
  return problems;
}

export type RowReading = { ok: true; person: NewPerson } | { ok: false; problems: RowProblem[] };

const LABELS: Record<string, string> = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.id, f.label]));

export function readRow(line: number, cells: readonly Cell[], mapping: ImportMapping, kind: ImportKind, today: string): RowReading {
  const problems: RowProblem[] = [];
  const say = (field: ImportFieldId | null, message: string) => problems.push({ row: line, field: field ? LABELS[field] : null, message });
  const raw: Partial<Record<ImportFieldId, string>> = {};
  mapping.columns.forEach((id, column) => {
    if (!id) return;
    const cell = cells[column] ?? null;
    const field = fieldById(id);
    if (cellText(typeof cell === 'number' ? String(cell) : cell) === null) return;
    switch (field.type) {
      case 'date': {
        const d = readDate(cell, today);
        if (d.ok) raw[id] = d.value;
        else say(id, d.problem);
        return;
      }
      case 'month': {
        const m = readMonth(cell, today);
        if (m.ok) raw[id] = m.value;
        else say(id, m.problem);
        return;
      }
      case 'code': {
        const text = readText(cell)!;
        const code = mapping.values[id]?.[foldValue(text)] ?? recogniseCode(field, text);
        if (code && field.codes!.some((c) => c.code === code)) raw[id] = code;
        else say(id, `“${text}” is not one of the options: say what it means under “Values”.`);
        return;
      }
      case 'nhs': {
        const text = readText(cell)!;
        const problem = nhsNumberProblem(text);
        if (problem) say(id, problem);
        else raw[id] = text.replace(/[\s-]/g, '');
        return;
      }
      default:
        raw[id] = readText(cell)!;
    }
  });
  const preferredName = raw.preferredName ?? [raw.givenName, raw.familyName].filter(Boolean).join(' ');
  if (!preferredName && !problems.some((p) => p.field === LABELS.preferredName)) say('preferredName', 'There is no name.');
  if (!raw.dateOfBirth && !problems.some((p) => p.field === LABELS.dateOfBirth)) say('dateOfBirth', 'There is no date of birth.');
  if (!raw.referralReceivedOn && !problems.some((p) => p.field === LABELS.referralReceivedOn)) say('referralReceivedOn', 'There is no referral date.');
  if (problems.length > 0) return { ok: false, problems };

  // The opt-out list is the clinic's: every row is an opt-out referral, new diagnosis unless it says re-engaging.
  const optOut = kind === 'opt_out';
  const pathway = raw.pathway ?? (optOut ? 'opt_out_new_diagnosis' : 'other');
  const input: NewPersonInput = {
    preferredName,
    givenName: raw.givenName ?? null,
    familyName: raw.familyName ?? null,
    nhsNumber: raw.nhsNumber ?? null,
    hospitalNumber: raw.hospitalNumber ?? null,
    dateOfBirth: raw.dateOfBirth!,
    genderIdentity: (raw.genderIdentity ?? null) as NewPersonInput['genderIdentity'],
    sexualOrientation: (raw.sexualOrientation ?? null) as NewPersonInput['sexualOrientation'],
    ethnicCategory: (raw.ethnicCategory ?? null) as NewPersonInput['ethnicCategory'],
    borough: (raw.borough ?? null) as NewPersonInput['borough'],
    firstLanguage: raw.firstLanguage ?? null,
    phone: raw.phone ?? null,
    email: raw.email ?? null,
    diagnosisMonth: raw.diagnosisMonth ?? null,
    referralReceivedOn: raw.referralReceivedOn!,
    referralSource: (optOut ? 'opt_out_clinic' : (raw.referralSource ?? 'other')) as NewPersonInput['referralSource'],
    pathway: pathway as NewPersonInput['pathway'],
    referrerOrganisation: raw.referrerOrganisation ?? null,
    reEngaging: pathway === 'opt_out_reengagement',
  };
  const parsed = newPersonSchema.safeParse(input);
  if (parsed.success) return { ok: true, person: parsed.data };
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    say((IMPORT_FIELD_IDS as readonly string[]).includes(key) ? (key as ImportFieldId) : null, issue.message);
  }
  return { ok: false, problems };
}

/** The values seen in a code column, how often, and what each is read as (null: not understood yet). */
export interface SeenValues {
  field: ImportFieldId;
  label: string;
  seen: { value: string; folded: string; count: number; code: string | null }[];
}

export function seenValues(rows: readonly { cells: readonly Cell[] }[], mapping: ImportMapping, limit = 200): SeenValues[] {
  const out: SeenValues[] = [];
  mapping.columns.forEach((id, column) => {
    if (!id) return;
    const field = fieldById(id);
    if (field.type !== 'code') return;
    const counts = new Map<string, { value: string; count: number }>();
    for (const r of rows) {
      const text = readText(r.cells[column] ?? null);
      if (text === null) continue;
      const folded = foldValue(text);
      const seen = counts.get(folded);
      if (seen) seen.count++;
      else if (counts.size < limit) counts.set(folded, { value: text, count: 1 });
    }
    out.push({
      field: id,
      label: field.label,
      seen: [...counts.entries()].map(([folded, s]) => ({ ...s, folded, code: mapping.values[id]?.[folded] ?? recogniseCode(field, s.value) })),
    });
  });
  return out;
}
