// One return from several PCs, on real encrypted caseloads: two workstations save their return
// data files (true counts, sealed to a passphrase), a coordinator combines them into one return
// per site and in total, suppressed only after combining. Hand-worked figures:
//   workstation A (site RQMA): 3 referrals from a GP, each seen once (3 contacts attended);
//   workstation B (site RQMB): 9 self-referrals and 4 from a GP, 10 seen once, 2 did not attend.
//   Together: 16 referrals (7 GP, 9 self), 13 contacts attended, 2 not attended, 13 people supported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import { month } from '../../core/domain/export/periods';
import { call, must, REPORTER_PASSPHRASE, signInAs, teamWorkspace, tempDir, WORKER_PASSPHRASE } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const PASS = 'october figures for the trust';
// A whole month safely in the past, whatever day the test runs.
const back = new Date();
back.setDate(1);
back.setMonth(back.getMonth() - 2);
const period = month(back.getFullYear(), back.getMonth() + 1);
const on = (day: number) => `${period.start.slice(0, 8)}${String(day).padStart(2, '0')}`;

async function clinic(folder: string, ods: string, people: { source: 'gp' | 'self'; attendance: 'attended' | 'dna' | null }[]) {
  const team = await teamWorkspace(join(dir, folder));
  const [site] = await must(team.ctx, 'sites.save', { name: `Clinic ${ods}`, odsCode: ods });
  let i = 0;
  for (const p of people) {
    const record = await must(team.ctx, 'people.create', {
      preferredName: `Person ${++i}`,
      dateOfBirth: '1985-06-01',
      clinicSiteId: site.id,
      referralReceivedOn: on(3),
      referralSource: p.source,
      pathway: 'opt_out_new_diagnosis',
    });
    if (p.attendance) await must(team.ctx, 'contacts.create', { episodeId: record.episodes[0].id, contactOn: on(10), mode: 'phone', type: 'one_to_one', attendance: p.attendance });
  }
  return { ...team, siteId: site.id };
}

const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

async function saveFile(ctx: AppContext, siteId: number) {
  const saved = await must(ctx, 'returns.saveDataFile', { period, siteId, passphrase: PASS });
  return { saved, file: { name: saved.fileName, data: readFileSync(saved.location).toString('base64') } };
}

async function twoWorkstations() {
  const a = await clinic('a', 'RQMA', times(3, { source: 'gp', attendance: 'attended' }));
  const b = await clinic('b', 'RQMB', [...times(9, { source: 'self', attendance: 'attended' } as const), { source: 'gp', attendance: 'attended' }, ...times(2, { source: 'gp', attendance: 'dna' } as const), { source: 'gp', attendance: null }]);
  const fromA = await saveFile(a.ctx, a.siteId);
  const fromB = await saveFile(b.ctx, b.siteId);
  b.close();
  return { a, fromA, fromB };
}

type Rows = string[][];
const value = (rows: Rows, site: string, measure: string, breakdown: string, category: string) =>
  rows.find((r) => r[1] === site && r[2] === measure && r[3] === breakdown && r[4] === category)?.[5];

describe('combining two workstations’ returns', () => {
  it('adds up per site and in total (hand-worked), suppressing only after combining, and saves it in the trust’s layout', async () => {
    const { a, fromA, fromB } = await twoWorkstations();
    // Each file is sealed: no figure or site code readable without the passphrase.
    const sealed = readFileSync(fromB.saved.location, 'utf8');
    expect(sealed).not.toMatch(/RQMB|referrals_received/);
    expect(fromB.saved.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(fromB.saved.fileName).toBe(`return-data_RQMB_${period.start}_${period.end}.json`);

    // With nothing hidden (threshold 0) the true sums show.
    await must(a.ctx, 'settings.update', { suppressionThreshold: 0 });
    const exact = await must(a.ctx, 'returns.combine', { files: [fromA.file, fromB.file], passphrase: PASS });
    expect(exact.sites.map((s) => s.odsCode)).toEqual(['RQMA', 'RQMB', 'ALL']);
    expect(exact.files.map((f) => f.fingerprint)).toEqual([fromA.saved.fingerprint, fromB.saved.fingerprint]);
    const rows = exact.rows;
    expect(value(rows, 'RQMA', 'referrals_received', 'source', 'total')).toBe('3');
    expect(value(rows, 'RQMB', 'referrals_received', 'source', 'total')).toBe('13');
    expect(value(rows, 'ALL', 'referrals_received', 'source', 'total')).toBe('16');
    expect(value(rows, 'ALL', 'referrals_received', 'source', 'gp')).toBe('7');
    expect(value(rows, 'ALL', 'referrals_received', 'source', 'self')).toBe('9');
    expect(value(rows, 'ALL', 'dna_rate', 'all', 'not_attended')).toBe('2');
    expect(value(rows, 'ALL', 'dna_rate', 'all', 'attended_or_not')).toBe('15');
    expect(value(rows, 'ALL', 'average_contacts_per_person', 'all', 'people_supported')).toBe('13');
    expect(value(rows, 'ALL', 'average_contacts_per_person', 'all', 'contacts_attended')).toBe('13');

    // At the usual threshold (7): A's 3 is hidden, and so is B's 13 or the total 16, else 16 − 13 = 3.
    await must(a.ctx, 'settings.update', { suppressionThreshold: 7 });
    const published = await must(a.ctx, 'returns.combine', { files: [fromA.file, fromB.file], passphrase: PASS });
    expect(value(published.rows, 'RQMA', 'referrals_received', 'source', 'total')).toBe('*');
    expect([value(published.rows, 'RQMB', 'referrals_received', 'source', 'total'), value(published.rows, 'ALL', 'referrals_received', 'source', 'total')]).toContain('*');
    // The attacker's sum for every figure (total = A + B): never exactly one hidden cell in it.
    const figures = new Set(published.rows.map((r) => r.slice(2, 5).join('|')));
    for (const f of figures) {
      const [m, b, c] = f.split('|');
      if (/percent|average/.test(c)) continue;
      const cells = ['RQMA', 'RQMB', 'ALL'].map((site) => value(published.rows, site, m, b, c)).filter((v) => v !== undefined);
      if (cells.length > 1) expect(cells.filter((v) => v === '*').length, `${f}: ${cells.join(', ')}`).not.toBe(1);
    }
    // Figures this small hide almost everything at 7. At a threshold of 2 only B's 2 did-not-attends
    // are small: hidden at B and (the same 2) in total, with the booked contacts they add up to.
    await must(a.ctx, 'settings.update', { suppressionThreshold: 2 });
    const lower = (await must(a.ctx, 'returns.combine', { files: [fromA.file, fromB.file], passphrase: PASS })).rows;
    expect(['RQMA', 'RQMB', 'ALL'].map((site) => value(lower, site, 'referrals_received', 'source', 'total'))).toEqual(['3', '13', '16']);
    expect(['RQMB', 'ALL'].map((site) => value(lower, site, 'dna_rate', 'all', 'not_attended'))).toEqual(['*', '*']);
    expect(value(lower, 'RQMA', 'dna_rate', 'all', 'not_attended')).toBe('0');

    // Saved (at that threshold) in a trust's wide layout, renamed and recoded, as CSV and as a workbook.
    await must(a.ctx, 'exports.saveLayout', {
      id: 'trust-wide',
      name: 'Trust wide return',
      dataset: 'monthly_return',
      layout: 'wide',
      columns: [{ id: 'site', header: 'Site code' }, { id: 'period', header: 'Period' }],
      codes: [{ measure: 'referrals_received', code: 'REF' }, { measure: 'referrals_received', category: 'self', code: 'SELF' }],
    });
    const csv = await must(a.ctx, 'returns.saveCombined', { files: [fromA.file, fromB.file], passphrase: PASS, profileId: 'trust-wide' });
    const table = parse(readFileSync(csv.location), { bom: true }) as Rows;
    expect(table[0].slice(0, 3)).toEqual(['Site code', 'Period', 'REF.source.total']);
    expect(table.slice(1).map((r) => r[0])).toEqual(['RQMA', 'RQMB', 'ALL']);
    expect(table[3][table[0].indexOf('REF.source.SELF')]).toBe('9');
    expect(table.slice(1).map((r) => r[table[0].indexOf('dna_rate.all.not_attended')])).toEqual(['0', '*', '*']);
    expect(csv.rows).toBe(3);
    const xlsx = await must(a.ctx, 'returns.saveCombined', { files: [fromA.file, fromB.file], passphrase: PASS, profileId: 'combined_return', fileType: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.location);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['period', 'site', 'measure', 'breakdown', 'category', 'value']);
    const cellOf = (site: string, m: string, c: string) => sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === site && r.getCell(3).value === m && r.getCell(5).value === c)?.getCell(6).value;
    // A hidden count is the same "*" as the CSV; a zero is a number.
    expect(cellOf('RQMB', 'dna_rate', 'not_attended')).toBe('*');
    expect(cellOf('RQMA', 'referrals_received', 'total')).toBe(3);
    // Both saves are in the export log, without anyone's name in them.
    const log = await must(a.ctx, 'exports.log', {});
    expect(log.slice(0, 2).map((l) => l.profileId)).toEqual(['combined_return', 'trust-wide']);
    a.close();
  });
});

describe('refusals', () => {
  it('the same workstation and period twice, a changed file, and a wrong passphrase, each said plainly and naming the file', async () => {
    const { a, fromA, fromB } = await twoWorkstations();
    const copy = { name: 'copy.json', data: fromB.file.data };
    expect(await call(a.ctx, 'returns.combine', { files: [fromA.file, fromB.file, copy], passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining(`“copy.json” is from the same workstation and period as “${fromB.file.name}”`) },
    });
    // One figure changed inside the sealed data.
    const outer = JSON.parse(Buffer.from(fromB.file.data, 'base64').toString('utf8'));
    const bytes = Buffer.from(outer.data, 'base64');
    bytes[20] ^= 1;
    outer.data = bytes.toString('base64');
    const tampered = { name: 'tampered.json', data: Buffer.from(JSON.stringify(outer)).toString('base64') };
    const refused = await call(a.ctx, 'returns.combine', { files: [fromA.file, tampered], passphrase: PASS });
    expect(refused).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: expect.stringContaining('“tampered.json” could not be opened: the passphrase is wrong, or the file was changed') } });
    expect(await call(a.ctx, 'returns.combine', { files: [fromA.file], passphrase: 'not the passphrase at all' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: expect.stringContaining(fromA.file.name) } });
    // Not a return data file at all.
    expect(await call(a.ctx, 'returns.combine', { files: [{ name: 'notes.txt', data: Buffer.from('hello').toString('base64') }], passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('“notes.txt” is not a return data file') },
    });
    // Nothing was saved by any refusal.
    expect((await must(a.ctx, 'exports.log', {})).some((l) => l.profileId === 'combined_return')).toBe(false);
    a.close();
  });

  it('only a coordinator combines; a reporting-only member, who sees only published figures, may not save the true counts', async () => {
    const a = await clinic('a', 'RQMA', times(2, { source: 'gp', attendance: 'attended' }));
    const { file } = await saveFile(a.ctx, a.siteId);
    await signInAs(a.ctx, a.workerId, WORKER_PASSPHRASE);
    // A peer worker sees the true figures on Reports anyway, so may send them on for combining.
    expect((await must(a.ctx, 'returns.saveDataFile', { period, siteId: a.siteId, passphrase: PASS })).fingerprint).toMatch(/^[0-9a-f ]+$/);
    expect(await call(a.ctx, 'returns.combine', { files: [file], passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await signInAs(a.ctx, a.reporterId, REPORTER_PASSPHRASE);
    expect(await call(a.ctx, 'returns.saveDataFile', { period, siteId: a.siteId, passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(a.ctx, 'returns.saveCombined', { files: [file], passphrase: PASS, profileId: 'combined_return' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    a.close();
  });

  it('a short passphrase or a part of a month is refused before anything is written', async () => {
    const a = await clinic('a', 'RQMA', []);
    expect(await call(a.ctx, 'returns.saveDataFile', { period, siteId: a.siteId, passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(a.ctx, 'returns.saveDataFile', { period: { kind: 'custom', start: period.start, end: on(10) }, siteId: a.siteId, passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await must(a.ctx, 'exports.log', {})).toEqual([]);
    a.close();
  });
});
