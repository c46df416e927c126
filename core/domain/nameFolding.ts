// How names are matched: the caseload search and the likely-duplicate check compare a folded form,
// so "zoe", "ZOË", "Zoë" typed with a combining diaeresis, and "Zoë" from another keyboard all
// meet. Names themselves are stored as typed, in NFC (see personDetailsFields in person.ts); the
// folded form is only ever compared, never shown.
//
// Pure and locale-independent: the same string folds the same way on every machine (String's
// toLowerCase, not toLocaleLowerCase, so a Turkish locale cannot turn "I" into "ı"). The database
// keeps each person's folded names in people.name_folded (nameKey, below); changing what this function does needs a
// migration that refolds the stored names (db/migrate.ts registers it as the SQL function
// fold_name for that).

/** Letters that do not decompose under NFKD, as the nearest plain Latin letters (after lower-casing). */
const LETTERS: Record<string, string> = {
  đ: 'd', // Vietnamese, Croatian, Serbian Latin (Đặng)
  ð: 'd', // Icelandic, Faroese eth
  ø: 'o', // Danish, Norwegian
  ł: 'l', // Polish
  ß: 'ss', // German
  æ: 'ae', // Danish, Norwegian, Icelandic
  œ: 'oe', // French
  þ: 'th', // Icelandic thorn
  ı: 'i', // Turkish dotless i (İ decomposes to I + a dot, which is stripped)
  ħ: 'h', // Maltese
  ŧ: 't', // Northern Sámi
  ŋ: 'ng', // Northern Sámi
};
const LETTER_PATTERN = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/** Apostrophes people and word processors type: right and left quotes, modifier letters, primes, grave and acute. */
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u02BC\u02BB\u02B9\u2032\u0060\u00B4\uFF07]/g;
/** Hyphens and dashes: hyphen, non-breaking hyphen, figure dash, en and em dashes, minus, small and full-width hyphen-minus. */
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D]/g;
const COMBINING_MARKS = /\p{M}/gu;

/** The form of a name used for matching: no accents, lower case, plain apostrophes and hyphens, single spaces. */
export function foldName(name: string): string {
  return name
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(LETTER_PATTERN, (c) => LETTERS[c])
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The names a person goes by: the preferred name always, the given and family names when recorded. */
export interface PersonNames {
  preferredName: string;
  givenName?: string | null;
  familyName?: string | null;
}

/**
 * Every name a person goes by, folded, the preferred name first: the preferred name, the given
 * and family names together, and the preferred name with the family name ("Sam Smith" for a Sam
 * whose family name is Smith, unless the preferred name already holds it), each once. The duplicate check matches a new person on any of
 * these; search finds a part of any of them.
 */
export function foldedNames(n: PersonNames): string[] {
  const preferred = foldName(n.preferredName);
  const given = foldName(n.givenName ?? '');
  const family = foldName(n.familyName ?? '');
  const names = [preferred, `${given} ${family}`.trim(), family && !preferred.includes(family) ? `${preferred} ${family}` : ''];
  return [...new Set(names.filter((name) => name !== ''))];
}

/**
 * What people.name_folded holds: foldedNames one to a line. A folded query never holds a line
 * break (foldName makes every space one plain space), so a search's substring falls inside one
 * name. The preferred name leads, and a line break sorts before every character a name holds, so
 * ordering by this column orders by preferred name, whatever the case and accents ("Ábel" with
 * "abel", "Abel" before "Abel Smith").
 */
export function nameKey(n: PersonNames): string {
  return foldedNames(n).join('\n');
}

/** Two people's names in caseload order (folded, so case and accents do not count), for lists sorted on screen. */
export function compareNames(a: string, b: string): number {
  const fa = foldName(a);
  const fb = foldName(b);
  return fa < fb ? -1 : fa > fb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
