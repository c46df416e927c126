// The PDF's standard fonts (Helvetica, shipped inside every PDF reader) can draw only the
// Windows-1252 characters. Anything else is written as garbage by the PDF library, so text is
// brought into that set first: accents outside it are dropped (ễ → e), a few letters have a
// plain look-alike (Ł → L), and what is left becomes "?". The CSV copy keeps the exact text.

/** The characters Windows-1252 puts at 0x80–0x9F, beside ASCII and Latin-1. */
const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

const LOOK_ALIKE: Record<string, string> = {
  Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŧ: 'T', ŧ: 't',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2212': '-', '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u202f': ' ',
  '\u2032': "'", '\u2033': '"',
};

export function isWinAnsi(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return ch === '\n' || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.includes(ch);
}

/** The text as the standard fonts can draw it, and whether anything had to change. */
export function toWinAnsi(input: string): { text: string; changed: boolean } {
  let changed = false;
  let out = '';
  // Composed first (e + combining acute is é, which the fonts have); line ends become \n and
  // tabs spaces: neither is a character the fonts draw.
  for (const ch of input.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (isWinAnsi(ch)) {
      out += ch;
      continue;
    }
    changed = true;
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (LOOK_ALIKE[ch] !== undefined) out += LOOK_ALIKE[ch];
    else if (base && [...base].every(isWinAnsi)) out += base;
    // Marks left without a letter, and control characters, are dropped rather than shown as "?".
    else if (!/[\p{M}\p{C}]/u.test(ch)) out += '?';
  }
  return { text: out, changed };
}
