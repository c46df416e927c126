// Text brought to what a font can draw. A PDF font draws a character it lacks as an empty box
// (or nothing), which would silently hide part of a name or note, so such a character is changed
// in a way the reader can see: an accented letter the font lacks keeps its plain letter where the
// font has that (ǹ → n), anything else becomes "?", and the caller is told so that the document
// can say where the exact text is. The font is given as a test of one character, so this stays
// pure and works for any font.

/** The text as a font that draws `canDraw` characters can show it, and whether anything changed. */
export function drawableText(input: string, canDraw: (ch: string) => boolean): { text: string; changed: boolean } {
  let changed = false;
  let out = '';
  // Composed first (e + combining acute is é, which fonts have as one glyph); line ends become
  // \n and tabs spaces: neither is a character a font draws, the PDF library lays them out.
  for (const ch of input.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (ch === '\n' || (!/\p{Cc}/u.test(ch) && canDraw(ch))) {
      out += ch;
      continue;
    }
    changed = true;
    // Marks left without a letter, and control characters, are dropped rather than shown as "?".
    if (/[\p{M}\p{C}]/u.test(ch)) continue;
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += base && base !== ch && [...base].every(canDraw) ? base : '?';
  }
  return { text: out, changed };
}

/**
 * Whether the text has right-to-left letters (Arabic, Hebrew), which a layout without the Unicode
 * bidirectional algorithm (pdfkit's) cannot be trusted to order as typed.
 */
export function hasRightToLeft(text: string): boolean {
  return /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(text);
}
