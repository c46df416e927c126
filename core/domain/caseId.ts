// Pseudonymous case IDs: random, never derived from the NHS Number or any other identifier,
// so an ID on a spreadsheet cannot be worked back to a person.
// Crockford base32 without I, L, O, U: easy to read aloud and to type.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const CASE_ID_PATTERN = /^PS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function newCaseId(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(8);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]);
  return `PS-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}
