// Reads the text back out of a PDF the app wrote, independently of the library that wrote it:
// each content stream is inflated, and the strings of its text operators (TJ/Tj) decoded from
// Windows-1252 (the standard fonts' encoding). One string per line of text on the page, in
// drawing order, and one array per content stream (a page, or the page numbers added later).
import { inflateSync } from 'node:zlib';

const cp1252 = new TextDecoder('windows-1252');

function decodeString(token: string): string {
  if (token.startsWith('<')) return cp1252.decode(Buffer.from(token.slice(1, -1), 'hex'));
  // A literal string: (…) with backslash escapes.
  return token
    .slice(1, -1)
    .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e));
}

function textOf(content: string): string[] {
  const lines: string[] = [];
  for (const m of content.matchAll(/\[((?:<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)|[-\d.\s])*)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*Tj/g)) {
    const tokens = m[1] !== undefined ? (m[1].match(/<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)/g) ?? []) : [m[2]];
    lines.push(tokens.map(decodeString).join(''));
  }
  return lines;
}

/** The text of every content stream, in file order. */
export function pdfStreams(bytes: Buffer): string[][] {
  const latin = bytes.toString('latin1');
  const streams: string[][] = [];
  for (const m of latin.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*?)>>\s*stream\r?\n/g)) {
    const dict = m[1];
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? NaN);
    if (!Number.isFinite(length)) continue;
    const start = m.index! + m[0].length;
    const raw = bytes.subarray(start, start + length);
    let content: Buffer;
    try {
      content = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    } catch {
      continue;
    }
    const lines = textOf(content.toString('latin1'));
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
