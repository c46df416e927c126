// The profile editor's values and the profile they make. Headers are edited as plain text: an
// empty header, or one the same as the catalogue's, is left out so the catalogue's name is used
// (and a later rename in the catalogue reaches saved profiles).
import { columnById, type Dataset } from '../../../../core/domain/export/catalogue';
import type { ExportProfile, ExportProfileInput, FileType } from '../../../../core/domain/export/profile';
import { foldName } from '../../../../core/domain/nameFolding';

export interface ColumnValue {
  id: string;
  header: string;
}

export interface ProfileValues {
  id: string;
  name: string;
  dataset: Dataset;
  columns: ColumnValue[];
  dateFormat: 'iso' | 'dmy';
  codeStyle: 'code' | 'label' | 'both';
  delimiter: ',' | ';' | '\t';
  bom: boolean;
  lineEnding: 'crlf' | 'lf';
  fileType: FileType;
  identifiable: boolean;
}

export const EMPTY_PROFILE: ProfileValues = {
  id: '',
  name: '',
  dataset: 'referrals',
  columns: [],
  dateFormat: 'iso',
  codeStyle: 'code',
  delimiter: ',',
  bom: true,
  lineEnding: 'crlf',
  fileType: 'csv',
  identifiable: false,
};

export function valuesOf(p: ExportProfile): ProfileValues {
  return {
    ...p,
    columns: p.columns.map((c) => ({ id: c.id, header: c.header ?? columnById(p.dataset, c.id)?.header ?? c.id })),
  };
}

/** A copy of a profile (a built-in one, usually) to start a new one from. */
export function copyOf(p: ExportProfile, taken: string[]): ProfileValues {
  const name = `${p.name} (copy)`;
  return { ...valuesOf(p), name, id: idFromName(name, taken) };
}

export function toProfile(v: ProfileValues): ExportProfileInput {
  return {
    ...v,
    id: v.id.trim(),
    name: v.name.trim(),
    columns: v.columns.map((c) => {
      const header = c.header.trim();
      return header && header !== columnById(v.dataset, c.id)?.header ? { id: c.id, header } : { id: c.id };
    }),
  };
}

/** A profile id from its name: lower-case letters, digits, - and _, at most 40 ("Straße" → strasse, accents dropped). */
export function slug(name: string): string {
  return foldName(name)
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

/**
 * A new profile's id, made from its name so no one has to think of one: used in its files' names
 * and in the profile file a trust sends. Never one already taken; "profile" where the name has no
 * Latin letters or digits to make it from.
 */
export function idFromName(name: string, taken: string[]): string {
  return uniqueId(slug(name) || 'profile', taken);
}

export function uniqueId(id: string, taken: string[]): string {
  if (!taken.includes(id)) return id;
  for (let i = 2; ; i++) {
    const next = `${id.slice(0, 37)}_${i}`;
    if (!taken.includes(next)) return next;
  }
}
