// How names are matched: the caseload search and the likely-duplicate check compare a folded form,
// so "zoe", "ZOË", "Zoë" typed with a combining diaeresis, and "Zoë" from another keyboard all
// meet. Names themselves are stored as typed, in NFC (see personDetailsFields in person.ts); the
// folded form is only ever compared, never shown.
//
// Pure and locale-independent: the same string folds the same way on every machine (String's
// toLowerCase, not toLocaleLowerCase, so a Turkish locale cannot turn "I" into "ı"). The database
// keeps each person's folded name in people.name_folded; changing what this function does needs a
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
