// The evidence pack (docs/) cites the test behind each control; this fails when a cited test file or
// title no longer exists, so the pack cannot silently drift from the code.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCitations, citationsIn, titleCited, titlesIn } from '../support/evidenceCitations';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the evidence pack’s citations', () => {
  it('every test cited in docs/ exists, with that title, and so does every path the docs name', () => {
    const { citations, problems } = checkCitations(ROOT, path.join(ROOT, 'docs'));
    expect(problems).toEqual([]);
    // The pack cites well over a hundred tests: far fewer means the citation form stopped being read.
    expect(citations.length).toBeGreaterThan(100);
    expect(new Set(citations.map((c) => c.doc)).size).toBeGreaterThanOrEqual(6);
  });
});

const SPEC = `
import { describe, it, test } from 'vitest';
const size = 3;
describe('backups', () => {
  it('are encrypted', () => {});
  describe('restore', () => {
    test(\`round trip on \${size} people\`, () => {});
    it('keeps the ' + 'current file aside', () => {});
  });
  it.each(['a', 'b'])('%s is refused', () => {});
  it(someName, () => {});
  it('finds "nguyen"', () => {});
  for (const zoom of zooms) it(\`fits at \${zoom.label}\`, () => {});
});
const oldPc = test.extend({});
oldPc('a new PC opens a backup', async () => {});
${'test'}.skip(true, 'not a test title');
`;
// (The skip above is text the checker reads, spelled through ${} so no linter takes it for a real skip.)

describe('the citation checker', () => {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A repository with one test file and one doc holding the given Markdown. */
  function repo(markdown: string): string {
    const root = mkdtempSync(path.join(tmpdir(), 'citations-'));
    made.push(root);
    mkdirSync(path.join(root, 'tests/unit'), { recursive: true });
    mkdirSync(path.join(root, 'docs'));
    writeFileSync(path.join(root, 'tests/unit/backups.test.ts'), SPEC);
    writeFileSync(path.join(root, 'docs/pack.md'), markdown);
    return root;
  }

  it('reads citations with their line, file and title', () => {
    const markdown = 'A control.\nShown by `tests/unit/backups.test.ts` › "backups › are encrypted".\n';
    expect(citationsIn('docs/pack.md', markdown)).toEqual([
      { doc: 'docs/pack.md', line: 2, file: 'tests/unit/backups.test.ts', title: 'backups › are encrypted' },
    ]);
  });

  it('reads a quotation mark in a title written as \\"', () => {
    const [citation] = citationsIn('docs/pack.md', '`tests/unit/backups.test.ts` › "finds \\"nguyen\\""');
    expect(citation.title).toBe('finds "nguyen"');
    expect(titleCited(titlesIn('backups.test.ts', SPEC), citation.title)).toBe(true);
  });

  it('finds titles through describe nesting, template strings, concatenation, .each and test.extend', () => {
    const titles = titlesIn('backups.test.ts', SPEC);
    expect(titleCited(titles, 'are encrypted')).toBe(true);
    expect(titleCited(titles, 'backups › are encrypted')).toBe(true);
    expect(titleCited(titles, 'backups › restore › round trip on 3 people')).toBe(true);
    expect(titleCited(titles, 'restore › keeps the current file aside')).toBe(true);
    expect(titleCited(titles, 'a is refused')).toBe(true);
    expect(titleCited(titles, 'a new PC opens a backup')).toBe(true);
    expect(titleCited(titles, 'backups › restore')).toBe(true);
    expect(titleCited(titles, 'fits at 1280×720 at 200%')).toBe(true);
  });

  it('refuses a title that is not there, a wrong nesting, and the reason given to test.skip', () => {
    const titles = titlesIn('backups.test.ts', SPEC);
    expect(titleCited(titles, 'are encrypted twice')).toBe(false);
    expect(titleCited(titles, 'restore › are encrypted')).toBe(false);
    expect(titleCited(titles, 'round trip on people')).toBe(false);
    // A constant the file declares is read for its value: the title says 3 people, not any number.
    expect(titleCited(titles, 'round trip on 4 people')).toBe(false);
    expect(titleCited(titles, 'not a test title')).toBe(false);
  });

  it('passes a good citation, and fails a missing title, a missing file, a missing path and a broken link', () => {
    const good = repo('`tests/unit/backups.test.ts` › "backups › restore › keeps the current file aside"\n');
    expect(checkCitations(good, path.join(good, 'docs')).problems).toEqual([]);

    const bad = repo(
      [
        'Line one.',
        '`tests/unit/backups.test.ts` › "backups are kept forever"',
        '`tests/unit/gone.test.ts` › "anything"',
        'See `core/domain/nowhere.ts`.',
        'See [the heading](#the-pack), [a missing one](#nowhere), [another doc](other.md) and [the web](https://example.org/x.md).',
        '# The pack',
      ].join('\n'),
    );
    const { citations, problems } = checkCitations(bad, path.join(bad, 'docs'));
    expect(citations).toHaveLength(2);
    expect(problems).toEqual([
      'docs/pack.md:4: core/domain/nowhere.ts does not exist',
      'docs/pack.md:5: link to #nowhere: no such heading',
      'docs/pack.md:5: link to other.md: no such file',
      'docs/pack.md:2: no test titled "backups are kept forever" in tests/unit/backups.test.ts',
      'docs/pack.md:3: cited file tests/unit/gone.test.ts does not exist',
    ]);
  });
});
