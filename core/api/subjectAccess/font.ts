// The typeface of the subject access PDF: DejaVu Sans, regular and bold, from the npm package
// dejavu-fonts-ttf (installed with the app; nothing is downloaded). A copy of someone's record must
// show their name and notes exactly, and the PDF standard fonts draw only Western European
// letters; DejaVu Sans draws Latin with every European and Vietnamese letter, Greek, Cyrillic,
// Armenian, Georgian, Hebrew and Arabic. It has no Ethiopic, Indic, Thai or CJK characters.
// pdfkit embeds only the glyphs a document uses, so the PDF grows by tens of kilobytes, not by
// the size of the font files.
//
// Licence: the DejaVu fonts licence (node_modules/dejavu-fonts-ttf/LICENSE): Bitstream Vera and
// Arev licences, DejaVu's own changes in the public domain. Free to use, embed and redistribute,
// also inside a larger software package (the fonts may not be sold on their own).
//
// The files are found through Node's module resolution, from this module: in the source tree
// that is node_modules/, in the packaged app the node_modules inside app.asar (the main bundle
// keeps dependencies external, electron.vite.config.ts), which Electron's fs reads like a folder.
import { createRequire } from 'node:module';
import { openSync, type Font } from 'fontkit';

const require = createRequire(import.meta.url);

export interface Typeface {
  regular: string;
  bold: string;
  /** Whether both faces have a glyph for the character: text is drawn in either. */
  canDraw: (ch: string) => boolean;
}

let typeface: Typeface | undefined;

/** The faces' file paths and what they can draw; read on first use, then kept. */
export function pdfTypeface(): Typeface {
  if (typeface) return typeface;
  const regular = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
  const bold = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
  const faces = [regular, bold].map((path) => openSync(path) as Font);
  const known = new Map<number, boolean>();
  const canDraw = (ch: string) => {
    const code = ch.codePointAt(0)!;
    let yes = known.get(code);
    if (yes === undefined) known.set(code, (yes = faces.every((f) => f.hasGlyphForCodePoint(code))));
    return yes;
  };
  typeface = { regular, bold, canDraw };
  return typeface;
}
