import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertPeople } from '../../db/queries/bulk';
import { syntheticPeople } from '../../db/synthetic';
import { call, daysAgo, must, newWorkspace, referral, snapshotWithoutAudit, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const jo = { preferredName: 'Jo Bloggs', nhsNumber: '943 476 5919', dateOfBirth: '1990-01-01', referralReceivedOn: '2026-03-04', referralSource: 'self', pathway: 'other' } as const;

describe('people on the caseload', () => {
  it('shows each person’s latest referral date, whatever the row ids', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const a = await must(ctx, 'people.create', { ...jo, preferredName: 'Ann Example', nhsNumber: null, referralReceivedOn: '2026-01-10' });
    // A second, later episode for Ann, so episode ids no longer line up with person ids.
    await must(ctx, 'episodes.close', { episodeId: a.episodes[0].id, closedOn: '2026-02-01', reason: 'person_ended' });
    await must(ctx, 'episodes.create', { personId: a.id, referralReceivedOn: '2026-05-20', referralSource: 'self', pathway: 'other' });
    await must(ctx, 'people.create', jo);
    const { rows } = await must(ctx, 'people.list', {});
    expect(rows.map((r) => [r.preferredName, r.referralReceivedOn])).toEqual([
      ['Jo Bloggs', '2026-03-04'],
      ['Ann Example', '2026-05-20'],
    ]);
    close();
  });

  it('finds people by name, case ID, and NHS Number typed with or without spaces', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const added = await must(ctx, 'people.create', jo);
    await must(ctx, 'people.create', { ...jo, preferredName: 'Sam Other', nhsNumber: null, hospitalNumber: '00012345' });
    const names = async (query: string) => (await must(ctx, 'people.list', { query })).rows.map((r) => r.preferredName);
    expect(await names('blog')).toEqual(['Jo Bloggs']);
    expect(await names(added.caseId.toLowerCase())).toEqual(['Jo Bloggs']);
    expect(await names('943 476')).toEqual(['Jo Bloggs']);
    expect(await names('9434765919')).toEqual(['Jo Bloggs']);
    expect(await names('00012')).toEqual(['Sam Other']);
    expect(await names('%')).toEqual([]);
    expect(await names('nobody')).toEqual([]);
    close();
  });

  it('pages through a large caseload with the total for the whole match', async () => {
    const { ctx, close } = await newWorkspace(dir);
    insertPeople(ctx.session!, syntheticPeople(1_000, 3));
    const first = await must(ctx, 'people.list', { limit: 100 });
    const second = await must(ctx, 'people.list', { offset: 100, limit: 100 });
    expect(first.total).toBe(1_000);
    expect(first.rows).toHaveLength(100);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(200);
    expect((await call(ctx, 'people.list', { limit: 5_000 })).ok).toBe(false);
    close();
  });

  it('refuses bad input with field messages and leaves the caseload unchanged', async () => {
    const { ctx, close } = await newWorkspace(dir);
    await must(ctx, 'people.create', jo);
    const refused = await call(ctx, 'people.create', { ...jo, preferredName: 'Someone Else', nhsNumber: '943 476 5918', dateOfBirth: '2999-01-01' });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Some details need checking.',
        fields: { nhsNumber: expect.stringMatching(/not a valid NHS Number/), dateOfBirth: 'The date of birth cannot be in the future.' },
      },
    });
    expect((await must(ctx, 'people.list', {})).total).toBe(1);
    close();
  });

  it('is locked away: no caseload call works while locked', async () => {
    const { ctx, close } = await newWorkspace(dir);
    close();
    expect(await call(ctx, 'people.list', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'LOCKED' }) });
    expect(await call(ctx, 'people.create', jo)).toEqual({ ok: false, error: expect.objectContaining({ code: 'LOCKED' }) });
  });
});

describe('names with hidden characters', () => {
  it('people.create refuses a name with a bidi override, a control character or only zero-width characters, and saves nothing', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const before = snapshotWithoutAudit(ctx);
    for (const preferredName of ['Sam \u202Eyenom', 'Sam\u0007', 'Sam\nBob', '\u200B\u200B', '\u2066\u2069', 'Sam\u200F']) {
      const result = await call(ctx, 'people.create', { preferredName, dateOfBirth: '1980-01-01', ...referral(daysAgo(3)) });
      expect(result.ok ? 'saved' : result.error.code, JSON.stringify(preferredName)).toBe('VALIDATION');
      if (!result.ok) expect(result.error.fields?.preferredName).toBe('Use letters, numbers and ordinary punctuation: this has a hidden or control character.');
    }
    const hiddenLanguage = await call(ctx, 'people.create', { preferredName: 'Sam', firstLanguage: 'English\u202E', dateOfBirth: '1980-01-01', ...referral(daysAgo(3)) });
    expect(hiddenLanguage.ok ? 'saved' : hiddenLanguage.error.code).toBe('VALIDATION');
    expect(snapshotWithoutAudit(ctx)).toEqual(before);
    // An ordinary name in any script is fine.
    await must(ctx, 'people.create', { preferredName: 'Siobhán محمد', dateOfBirth: '1980-01-01', ...referral(daysAgo(3)) });
    close();
  });
});

describe('names typed in any script or keyboard', () => {
  const zoe = { preferredName: 'Zoë Nguyễn-Đặng', dateOfBirth: '1988-04-12', ...referral(daysAgo(3)) };
  const decomposed = zoe.preferredName.normalize('NFD');

  it('search finds Zoë Nguyễn-Đặng by her name without accents, in capitals, or in part', async () => {
    const { ctx, close } = await newWorkspace(dir);
    await must(ctx, 'people.create', zoe);
    await must(ctx, 'people.create', { ...jo, preferredName: 'Seán O’Brien', nhsNumber: null });
    const names = async (query: string) => (await must(ctx, 'people.list', { query })).rows.map((r) => r.preferredName);
    for (const query of ['zoe', 'Zoë', 'ZOË', 'Nguyen', 'nguyễn', 'ĐẶNG', 'dang', 'Đặng', 'zoe nguyen-dang', decomposed, 'nguyen–dang']) {
      expect(await names(query), query).toEqual(['Zoë Nguyễn-Đặng']);
    }
    expect(await names("o'brien")).toEqual(['Seán O’Brien']);
    expect(await names('sean o’brien')).toEqual(['Seán O’Brien']);
    // Accents alone are not a search for everyone.
    expect(await names('\u0301')).toEqual([]);
    expect((await must(ctx, 'people.list', { query: 'dang' })).total).toBe(1);
    close();
  });

  it('stores the name in NFC, and keeps the folded form in step when the name is edited', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const p = await must(ctx, 'people.create', { ...zoe, preferredName: decomposed });
    expect(p.preferredName).toBe('Zoë Nguyễn-Đặng');
    const stored = () => ctx.session!.db.prepare('SELECT preferred_name AS name, name_folded AS folded FROM people WHERE id = ?').get(p.id);
    expect(stored()).toEqual({ name: 'Zoë Nguyễn-Đặng', folded: 'zoe nguyen-dang' });
    await must(ctx, 'people.update', { id: p.id, preferredName: 'Łucja Đặng', dateOfBirth: zoe.dateOfBirth });
    expect(stored()).toEqual({ name: 'Łucja Đặng', folded: 'lucja dang' });
    expect((await must(ctx, 'people.list', { query: 'lucja' })).rows.map((r) => r.preferredName)).toEqual(['Łucja Đặng']);
    expect((await must(ctx, 'people.list', { query: 'zoe' })).total).toBe(0);
    close();
  });

  it('warns of a likely duplicate however the same name and birth date are typed', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const first = await must(ctx, 'people.create', zoe);
    for (const preferredName of ['ZOË NGUYỄN-ĐẶNG', 'Zoë Nguyễn-đặng', decomposed, ' zoe  nguyen-dang ']) {
      expect(await must(ctx, 'people.findDuplicates', { preferredName, dateOfBirth: zoe.dateOfBirth }), preferredName).toEqual([
        expect.objectContaining({ caseId: first.caseId, reason: 'name_and_birth' }),
      ]);
      const refused = await call(ctx, 'people.create', { ...zoe, preferredName });
      expect(refused.ok ? 'created' : refused.error.code, preferredName).toBe('CONFLICT');
    }
    expect(await must(ctx, 'people.findDuplicates', { preferredName: 'Zoë Nguyễn', dateOfBirth: zoe.dateOfBirth })).toEqual([]);
    expect(await must(ctx, 'people.findDuplicates', { preferredName: 'ZOË NGUYỄN-ĐẶNG', dateOfBirth: '1988-04-13' })).toEqual([]);
    expect((await must(ctx, 'people.list', {})).total).toBe(1);
    close();
  });

  it('keeps given and family names beside the preferred name, and finds and matches people on any of them', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const sam = await must(ctx, 'people.create', { ...jo, nhsNumber: null, preferredName: 'Sam', givenName: ' Samuel ', familyName: 'Okafor-Nu\u0301n\u0303ez' });
    expect([sam.preferredName, sam.givenName, sam.familyName]).toEqual(['Sam', 'Samuel', 'Okafor-Núñez']);
    await must(ctx, 'people.create', { ...jo, nhsNumber: null, preferredName: 'Ann Example', dateOfBirth: '1970-05-05' });
    const names = async (query: string) => (await must(ctx, 'people.list', { query })).rows.map((r) => r.preferredName);
    for (const query of ['okafor', 'NUNEZ', 'Samuel', 'samuel okafor-núñez', 'sam okafor']) expect(await names(query), query).toEqual(['Sam']);
    // A search's words fall inside one name, never across two.
    expect(await names('nunez sam')).toEqual([]);

    // Someone new with the same birth date and any name in common is a likely duplicate.
    const dupes = async (n: { preferredName: string; givenName?: string; familyName?: string }) => (await must(ctx, 'people.findDuplicates', { ...n, dateOfBirth: jo.dateOfBirth })).map((d) => d.caseId);
    expect(await dupes({ preferredName: 'Samuel Okafor-Nunez' })).toEqual([sam.caseId]);
    expect(await dupes({ preferredName: 'Sammy', givenName: 'SAMUEL', familyName: 'okafor-nunez' })).toEqual([sam.caseId]);
    expect(await dupes({ preferredName: 'Sam O', familyName: 'Okafor-Núñez' })).toEqual([]);
    expect(await dupes({ preferredName: 'Samuel' })).toEqual([]);
    expect(await dupes({ preferredName: 'Okafor-Núñez' })).toEqual([]);
    const refused = await call(ctx, 'people.create', { ...jo, nhsNumber: null, preferredName: 'Samuel Okafor-Núñez' });
    expect(refused.ok ? 'created' : refused.error.code).toBe('CONFLICT');

    // Clearing the family name takes it out of search.
    await must(ctx, 'people.update', { id: sam.id, preferredName: 'Sam', givenName: 'Samuel', familyName: '', dateOfBirth: jo.dateOfBirth });
    expect((await must(ctx, 'people.get', { id: sam.id })).familyName).toBeNull();
    expect(await names('okafor')).toEqual([]);
    expect(await names('samuel')).toEqual(['Sam']);
    close();
  });

  it('sorts by name whatever the case and accents, a page at a time', async () => {
    const { ctx, close } = await newWorkspace(dir);
    for (const [i, preferredName] of ['Zoë', 'Ábel', 'adam', 'Åsa', 'BEN', 'Abel Smith', 'Ōta', 'éric'].entries()) {
      await must(ctx, 'people.create', { ...jo, nhsNumber: null, preferredName, dateOfBirth: `1990-01-${String(i + 1).padStart(2, '0')}` });
    }
    const sorted = ['Ábel', 'Abel Smith', 'adam', 'Åsa', 'BEN', 'éric', 'Ōta', 'Zoë'];
    expect((await must(ctx, 'people.list', { sort: 'name' })).rows.map((r) => r.preferredName)).toEqual(sorted);
    const second = await must(ctx, 'people.list', { sort: 'name', offset: 3, limit: 3 });
    expect(second.rows.map((r) => r.preferredName)).toEqual(sorted.slice(3, 6));
    expect(second.total).toBe(8);
    close();
  });
});
