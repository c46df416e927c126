// Reads the text back out of a PDF the app wrote, independently of the library that wrote it:
// the file's objects are walked, each page's content stream inflated, and the strings of its
// text operators (TJ/Tj) decoded through the current font (Tf). An embedded Unicode font draws
// glyph numbers, so its ToUnicode CMap (the table a PDF reader uses to copy or search text) turns
// them back into characters; a font without one is read as Windows-1252 (the standard fonts).
// One string per text block (BT … ET: pdfkit draws a line of text in one), in drawing order, and
// one array per content stream (one a page), in file order.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

const cp1252 = new TextDecoder('windows-1252');

function objects(bytes: Buffer): Map<number, PdfObject> {
  const latin = bytes.toString('latin1');
  const found = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let m = header.exec(latin); m !== null; m = header.exec(latin)) {
    const start = m.index + m[0].length;
    const end = latin.indexOf('endobj', start);
    if (end < 0) break;
    const body = latin.slice(start, end);
    const streamAt = /stream\r?\n/.exec(body);
    if (!streamAt) {
      found.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt.index);
    const length = Number(/\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict)?.[1] ?? NaN);
    if (!Number.isFinite(length)) continue;
    const dataStart = start + streamAt.index + streamAt[0].length;
    const raw = bytes.subarray(dataStart, dataStart + length);
    let stream: Buffer | undefined;
    try {
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    } catch {
      stream = undefined;
    }
    found.set(Number(m[1]), { dict, stream });
    // Past the stream's data, which may hold anything, "0 obj" included.
    header.lastIndex = dataStart + length;
  }
  return found;
}

const utf16be = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');

/** A ToUnicode CMap: code (as hex digits) → text. Handles bfchar and both forms of bfrange. */
function parseCMap(text: string): { codeLength: number; map: Map<number, string> } {
  const map = new Map<number, string>();
  let codeLength = 2;
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  if (space) codeLength = space[1].length / 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) map.set(parseInt(src, 16), utf16be(dst));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F\s]*>|\[[^\]]*\])/g)) {
      const from = parseInt(lo, 16);
      const to = parseInt(hi, 16);
      if (dst.startsWith('[')) {
        const each = [...dst.matchAll(/<([0-9a-fA-F\s]*)>/g)].map((d) => utf16be(d[1]));
        for (let c = from; c <= to; c++) map.set(c, each[c - from] ?? '');
      } else {
        // One destination: each following code is the next character.
        const first = Buffer.from(dst.slice(1, -1).replace(/\s+/g, ''), 'hex');
        for (let c = from; c <= to; c++) {
          const units = Buffer.from(first);
          units.writeUInt16BE(units.readUInt16BE(units.length - 2) + (c - from), units.length - 2);
          map.set(c, units.swap16().toString('utf16le'));
        }
      }
    }
  }
  return { codeLength, map };
}

type Decoder = (bytes: Buffer) => string;

const windows1252: Decoder = (bytes) => cp1252.decode(bytes);

function cmapDecoder(cmap: ReturnType<typeof parseCMap>): Decoder {
  return (bytes) => {
    let out = '';
    for (let i = 0; i + cmap.codeLength <= bytes.length; i += cmap.codeLength) {
      // A code the CMap lacks is shown as U+FFFD, so a test looking for exact text fails.
      out += cmap.map.get(bytes.readUIntBE(i, cmap.codeLength)) ?? '\ufffd';
    }
    return out;
  };
}

/** Font resource name (F1, …) → how its strings decode, from every page's /Font dictionary. */
function fontDecoders(objs: Map<number, PdfObject>): Map<string, Decoder> {
  const decoders = new Map<string, Decoder>();
  for (const { dict } of objs.values()) {
    const fonts = /\/Font\s*<<([^>]*)>>/.exec(dict);
    if (!fonts) continue;
    for (const [, name, ref] of fonts[1].matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+0\s+R/g)) {
      if (decoders.has(name)) continue;
      const toUnicode = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(objs.get(Number(ref))?.dict ?? '');
      const cmap = toUnicode && objs.get(Number(toUnicode[1]))?.stream;
      decoders.set(name, cmap ? cmapDecoder(parseCMap(cmap.toString('latin1'))) : windows1252);
    }
  }
  return decoders;
}

/** The bytes of a string operand: <hex> or (literal). */
function stringBytes(token: string): Buffer {
  if (token.startsWith('<')) return Buffer.from(token.slice(1, -1).replace(/\s+/g, ''), 'hex');
  // A literal string: (…) with backslash escapes.
  const text = token
    .slice(1, -1)
    .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e));
  return Buffer.from(text, 'latin1');
}

/** Content stream tokens: strings, array brackets, names, numbers and operators. */
const TOKEN = /\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>|<<|>>|[[\]]|\/[^\s/<>[\]()]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+/g;

function textOf(content: string, decoders: Map<string, Decoder>): string[] {
  const lines: string[] = [];
  let decode: Decoder = windows1252;
  let line: string | null = null;
  let operands: string[] = [];
  let array: string[] | null = null;
  const shown = (strings: string[]) =>
    strings
      .filter((t) => /^[(<]/.test(t))
      .map((t) => decode(stringBytes(t)))
      .join('');
  for (const [token] of content.matchAll(TOKEN)) {
    if (token === '[') array = [];
    else if (token === ']') {
      operands.push(JSON.stringify(array ?? []));
      array = null;
    } else if (array) array.push(token);
    else if (/^[A-Za-z'"*]/.test(token)) {
      if (token === 'BT') line = null;
      else if (token === 'ET' && line !== null) {
        lines.push(line);
        line = null;
      } else if (token === 'Tf') decode = decoders.get(operands.at(-2)?.slice(1) ?? '') ?? windows1252;
      else if (token === 'Tj' || token === "'" || token === '"') line = (line ?? '') + shown(operands.slice(-1));
      else if (token === 'TJ') line = (line ?? '') + shown(JSON.parse(operands.at(-1) ?? '[]') as string[]);
      operands = [];
    } else operands.push(token);
  }
  return lines;
}

/** The text of every page's content stream, in file order. */
export function pdfStreams(bytes: Buffer): string[][] {
  const objs = objects(bytes);
  const decoders = fontDecoders(objs);
  const contents = new Set<number>();
  for (const { dict } of objs.values()) {
    if (!/\/Type\s*\/Page\b/.test(dict)) continue;
    for (const [, ref] of (/\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(dict)?.[1] ?? '').matchAll(/(\d+)\s+0\s+R/g)) contents.add(Number(ref));
  }
  const streams: string[][] = [];
  for (const [n, obj] of objs) {
    if (!contents.has(n) || !obj.stream) continue;
    const lines = textOf(obj.stream.toString('latin1'), decoders);
    if (lines.length > 0) streams.push(lines);
  }
  return streams;
}

/** All the text, one line per line drawn. */
export function pdfText(bytes: Buffer): string {
  return pdfStreams(bytes)
    .map((s) => s.join('\n'))
    .join('\n');
}

/** The document information (Title, Author, …) as text, following indirect references. */
export function pdfInfo(bytes: Buffer): Record<string, string> {
  const objs = objects(bytes);
  const trailer = bytes.toString('latin1').lastIndexOf('trailer');
  const infoRef = /\/Info\s+(\d+)\s+0\s+R/.exec(bytes.toString('latin1').slice(trailer));
  const dict = infoRef ? (objs.get(Number(infoRef[1]))?.dict ?? '') : '';
  const info: Record<string, string> = {};
  for (const [, key, value] of dict.matchAll(/\/(\w+)\s+(\d+\s+0\s+R|\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>)/g)) {
    const token = /^\d/.test(value) ? (objs.get(Number(value.split(/\s/)[0]))?.dict.trim() ?? '') : value;
    const raw = stringBytes(token);
    // A text string is UTF-16BE after a byte order mark, or else PDFDocEncoding (Latin-1 here).
    info[key] = raw[0] === 0xfe && raw[1] === 0xff ? Buffer.from(raw.subarray(2)).swap16().toString('utf16le') : raw.toString('latin1');
  }
  return info;
}
