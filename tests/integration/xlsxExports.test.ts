// Excel workbook exports on the fixed synthetic caseload: each dataset saved as .xlsx and as CSV,
// the workbook read back by LibreOffice (as a clinic opens it) and by exceljs, cell by cell
// against the CSV: the same columns, rows and hidden numbers, identifiers as text with their
// leading zeros, dates as dates shown DD/MM/YYYY, numbers as numbers, and no formula ever, even
// from a name that starts with "=". Then the ZIP, the export log, and writing it safely.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeExport, type Source } from '../../core/api/exports/run';
import { ZIP_QUEUE_LIMIT } from '../../core/api/exports/xlsx';
import type { AppContext } from '../../core/api/context';
import { columnById, type ColumnKind } from '../../core/domain/export/catalogue';
import { EXCEL_CSV } from '../../core/domain/export/csv';
import { month } from '../../core/domain/export/periods';
import { BUILT_IN_PROFILES } from '../../core/domain/export/profile';
import { insertPeople } from '../../db/queries/bulk';
import { syntheticPeople } from '../../db/synthetic';
import { readWithLibreOffice, soffice, type OfficeCell } from '../support/libreOffice';
import { call, must, newWorkspace, referral, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const october = month(2026, 10);

/** A profile that names people, set to save workbooks, with the columns a spreadsheet mangles. */
const NAMED = {
  id: 'named-xlsx',
  name: 'Named list (workbook)',
  dataset: 'referrals' as const,
  identifiable: true,
  fileType: 'xlsx' as const,
  columns: ['case_id', 'hospital_number', 'nhs_number', 'preferred_name', 'date_of_birth', 'referral_received_on', 'site_ods', 'referral_source', 'newly_diagnosed', 'contacts_attended'].map((id) => ({ id })),
};

/** The synthetic fixture, plus two people whose name and hospital number a spreadsheet would run or mangle. */
async function fixtureCaseload() {
  const ws = await newWorkspace(dir);
  insertPeople(ws.ctx.session!, syntheticPeople(1500, 11, new Date('2026-11-01T12:00:00Z')));
  const [site] = await must(ws.ctx, 'sites.save', { name: 'Riverside Clinic', odsCode: '01234' });
  await must(ws.ctx, 'people.create', { preferredName: '=1+1', hospitalNumber: '00123456', dateOfBirth: '1984-03-09', clinicSiteId: site.id, ...referral('2026-10-15') });
  await must(ws.ctx, 'people.create', { preferredName: '@SUM(A1)', hospitalNumber: '-0042', dateOfBirth: '1990-12-31', ...referral('2026-10-20') });
  await must(ws.ctx, 'exports.saveProfile', NAMED);
  return ws;
}

const csvRows = (path: string) => parse(readFileSync(path), { bom: true, record_delimiter: '\r\n' }) as string[][];

/** Each column's kind, as the CSV and the workbook are made from it. */
function kindsOf(profileId: string, width: number): ColumnKind[] {
  if (profileId === 'monthly_return') return ['text', 'text', 'text', 'text', 'number'];
  const profile = [...BUILT_IN_PROFILES, NAMED].find((p) => p.id === profileId)!;
  const kinds = profile.columns.map((c) => columnById(profile.dataset, c.id)!.kind);
  expect(kinds).toHaveLength(width);
  return kinds;
}

/** The CSV's text without the apostrophe it puts before a value a spreadsheet would run. */
const unneutralised = (csv: string) => (/^'[\s=+\-@]/.test(csv) ? csv.slice(1) : csv);
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** One workbook cell as LibreOffice read it, held against the CSV's field for the same column. */
function expectSameCell(cell: OfficeCell | undefined, csv: string, kind: ColumnKind, where: string) {
  if (csv === '') return expect(cell?.text ?? '', where).toBe('');
  expect(cell?.formula, `${where}: no formula`).toBeUndefined();
  if (kind === 'date') return expect({ type: cell?.type, value: cell?.value, text: cell?.text }, where).toEqual({ type: 'date', value: csv, text: dmy(csv) });
  if (kind === 'number' && csv !== '*') return expect({ type: cell?.type, value: Number(cell?.value) }, where).toEqual({ type: 'float', value: Number(csv) });
  expect({ type: cell?.type, text: cell?.text }, where).toEqual({ type: 'string', text: unneutralised(csv) });
}

/** Saves the profile's October rows as CSV and as a workbook. */
async function both(ctx: AppContext, profileId: string, confirmIdentifiable = false) {
  const csv = await must(ctx, 'exports.run', { profileId, period: october, confirmIdentifiable, fileType: 'csv' });
  const xlsx = await must(ctx, 'exports.run', { profileId, period: october, confirmIdentifiable, fileType: 'xlsx' });
  expect(xlsx.fileName).toBe(`${profileId}_2026-10-01_2026-10-31.xlsx`);
  expect(xlsx.rows).toBe(csv.rows);
  // The audit says which file type each export was, by its fingerprint.
  const logged = (await must(ctx, 'audit.list', { action: 'exports.run' })).map((e) => JSON.parse(e.detail!) as { sha256: string; fileType: string });
  expect(logged.find((d) => d.sha256 === xlsx.sha256)?.fileType).toBe('xlsx');
  expect(logged.find((d) => d.sha256 === csv.sha256)?.fileType).toBe('csv');
  return { csv: csvRows(csv.location), xlsx: xlsx.location, rows: xlsx.rows };
}

describe('workbooks read back by LibreOffice', () => {
  it(
    'each dataset: the CSV’s columns, rows and hidden numbers, identifiers as text with leading zeros, dates as dates, never a formula',
    async () => {
      soffice(); // says how to install it, before the exports are made
      const { ctx, close } = await fixtureCaseload();
      const exported = {
        referrals: await both(ctx, 'referrals'),
        outcomes: await both(ctx, 'outcomes'),
        monthly_return: await both(ctx, 'monthly_return'),
        [NAMED.id]: await both(ctx, NAMED.id, true),
      };
      close();
      const read = readWithLibreOffice(
        Object.values(exported).map((e) => e.xlsx),
        dir,
      );
      for (const [profileId, { csv, xlsx, rows }] of Object.entries(exported)) {
        const sheet = read.get(xlsx)!;
        expect(sheet.length - 1, `${profileId}: rows`).toBe(rows);
        expect(rows).toBeGreaterThan(0);
        // The header row: the same headers, in the same order.
        expect(sheet[0].map((c) => c.text), `${profileId}: header`).toEqual(csv[0]);
        const kinds = kindsOf(profileId, csv[0].length);
        csv.slice(1).forEach((fields, r) => fields.forEach((field, c) => expectSameCell(sheet[r + 1][c], field, kinds[c], `${profileId} row ${r + 1} ${csv[0][c]}`)));
      }

      // What a spreadsheet would mangle, seen in the workbook as recorded.
      const named = read.get(exported[NAMED.id].xlsx)!;
      const [header, ...people] = named;
      const col = (name: string) => header.findIndex((c) => c.text === name);
      const hospital = people.map((p) => p[col('Hospital number')]).filter((c) => c?.text);
      expect(hospital.every((c) => c.type === 'string')).toBe(true);
      expect(hospital.filter((c) => /^0/.test(c.text)).length, 'synthetic hospital numbers that start with 0').toBeGreaterThan(5);
      const formulaName = people.find((p) => p[col('Preferred name')]?.text === '=1+1')!;
      expect(formulaName[col('Preferred name')]).toEqual({ type: 'string', value: '=1+1', text: '=1+1' });
      expect(formulaName[col('Hospital number')].text).toBe('00123456');
      expect(formulaName[col('Site ODS code')]).toMatchObject({ type: 'string', text: '01234' });
      expect(formulaName[col('Date of birth')]).toMatchObject({ type: 'date', value: '1984-03-09', text: '09/03/1984' });
      const atName = people.find((p) => p[col('Preferred name')]?.text === '@SUM(A1)')!;
      expect(atName[col('Hospital number')]).toMatchObject({ type: 'string', text: '-0042' });
      expect(people.flat().some((c) => c.formula)).toBe(false);
      // NHS Numbers: ten digits, text.
      const nhs = people.map((p) => p[col('NHS Number')]).filter((c) => c?.text);
      expect(nhs.length).toBeGreaterThan(0);
      expect(nhs.every((c) => c.type === 'string' && /^\d{10}$/.test(c.text))).toBe(true);

      // The return: hidden counts are the same * as the CSV, the rest numbers.
      const monthly = read.get(exported.monthly_return.xlsx)!.slice(1);
      expect(monthly.filter((r) => r[4]?.text === '*').length).toBe(exported.monthly_return.csv.filter((r) => r[4] === '*').length);
      expect(monthly.some((r) => r[4]?.text === '*')).toBe(true);
    },
    240_000,
  );
});

describe('workbooks read back by exceljs', () => {
  it('types each cell: text with Excel’s Text format, dates as dates with DD/MM/YYYY, numbers as numbers, no formulas', async () => {
    const { ctx, close } = await fixtureCaseload();
    // The profile says workbook: no file type asked for, a workbook saved.
    const r = await must(ctx, 'exports.run', { profileId: NAMED.id, period: october, confirmIdentifiable: true });
    expect(r.fileName).toBe('named-xlsx_2026-10-01_2026-10-31.xlsx');
    const csv = csvRows((await must(ctx, 'exports.run', { profileId: NAMED.id, period: october, confirmIdentifiable: true, fileType: 'csv' })).location);
    close();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(r.location);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Referrals');
    expect(sheet.rowCount - 1).toBe(r.rows);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(csv[0]);
    const column = (header: string) => csv[0].indexOf(header) + 1;
    let zeros = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cell = (header: string) => row.getCell(column(header));
      expect(row.actualCellCount).toBeGreaterThan(0);
      row.eachCell((c) => expect(c.formula, `row ${n}`).toBeUndefined());
      for (const header of ['Case ID', 'Hospital number', 'NHS Number', 'Site ODS code', 'Preferred name']) {
        const c = cell(header);
        if (c.value === null) continue;
        expect(typeof c.value, `${header} row ${n}`).toBe('string');
        expect(c.numFmt).toBe('@');
      }
      if (/^0/.test(String(cell('Hospital number').value ?? ''))) zeros++;
      const received = cell('Referral date');
      expect(received.value).toBeInstanceOf(Date);
      expect(received.numFmt).toBe('dd/mm/yyyy');
      expect((received.value as Date).toISOString().slice(0, 10)).toBe(csv[n - 1][column('Referral date') - 1]);
      expect(typeof cell('Contacts attended').value).toBe('number');
    });
    expect(zeros).toBeGreaterThan(5);
  });
});

describe('saving workbooks', () => {
  it('encrypts a workbook in an AES-256 ZIP that 7-Zip opens, and logs its SHA-256', async () => {
    const { ctx, close } = await fixtureCaseload();
    const r = await must(ctx, 'exports.run', { profileId: 'referrals', period: october, fileType: 'xlsx', zipPassword: 'correct pony battery' });
    expect(r).toMatchObject({ fileName: 'referrals_2026-10-01_2026-10-31.zip', encrypted: true });
    const out = join(dir, 'unzipped');
    mkdirSync(out);
    execFileSync('7z', ['x', '-pcorrect pony battery', `-o${out}`, r.location], { stdio: 'ignore' });
    expect(readdirSync(out)).toEqual(['referrals_2026-10-01_2026-10-31.xlsx']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'referrals_2026-10-01_2026-10-31.xlsx'));
    expect(book.worksheets[0].rowCount - 1).toBe(r.rows);
    const log = await must(ctx, 'exports.log', {});
    expect(log[0]).toMatchObject({ fileName: 'referrals_2026-10-01_2026-10-31.zip', encrypted: true, sha256: createHash('sha256').update(readFileSync(r.location)).digest('hex') });
    close();
  });

  it('logs a workbook under its own name with the SHA-256 of the bytes saved, and leaves nothing beside it', async () => {
    const { ctx, close } = await fixtureCaseload();
    const r = await must(ctx, 'exports.run', { profileId: 'monthly_return', period: october, fileType: 'xlsx' });
    expect(r.sha256).toBe(createHash('sha256').update(readFileSync(r.location)).digest('hex'));
    expect((await must(ctx, 'exports.log', {}))[0]).toMatchObject({ fileName: 'monthly_return_2026-10-01_2026-10-31.xlsx', sha256: r.sha256, rows: r.rows });
    expect(readdirSync(join(dir, 'exports'))).toEqual(['monthly_return_2026-10-01_2026-10-31.xlsx']);
    close();
  });

  it('a workbook that cannot be saved leaves no file and no half file', async () => {
    const { ctx, close } = await fixtureCaseload();
    ctx.exportDestination = async () => join(dir, 'nowhere', 'missing-folder', 'x.xlsx');
    expect((await call(ctx, 'exports.run', { profileId: 'referrals', period: october, fileType: 'xlsx' })).ok).toBe(false);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
    close();
  });
});

/** Made-up rows, many chunks of them: enough XML that a writer holding it all would show. */
function manyRows(chunks: number, perChunk: number): Source {
  const kinds = ['text', 'text', 'date', 'number', 'text', 'number'] as const;
  const row = (i: number) => [{ text: `CASE-${String(i).padStart(7, '0')}` }, { text: `0${(i * 7919) % 10_000_000}` }, { date: `2026-${String((i % 12) + 1).padStart(2, '0')}-15` }, { number: i % 97 }, { text: `note ${(i * 104_729) % 1_000_003}` }, { number: i / 7 }];
  return {
    header: ['Case ID', 'Hospital number', 'Referral date', 'Contacts', 'Note', 'Ratio'],
    total: chunks * perChunk,
    format: EXCEL_CSV,
    identifiable: false,
    *csvChunks() {},
    firstRows: () => [],
    sheet: {
      name: 'Rows',
      kinds: [...kinds],
      *chunks() {
        for (let c = 0; c < chunks; c++) yield { cells: Array.from({ length: perChunk }, (_, i) => row(c * perChunk + i)), rows: perChunk };
      },
    },
  };
}

describe('writing a workbook as it goes', () => {
  it('reaches the disk while rows are still being written (nothing held back to the end), with progress', async () => {
    const temp = join(dir, '.rows.xlsx.partial');
    const sizes: number[] = [];
    const written = await writeExport(manyRows(40, 1_000), {
      destination: join(dir, 'rows.xlsx'),
      temp,
      fileType: 'xlsx',
      onProgress: () => sizes.push(existsSync(temp) ? statSync(temp).size : 0),
    });
    expect(written.rows).toBe(40_000);
    expect(sizes).toHaveLength(40);
    const final = statSync(written.path).size;
    // Halfway through the rows, most of the first half is already compressed into the file: what
    // waits for the zip stays under its limit rather than growing with the rows.
    expect(sizes[19]).toBeGreaterThan(final * 0.3);
    expect(final - sizes[39]).toBeLessThan(ZIP_QUEUE_LIMIT + 64 * 1024);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(written.path);
    expect(book.worksheets[0].getCell('B40001').value).toBe(`0${(39_999 * 7919) % 10_000_000}`);
  });

  it('a cancel between chunks saves nothing and leaves no half file', async () => {
    let chunks = 0;
    const attempt = writeExport(manyRows(20, 500), { destination: join(dir, 'rows.xlsx'), fileType: 'xlsx', cancelled: () => ++chunks > 5 });
    await expect(attempt).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
