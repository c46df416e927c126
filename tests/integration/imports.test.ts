// Importing a caseload from a spreadsheet, over the corpus of awkward files made in
// tests/support/importFiles.ts, on a real encrypted caseload: what the dry run reports (every
// problem by the row the coordinator sees in Excel), that a file with problems writes nothing,
// what a clean import makes, undoing it (the caseload exactly as before), and who may import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import type { ImportFieldId } from '../../core/domain/import/fields';
import { AWKWARD_HEADERS, awkwardWorkbook, badCheckDigit, csvBytes, madeUpNhsNumber, OPT_OUT_HEADERS, withPassword, type AwkwardRow } from '../support/importFiles';
import {
  auditSince,
  call,
  must,
  newWorkspace,
  referral,
  REPORTER_PASSPHRASE,
  signInAs,
  snapshot,
  teamWorkspace,
  tempDir,
  WORKER_PASSPHRASE,
} from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('import-')));
afterEach(() => cleanup());

const b64 = (bytes: Buffer) => bytes.toString('base64');
const NHS = [1, 2, 3, 4, 5].map(madeUpNhsNumber);

/** Four good rows: a Date cell, an Excel day number, a formula, text dates, "N/A", trailing spaces. */
const CLEAN: AwkwardRow[] = [
  { name: 'Amara Okafor', nhs: NHS[0], hospital: 123456, dob: new Date(Date.UTC(1985, 2, 3)), gender: 'F', ethnicity: 'Black African', referral: 45366, diagnosis: 'Mar 2024' },
  { name: 'Ben Carter  ', nhs: 'N/A', hospital: '00098765', dob: '07/11/1979', gender: 'Male', ethnicity: 'N/A', referral: { formula: 'DATE(2024,5,20)', result: new Date(Date.UTC(2024, 4, 20)) }, diagnosis: null },
  { name: 'Zoë Nguyễn', nhs: NHS[1], hospital: null, dob: '1990-12-25', gender: 'non-binary', ethnicity: 'Chinese', referral: '2/6/24', diagnosis: '2023-11' },
  { name: 'Dan Ward', nhs: `${NHS[2].slice(0, 3)} ${NHS[2].slice(3, 6)} ${NHS[2].slice(6)}`, hospital: 'H-77', dob: '1/2/66', gender: 'm', ethnicity: 'White British', referral: '15/07/2024', diagnosis: null },
];

/** The columns as the coordinator sets them (the guess gets most; "Client name" is said here). */
const COLUMNS: (ImportFieldId | null)[] = ['preferredName', 'nhsNumber', 'hospitalNumber', 'dateOfBirth', 'genderIdentity', 'ethnicCategory', 'referralReceivedOn', 'diagnosisMonth'];

/** Every table but the audit log and the import batches, and settings without remembered mappings: the caseload itself. */
function caseloadDump(ctx: AppContext) {
  const all = snapshot(ctx, ['audit_log', 'import_batches']);
  return { ...all, settings: (all.settings as { key: string }[]).filter((s) => !s.key.startsWith('import_mapping:')) };
}

async function open(ctx: AppContext, bytes: Buffer, fileName = 'caseload.xlsx', extra: { kind?: 'caseload' | 'opt_out'; password?: string } = {}) {
  return call(ctx, 'imports.open', { kind: extra.kind ?? 'caseload', fileName, data: b64(bytes), password: extra.password });
}

describe('reading an awkward workbook', () => {
  it('finds the header row under a merged title, skips blank rows and the hidden column, and keeps leading zeros', async () => {
    const { ctx } = await newWorkspace(dir);
    const file = await must(ctx, 'imports.open', { kind: 'caseload', fileName: 'caseload.xlsx', data: b64(await awkwardWorkbook(CLEAN, { blankAfter: 1 })) });
    expect(file.sheet).toBe('Caseload');
    expect(file.headerRow).toBe(3);
    expect(file.headers).toEqual(AWKWARD_HEADERS.filter((h) => h !== 'Notes (hidden)'));
    expect(file.hiddenColumns).toBe(1);
    expect(file.rows).toBe(4);
    expect(file.sample[0].slice(0, 3)).toEqual(['Amara Okafor', NHS[0], '00123456']);
    // Guessed from the headers; "Client name" is guessed too.
    expect(file.columns).toEqual(COLUMNS);
    expect(file.remembered).toBe(false);
  });
});

describe('the dry run', () => {
  it('reports every problem by the row number Excel shows, with its reason, and nothing is written by an import of that file', async () => {
    const { ctx } = await newWorkspace(dir);
    // Someone already on the caseload: the file's row for them is skipped, not a problem.
    await must(ctx, 'people.create', { preferredName: 'Amara Okafor', dateOfBirth: '1985-03-03', nhsNumber: NHS[0], ...referral('2024-01-10') });
    const rows: AwkwardRow[] = [
      ...CLEAN,
      { name: 'Eve Bad Nhs', nhs: badCheckDigit(NHS[3]), hospital: null, dob: '01/01/1980', gender: 'F', ethnicity: 'Afr.', referral: '01/03/2024', diagnosis: null },
      { name: 'Fay No Date', nhs: null, hospital: null, dob: '31/02/1990', gender: 'X-ray', ethnicity: null, referral: '01/03/2024', diagnosis: '2019' },
      { name: '', nhs: null, hospital: null, dob: '01/01/1970', gender: null, ethnicity: null, referral: 'soon', diagnosis: null },
      // Dan Ward again, the NHS Number written without spaces: the same person twice in the file.
      { name: 'Daniel Ward', nhs: NHS[2], hospital: null, dob: '01/02/1966', gender: null, ethnicity: null, referral: '01/08/2024', diagnosis: null },
    ];
    await must(ctx, 'imports.open', { kind: 'caseload', fileName: 'caseload.xlsx', data: b64(await awkwardWorkbook(rows, { blankAfter: 1 })) });
    const before = snapshot(ctx);
    const check = await must(ctx, 'imports.check', { mapping: { columns: COLUMNS, values: {} } });
    // Data starts at row 4; the blank row after the second data row is row 6.
    expect(check.rows).toBe(8);
    expect(check.skipped).toEqual([{ row: 4, reason: expect.stringMatching(/^Already on the caseload as PS-.* \(the same NHS Number\): not added again\.$/) }]);
    expect(check.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [9, 'NHS Number', 'This is not a valid NHS Number: please check it for a typing mistake.'],
      [9, 'Ethnic category', '“Afr.” is not one of the options: say what it means under “Values”.'],
      [10, 'Date of birth', '“31/02/1990” is not a real date: dates are read day first, as DD/MM/YYYY.'],
      [10, 'Gender identity', '“X-ray” is not one of the options: say what it means under “Values”.'],
      [10, 'HIV diagnosis (month)', '“2019” is a year only: the diagnosis needs a month and year.'],
      [11, 'Referral received on', '“soon” is not a date this import understands: use DD/MM/YYYY.'],
      [11, 'Name (preferred)', 'There is no name.'],
      [12, null, 'This looks like the same person as row 8 (the same NHS Number). Keep one of the two rows.'],
    ]);
    expect(check.problemCount).toBe(8);
    expect(check.toCreate).toBe(0);
    // The values seen in code columns, for the value mapping: "Afr." not understood yet.
    const ethnicity = check.values.find((v) => v.field === 'ethnicCategory')!;
    expect(ethnicity.seen.find((s) => s.value === 'Afr.')).toMatchObject({ count: 1, code: null });
    expect(ethnicity.seen.find((s) => s.value === 'Black African')).toMatchObject({ code: 'N' });

    const refused = await call(ctx, 'imports.run', { mapping: { columns: COLUMNS, values: {} } });
    expect(refused).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'The file has 8 problems: check the file again to see what to put right. Nothing was imported.' } });
    expect(snapshot(ctx)).toEqual(before);
  });

  it('says which fields the mapping still needs before reading any row', async () => {
    const { ctx } = await newWorkspace(dir);
    await must(ctx, 'imports.open', { kind: 'caseload', fileName: 'caseload.xlsx', data: b64(await awkwardWorkbook(CLEAN)) });
    const check = await must(ctx, 'imports.check', { mapping: { columns: ['preferredName', 'nhsNumber', null, 'preferredName', null, null, null, null], values: {} } });
    expect(check.mappingProblems).toEqual([
      'Two columns are set to “Name (preferred)”: choose one.',
      'Choose the column that holds the date of birth.',
      'Choose the column that holds the date the referral was received.',
    ]);
  });
});

describe('a clean import', () => {
  it('adds everyone in one go with their referrals, as the file says, audited by numbers only, and remembers the mapping', async () => {
    const { ctx } = await newWorkspace(dir);
    const first = await must(ctx, 'imports.open', { kind: 'caseload', fileName: 'caseload.xlsx', data: b64(await awkwardWorkbook(CLEAN)) });
    const auditFrom = (ctx.session!.db.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n;
    // The value mapping: "non-binary" is understood anyway; say "Chinese" means "Any other Asian background" to show it wins.
    const mapping = { columns: first.columns, values: { ethnicCategory: { chinese: 'L' } } };
    const check = await must(ctx, 'imports.check', { mapping });
    expect(check.problems).toEqual([]);
    expect(check.toCreate).toBe(4);
    const done = await must(ctx, 'imports.run', { mapping });
    expect(done).toMatchObject({ created: 4, skipped: 0 });

    const people = ctx.session!.db
      .prepare(
        `SELECT p.preferred_name AS name, p.nhs_number AS nhs, p.hospital_number AS hospital, p.date_of_birth AS dob, p.gender_identity AS gender,
                p.ethnic_category AS ethnicity, p.diagnosis_month AS diagnosis, e.referral_received_on AS referred, e.referral_source AS source, e.referral_status AS status
           FROM people p JOIN episodes e ON e.id = p.latest_episode_id ORDER BY p.id`,
      )
      .all();
    expect(people).toEqual([
      { name: 'Amara Okafor', nhs: NHS[0], hospital: '00123456', dob: '1985-03-03', gender: '2', ethnicity: 'N', diagnosis: '2024-03', referred: '2024-03-15', source: 'other', status: 'received' },
      { name: 'Ben Carter', nhs: null, hospital: '00098765', dob: '1979-11-07', gender: '1', ethnicity: null, diagnosis: null, referred: '2024-05-20', source: 'other', status: 'received' },
      { name: 'Zoë Nguyễn', nhs: NHS[1], hospital: null, dob: '1990-12-25', gender: '3', ethnicity: 'L', diagnosis: '2023-11', referred: '2024-06-02', source: 'other', status: 'received' },
      { name: 'Dan Ward', nhs: NHS[2], hospital: 'H-77', dob: '1966-02-01', gender: '1', ethnicity: 'A', diagnosis: null, referred: '2024-07-15', source: 'other', status: 'received' },
    ]);
    // Found by search like anyone typed in (folded names written).
    expect((await must(ctx, 'people.list', { query: 'zoe' })).total).toBe(1);
    const entries = auditSince(ctx, auditFrom);
    expect(entries.map((e) => e.action)).toEqual(['imports.run']);
    expect(JSON.parse(entries[0].detail!)).toEqual({ kind: 'caseload', people: 4, skipped: 0, rows: 4 });
    expect(await must(ctx, 'imports.last', {})).toMatchObject({ id: done.batchId, kind: 'caseload', people: 4, byName: 'Sam Peer', undoneAt: null, undoBlocked: null });

    // The next file with the same header row opens with the coordinator's mapping, value mapping and all.
    const again = await must(ctx, 'imports.open', { kind: 'caseload', fileName: 'next-month.xlsx', data: b64(await awkwardWorkbook(CLEAN.slice(0, 1))) });
    expect(again.remembered).toBe(true);
    expect(again.columns).toEqual(first.columns);
    // Everyone in it is already on the caseload now: skipped, and an import of only those is refused.
    expect((await must(ctx, 'imports.check', { mapping })).skipped).toHaveLength(1);
    expect(await call(ctx, 'imports.run', { mapping })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Everyone in this file is already on the caseload. Nothing was imported.' } });
  });
});

describe('text files in the encodings clinics meet', () => {
  const lines = [
    ['Name', 'Date of birth', 'NHS Number', 'Hospital number', 'Referral date', 'Ethnicity'],
    ['Renée Brûlé', '03/04/1985', NHS[3], '000123', '2024-02-01', 'White Irish'],
    ['', '', '', '', '', ''],
    ['Chloë Müller  ', '4/5/88', 'n/a', '0042', '01/03/2024', 'Any other White background'],
  ];
  for (const encoding of ['utf8', 'utf8-bom', 'utf16le-bom', 'win1252'] as const) {
    it(`reads a CSV in ${encoding} with its accents, leading zeros and blanks`, async () => {
      const { ctx } = await newWorkspace(dir);
      const file = await must(ctx, 'imports.open', { kind: 'caseload', fileName: 'caseload.csv', data: b64(csvBytes(lines, encoding)) });
      expect(file.headers).toEqual(lines[0]);
      expect(file.rows).toBe(2);
      const mapping = { columns: file.columns, values: {} };
      expect(file.columns).toEqual(['preferredName', 'dateOfBirth', 'nhsNumber', 'hospitalNumber', 'referralReceivedOn', 'ethnicCategory']);
      const check = await must(ctx, 'imports.check', { mapping });
      expect(check.problems).toEqual([]);
      expect(check.preview.map((p) => [p.row, p.name, p.dateOfBirth])).toEqual([
        [2, 'Renée Brûlé', '03/04/1985'],
        [4, 'Chloë Müller', '04/05/1988'],
      ]);
      await must(ctx, 'imports.run', { mapping });
      expect(ctx.session!.db.prepare('SELECT hospital_number AS h, ethnic_category AS e FROM people ORDER BY id').all()).toEqual([
        { h: '000123', e: 'B' },
        { h: '0042', e: 'C' },
      ]);
    });
  }
});

describe('a password-protected workbook', () => {
  it('asks for the password, refuses a wrong one, and opens with the right one', async () => {
    const { ctx } = await newWorkspace(dir);
    const locked = await withPassword(await awkwardWorkbook(CLEAN), 'clinic-2024');
    expect(await open(ctx, locked)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { password: expect.stringMatching(/^This workbook has a password/) } } });
    expect(await open(ctx, locked, 'caseload.xlsx', { password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { password: 'That password does not open this workbook. Check it and try again.' } } });
    const file = await must(ctx, 'imports.open', { kind: 'caseload', fileName: 'caseload.xlsx', data: b64(locked), password: 'clinic-2024' });
    expect(file.rows).toBe(4);
  });
});

describe('the opt-out referral list', () => {
  it('makes opt-out referrals, re-engagement where the list says so', async () => {
    const { ctx } = await newWorkspace(dir);
    const lines = [
      ['Opt-out referrals, exported from the clinic system', '', '', '', '', '', ''],
      OPT_OUT_HEADERS,
      ['0001234', 'Adeyemi', 'Tolu', '12/12/1992', NHS[4], '01/10/2024', 'New diagnosis'],
      ['0005678', 'Kowalski', 'Piotr', '30/06/1975', '', '03/10/2024', 'Re-engaging in care'],
    ];
    const file = await must(ctx, 'imports.open', { kind: 'opt_out', fileName: 'optout.csv', data: b64(csvBytes(lines, 'utf8-bom')) });
    expect(file.headerRow).toBe(2);
    expect(file.columns).toEqual(['hospitalNumber', 'familyName', 'givenName', 'dateOfBirth', 'nhsNumber', 'referralReceivedOn', 'pathway']);
    await must(ctx, 'imports.run', { mapping: { columns: file.columns, values: {} } });
    expect(
      ctx.session!.db.prepare('SELECT p.preferred_name AS name, p.hospital_number AS mrn, e.referral_source AS source, e.pathway, e.re_engaging AS reEngaging FROM people p JOIN episodes e ON e.person_id = p.id ORDER BY p.id').all(),
    ).toEqual([
      { name: 'Tolu Adeyemi', mrn: '0001234', source: 'opt_out_clinic', pathway: 'opt_out_new_diagnosis', reEngaging: 0 },
      { name: 'Piotr Kowalski', mrn: '0005678', source: 'opt_out_clinic', pathway: 'opt_out_reengagement', reEngaging: 1 },
    ]);
  });
});

describe('undoing the last import', () => {
  it('restores the caseload exactly as it was, and is refused once someone has worked on an imported record', async () => {
    const { ctx } = await newWorkspace(dir);
    await must(ctx, 'people.create', { preferredName: 'Already Here', dateOfBirth: '1970-01-01', ...referral('2024-01-10') });
    const before = caseloadDump(ctx);
    await must(ctx, 'imports.open', { kind: 'caseload', fileName: 'caseload.xlsx', data: b64(await awkwardWorkbook(CLEAN)) });
    const done = await must(ctx, 'imports.run', { mapping: { columns: COLUMNS, values: {} } });
    expect(caseloadDump(ctx)).not.toEqual(before);
    expect(await must(ctx, 'imports.undo', { id: done.batchId })).toEqual({ people: 4 });
    expect(caseloadDump(ctx)).toEqual(before);
    expect(await must(ctx, 'imports.last', {})).toMatchObject({ undoneAt: expect.any(String), undoBlocked: 'This import has already been undone.' });
    expect(await call(ctx, 'imports.undo', { id: done.batchId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Again, then a contact attempt on one imported person: undo is refused, nothing removed.
    await must(ctx, 'imports.open', { kind: 'caseload', fileName: 'caseload.xlsx', data: b64(await awkwardWorkbook(CLEAN)) });
    const second = await must(ctx, 'imports.run', { mapping: { columns: COLUMNS, values: {} } });
    const episodeId = (ctx.session!.db.prepare('SELECT id FROM episodes WHERE import_batch_id = ? LIMIT 1').get(second.batchId) as { id: number }).id;
    await must(ctx, 'attempts.create', { episodeId, attemptedOn: '2024-08-01', method: 'phone', outcome: 'no_answer' });
    const touched = snapshot(ctx, ['audit_log']);
    expect(await must(ctx, 'imports.last', {})).toMatchObject({ undoBlocked: 'A referral from the import has been changed, or someone has a new referral, since the import.' });
    expect(await call(ctx, 'imports.undo', { id: second.batchId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^This import cannot be undone: /) } });
    expect(snapshot(ctx, ['audit_log'])).toEqual(touched);
    expect((ctx.session!.db.prepare('SELECT count(*) AS n FROM people WHERE import_batch_id = ?').get(second.batchId) as { n: number }).n).toBe(4);
  });

  it('is refused after someone’s details are changed', async () => {
    const { ctx } = await newWorkspace(dir);
    await must(ctx, 'imports.open', { kind: 'caseload', fileName: 'caseload.xlsx', data: b64(await awkwardWorkbook(CLEAN)) });
    const done = await must(ctx, 'imports.run', { mapping: { columns: COLUMNS, values: {} } });
    const id = (ctx.session!.db.prepare('SELECT id FROM people WHERE import_batch_id = ? LIMIT 1').get(done.batchId) as { id: number }).id;
    await must(ctx, 'people.update', { id, phone: '07700 900123' });
    expect(await call(ctx, 'imports.undo', { id: done.batchId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'This import cannot be undone: someone’s details have been changed since the import.' } });
  });

  it('is refused once an imported referral is marked entered in error, and the kept record stays', async () => {
    const { ctx } = await newWorkspace(dir);
    await must(ctx, 'imports.open', { kind: 'caseload', fileName: 'caseload.xlsx', data: b64(await awkwardWorkbook(CLEAN)) });
    const done = await must(ctx, 'imports.run', { mapping: { columns: COLUMNS, values: {} } });
    const episodeId = (ctx.session!.db.prepare('SELECT id FROM episodes WHERE import_batch_id = ? LIMIT 1').get(done.batchId) as { id: number }).id;
    await must(ctx, 'records.markEnteredInError', { kind: 'referral', id: episodeId, reason: 'Referred to the wrong clinic.' });
    expect(await call(ctx, 'imports.undo', { id: done.batchId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This import cannot be undone: a record from the import has been marked entered in error since it was made.' },
    });
    expect((ctx.session!.db.prepare('SELECT count(*) AS n FROM entered_in_error').get() as { n: number }).n).toBe(1);
  });
});

describe('who may import', () => {
  it('a peer worker may; a reporting-only member is refused before the file is read', async () => {
    const { ctx, workerId, reporterId } = await teamWorkspace(dir);
    const bytes = await awkwardWorkbook(CLEAN);
    await signInAs(ctx, workerId, WORKER_PASSPHRASE);
    expect((await must(ctx, 'imports.open', { kind: 'caseload', fileName: 'caseload.xlsx', data: b64(bytes) })).rows).toBe(4);
    await signInAs(ctx, reporterId, REPORTER_PASSPHRASE);
    for (const result of [await open(ctx, bytes), await call(ctx, 'imports.run', { mapping: { columns: COLUMNS, values: {} } }), await call(ctx, 'imports.last', {})]) {
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role does not allow this. Ask your coordinator.' } });
    }
  });
});
