// "Every column" exports: for each dataset, a profile that picks every column of the catalogue
// exports from a real encrypted caseload (the synthetic fixture) with every header in place and
// every column filled from the data in at least one row. And a profile naming a column the
// catalogue lacks is refused when it is imported or saved, naming the column, never at run time.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import { CATALOGUE, DATASETS } from '../../core/domain/export/catalogue';
import { PROFILE_FILE_FORMAT, PROFILE_FILE_VERSION } from '../../core/domain/export/profile';
import { INSTRUMENTS } from '../../core/domain/instruments/definitions';
import { compareScores } from '../../core/domain/instruments/outcome';
import type { InstrumentId } from '../../core/domain/instruments/types';
import { insertPeople } from '../../db/queries/bulk';
import { syntheticPeople } from '../../db/synthetic';
import { call, daysAgo, must, newWorkspace, referral, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const everything = { kind: 'custom' as const, start: '2000-01-01', end: '2099-12-31' };
const answers = (instrument: InstrumentId, value: number) => Object.fromEntries(INSTRUMENTS[instrument].items.map((i) => [i.id, value]));

/**
 * The fixture's made-up people, and one more with what they never have: a clinic site, the
 * licensed instruments (SWEMWBS, WEMWBS, PozQoL) twice each, and two engagement reviews.
 */
async function caseloadWithEverything() {
  const { ctx, close } = await newWorkspace(dir);
  insertPeople(ctx.session!, syntheticPeople(1500, 11, new Date('2026-11-01T12:00:00Z')));
  await must(ctx, 'licences.confirm', { licence: 'warwick', confirmed: true });
  await must(ctx, 'licences.confirm', { licence: 'pozqol', confirmed: true });
  await must(ctx, 'settings.update', { enabledInstruments: ['phq9', 'gad7', 'ons4', 'swemwbs', 'wemwbs', 'pozqol'] });
  const [site] = await must(ctx, 'sites.save', { name: 'Riverside Clinic', odsCode: 'rqm01' });
  const person = await must(ctx, 'people.create', { preferredName: 'Every Column', dateOfBirth: '1984-03-09', clinicSiteId: site.id, ...referral(daysAgo(300)) });
  const episodeId = person.episodes[0].id;
  for (const instrument of ['swemwbs', 'wemwbs', 'pozqol'] as const) {
    await must(ctx, 'assessments.record', { episodeId, instrument, completedOn: daysAgo(250), method: 'self_completed', responses: answers(instrument, 2) });
    await must(ctx, 'assessments.record', { episodeId, instrument, completedOn: daysAgo(60), method: 'self_completed', responses: answers(instrument, 4) });
  }
  await must(ctx, 'engagement.record', { episodeId, reviewedOn: daysAgo(240), viralLoadUndetectable: false, viralLoadOn: daysAgo(245), appointmentsKept: 1, appointmentsMissed: 2 });
  await must(ctx, 'engagement.record', { episodeId, reviewedOn: daysAgo(50), viralLoadUndetectable: true, viralLoadOn: daysAgo(55), appointmentsKept: 3, appointmentsMissed: 0, reengagedInCare: true });
  const record = await must(ctx, 'people.get', { id: person.id });
  return { ctx, close, record };
}

/** Runs a profile that picks every column of the dataset, in catalogue order; the file read back. */
async function exportEveryColumn(ctx: AppContext, dataset: (typeof DATASETS)[number]) {
  await must(ctx, 'exports.saveProfile', { id: `every-${dataset}`, name: `Every ${dataset} column`, dataset, identifiable: true, columns: CATALOGUE[dataset].map((c) => ({ id: c.id })) });
  const result = await call(ctx, 'exports.run', { profileId: `every-${dataset}`, period: everything, confirmIdentifiable: true });
  expect(result.ok ? 'exported' : result.error.message).toBe('exported');
  const [header, ...rows] = parse(readFileSync(result.ok ? result.value.location : ''), { bom: true, record_delimiter: '\r\n' }) as string[][];
  return { header, rows, cell: (row: string[], column: string) => row[header.indexOf(column)] };
}

describe('every column of each dataset', () => {
  it.each(DATASETS)('%s: exports every column with its header, each filled from the data in some row', async (dataset) => {
    const { ctx, close, record } = await caseloadWithEverything();
    const { header, rows, cell } = await exportEveryColumn(ctx, dataset);
    expect(header).toEqual(CATALOGUE[dataset].map((c) => c.header));
    expect(rows.length).toBeGreaterThan(1500);
    // No exceptions: with the person above, the caseload has something for every column.
    const blankEverywhere = header.filter((_, i) => rows.every((r) => r[i] === ''));
    expect(blankEverywhere).toEqual([]);

    // The added person's row holds what was recorded for them.
    const mine = rows.filter((r) => cell(r, 'Case ID') === record.caseId);
    expect(mine).toHaveLength(1);
    expect(cell(mine[0], 'Referral ID')).toBe(String(record.episodes[0].id));
    expect(cell(mine[0], 'Preferred name')).toBe('Every Column');
    expect(cell(mine[0], 'Site ODS code')).toBe('RQM01');
    close();
  });

  it('outcomes: the licensed instruments and engagement reviews come out as recorded', async () => {
    const { ctx, close, record } = await caseloadWithEverything();
    const { rows, cell } = await exportEveryColumn(ctx, 'outcomes');
    const mine = rows.find((r) => cell(r, 'Case ID') === record.caseId)!;
    const assessments = record.episodes[0].outcomes.assessments;
    for (const instrument of ['swemwbs', 'wemwbs', 'pozqol'] as const) {
      const def = INSTRUMENTS[instrument];
      const [baseline, latest] = assessments.filter((a) => a.instrument === instrument).sort((a, b) => a.completedOn.localeCompare(b.completedOn));
      const score = (a: typeof baseline) => String(a.scores[def.primaryScore]);
      expect(cell(mine, `${def.shortName} baseline`)).toBe(score(baseline));
      expect(cell(mine, `${def.shortName} baseline date`)).toBe(daysAgo(250));
      expect(cell(mine, `${def.shortName} latest`)).toBe(score(latest));
      expect(cell(mine, `${def.shortName} latest date`)).toBe(daysAgo(60));
      const change = compareScores(def.scores.find((s) => s.id === def.primaryScore)!, baseline.scores[def.primaryScore], latest.scores[def.primaryScore]);
      expect(cell(mine, `${def.shortName} change`)).toBe(String(change.change));
      expect(cell(mine, `${def.shortName} meaningful improvement`)).toBe(change.meaningfulImprovement ? 'Y' : 'N');
    }
    expect(cell(mine, 'Viral load undetectable (first review)')).toBe('N');
    expect(cell(mine, 'Viral load undetectable (latest review)')).toBe('Y');
    expect(cell(mine, 'Clinic appointments missed (first review)')).toBe('2');
    expect(cell(mine, 'Clinic appointments missed (latest review)')).toBe('0');
    expect(cell(mine, 'Re-engaged in care')).toBe('Y');
    close();
  });
});

describe('a profile naming a column the catalogue lacks', () => {
  const file = (profile: object) => JSON.stringify({ format: PROFILE_FILE_FORMAT, version: PROFILE_FILE_VERSION, profile });

  it('is refused on import, naming the column, and nothing is imported', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const before = await must(ctx, 'exports.profiles', {});
    const unknown = file({ id: 'trust-q', name: 'Trust quarterly', dataset: 'referrals', columns: [{ id: 'referral_id' }, { id: 'favourite_colour', header: 'COLOUR' }] });
    expect(await call(ctx, 'exports.importProfile', { json: unknown })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'This profile file has problems, so nothing was imported: There is no column called “favourite_colour” in referrals exports.' },
    });
    // A column of the other dataset is not one of this one's.
    const otherDataset = file({ id: 'trust-o', name: 'Trust outcomes', dataset: 'outcomes', columns: [{ id: 'case_id' }, { id: 'referral_source' }] });
    const refused = await call(ctx, 'exports.importProfile', { json: otherDataset });
    expect(refused.ok ? 'imported' : refused.error.message).toBe('This profile file has problems, so nothing was imported: There is no column called “referral_source” in outcomes exports.');
    expect(await must(ctx, 'exports.profiles', {})).toEqual(before);
    close();
  });

  it('is refused when saved from the profile editor too, beside the column', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const r = await call(ctx, 'exports.saveProfile', { id: 'mine', name: 'Mine', dataset: 'outcomes', columns: [{ id: 'case_id' }, { id: 'phq9_latest_on' }, { id: 'phq99_baseline' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'columns.2.id': 'There is no column called “phq99_baseline” in outcomes exports.' } } });
    expect((await must(ctx, 'exports.profiles', {})).map((p) => p.id)).not.toContain('mine');
    close();
  });
});
