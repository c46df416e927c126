// Reading a workbook back the way a clinic's LibreOffice opens it: `soffice --headless` converts it
// to flat OpenDocument XML (.fods), which states each cell's type as LibreOffice understood it
// (string, float, date, and any formula), its value and the text it shows. Debian's
// libreoffice-calc-nogui, installed by `source scripts/setup.sh --with-browser`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface OfficeCell {
  /** office:value-type: string, float, date, percentage, boolean…; '' for an empty cell. */
  type: string;
  /** The value as stored: office:value for numbers, office:date-value for dates, else the text. */
  value: string;
  /** What the cell shows. */
  text: string;
  /** table:formula, if LibreOffice took the cell for a formula. */
  formula?: string;
}

const MISSING =
  'LibreOffice (soffice) is not installed, so the workbook cannot be read back as a clinic would open it. ' +
  'Install it with `source scripts/setup.sh --with-browser` (Debian package libreoffice-calc-nogui).';

/** soffice's path; throws, saying how to install it, where it is missing (the test fails, never passes quietly). */
export function soffice(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const path = join(dir, 'soffice');
    if (dir && existsSync(path)) return path;
  }
  throw new Error(MISSING);
}

/** Each workbook's first sheet as rows of cells, trailing empty cells and rows left out. */
export function readWithLibreOffice(files: string[], workDir: string): Map<string, OfficeCell[][]> {
  const outDir = join(workDir, 'libreoffice-out');
  // Its own profile folder: no clash with another soffice running on the machine, nothing left in $HOME.
  const profile = pathToFileURL(join(workDir, 'libreoffice-profile')).href;
  execFileSync(soffice(), [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'fods', '--outdir', outDir, ...files], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  return new Map(files.map((file) => [file, parseFods(readFileSync(join(outDir, basename(file).replace(/\.xlsx$/, '.fods')), 'utf8'))]));
}

const attributes = (text: string) => Object.fromEntries([...text.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], decode(m[2])]));

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

/** A cell's shown text: its paragraphs, with LibreOffice's run-length spaces and tabs put back. */
function shownText(inner: string): string {
  return [...inner.matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>/g)]
    .map((p) =>
      decode(
        p[1]
          .replace(/<text:s text:c="(\d+)"\/>/g, (_, n: string) => ' '.repeat(Number(n)))
          .replace(/<text:s\/>/g, ' ')
          .replace(/<text:tab\/>/g, '\t')
          .replace(/<[^>]+>/g, ''),
      ),
    )
    .join('\n');
}

export function parseFods(xml: string): OfficeCell[][] {
  const sheet = /<table:table [\s\S]*?<\/table:table>/.exec(xml)?.[0] ?? '';
  const rows: OfficeCell[][] = [];
  for (const row of sheet.matchAll(/<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const cells: OfficeCell[] = [];
    for (const cell of (row[2] ?? '').matchAll(/<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const a = attributes(cell[1]);
      const text = shownText(cell[2] ?? '');
      const type = a['office:value-type'] ?? '';
      const value = type === 'date' ? a['office:date-value'] : a['office:value'] ?? text;
      const one: OfficeCell = { type, value: value ?? '', text, ...(a['table:formula'] ? { formula: a['table:formula'] } : {}) };
      // Empty cells come run-length coded (16,384 to a row's end): only the ones before content count.
      const repeat = Math.min(Number(a['table:number-columns-repeated'] ?? 1), 1_000);
      for (let i = 0; i < repeat; i++) cells.push(one);
    }
    while (cells.length && cells[cells.length - 1].type === '' && cells[cells.length - 1].text === '') cells.pop();
    const repeat = Math.min(Number(attributes(row[1])['table:number-rows-repeated'] ?? 1), 1_000);
    for (let i = 0; i < repeat; i++) rows.push(cells);
  }
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}
