// Counts in words, with the noun singular or plural as English needs: "1 contact, 1 person",
// "2 contacts, 3 people", never "1 contacts, 1 people". One helper on Intl.PluralRules (en-GB),
// used by every screen and every generated sentence (the CSV's and PDF's headers excepted: they
// are fixed column names). Counts show with thousands separators, as everywhere in the app.
//
// A count hidden by small-number suppression ("*") takes the plural: "* people".

const rules = new Intl.PluralRules('en-GB');

/** The noun for this count: `one` for 1, `other` for everything else (0, 2, 1.5, "*"). */
export function pluralWord(count: number | '*', one: string, other = `${one}s`): string {
  return count !== '*' && rules.select(count) === 'one' ? one : other;
}

/** The count and its noun: "1 contact", "1,250 people", "* people". */
export function countOf(count: number | '*', one: string, other = `${one}s`): string {
  return `${count === '*' ? '*' : count.toLocaleString('en-GB')} ${pluralWord(count, one, other)}`;
}
