// The programme's own lists as data: a coordinator adds, renames and retires entries; a used code
// is never deleted; retired codes stay on old records but are not offered for new ones; the trust's
// codes reach exports; a trust's profile file sets the lists, asking first.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIST_DEFINITIONS, LIST_KEYS } from '../../core/domain/programmeLists';
import { PROFILE_FILE_FORMAT } from '../../core/domain/export/profile';
import { custom } from '../../core/domain/export/periods';
import type { AppContext } from '../../core/api/context';
import { call, daysAgo, must, newWorkspace, REPORTER_PASSPHRASE, referral, teamWorkspace, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('lists-')));
afterEach(() => cleanup());

const listOf = async (ctx: AppContext, key: string) => (await must(ctx, 'lists.get', {})).find((l) => l.key === key)!;
const codesOf = async (ctx: AppContext, key: string, active = true) => (await listOf(ctx, key)).items.filter((i) => !active || !i.retiredAt).map((i) => i.code);

async function personWithEpisode(ctx: AppContext) {
  const r = await must(ctx, 'people.create', { preferredName: 'Jo Lists', dateOfBirth: '1985-03-02', ...referral(daysAgo(30)) });
  return { personId: r.id, episodeId: r.episodes[0].id };
}

describe('programme lists', () => {
  it('start as today’s codes, in today’s order, with no trust codes', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const lists = await must(ctx, 'lists.get', {});
    expect(lists.map((l) => l.key)).toEqual([...LIST_KEYS]);
    for (const l of lists) {
      expect(l.items.map((i) => ({ code: i.code, label: i.label })), l.key).toEqual(LIST_DEFINITIONS[l.key].seed.map((c) => ({ code: c.code, label: c.label })));
      expect(l.items.every((i) => i.trustCode === null && i.retiredAt === null && i.used === 0)).toBe(true);
    }
    close();
  });

  it('a coordinator adds, renames and retires a support type; a retired one is refused for new contacts, yet old ones stay valid and read by name', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const { episodeId } = await personWithEpisode(ctx);

    // Added: its code made once from the label, offered at once and accepted on a new contact.
    const added = await must(ctx, 'lists.add', { list: 'contact_type', label: 'Life coaching' });
    expect(added.find((l) => l.key === 'contact_type')!.items.at(-1)).toMatchObject({ code: 'life_coaching', label: 'Life coaching', retiredAt: null, used: 0 });
    const contact = { contactOn: daysAgo(3), type: 'life_coaching', mode: 'phone', attendance: 'attended' } as const;
    const record = await must(ctx, 'contacts.create', { episodeId, ...contact });
    const contactId = record.episodes[0].contacts[0].id;

    // Renamed: the code stays, so the record keeps it and now reads with the new words.
    await must(ctx, 'lists.change', { list: 'contact_type', code: 'life_coaching', label: 'Life coaching (1-to-1)' });
    expect((await listOf(ctx, 'contact_type')).items.find((i) => i.code === 'life_coaching')).toMatchObject({ label: 'Life coaching (1-to-1)', used: 1 });
    expect((await must(ctx, 'people.get', { id: record.id })).episodes[0].contacts[0].type).toBe('life_coaching');
    // A second entry with the same words is refused, beside the field.
    expect(await call(ctx, 'lists.add', { list: 'contact_type', label: 'life coaching (1-to-1)' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { label: expect.stringMatching(/already in the list/) } } });

    // Retired: no longer offered, refused on a new contact, but the old contact is still valid as
    // it is (a change to its other fields saves) and may not be moved to another retired code.
    await must(ctx, 'lists.change', { list: 'contact_type', code: 'life_coaching', retired: true });
    expect(await codesOf(ctx, 'contact_type')).toEqual(['one_to_one', 'accompaniment', 'signposting_only']);
    expect(await call(ctx, 'contacts.create', { episodeId, ...contact })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { type: 'Choose one of the options.' } } });
    const changed = await must(ctx, 'contacts.update', { id: contactId, ...contact, minutes: 45 });
    expect(changed.episodes[0].contacts[0]).toMatchObject({ type: 'life_coaching', minutes: 45 });
    await must(ctx, 'lists.change', { list: 'contact_mode', code: 'video', retired: true });
    expect(await call(ctx, 'contacts.update', { id: contactId, mode: 'video' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { mode: 'Choose one of the options.' } } });
    // A code no list has ever held is refused too.
    expect(await call(ctx, 'contacts.create', { episodeId, ...contact, type: 'made_up' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { type: 'Choose one of the options.' } } });

    // Brought back, it is offered and accepted again.
    await must(ctx, 'lists.change', { list: 'contact_type', code: 'life_coaching', retired: false });
    expect((await must(ctx, 'contacts.create', { episodeId, ...contact })).episodes[0].contacts).toHaveLength(2);
    close();
  });

  it('a used code is never deleted; an unused one may be; the last one in use cannot go', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const { episodeId } = await personWithEpisode(ctx);
    await must(ctx, 'signposting.create', { episodeId, serviceType: 'housing', madeOn: daysAgo(2) });
    const refused = await call(ctx, 'lists.remove', { list: 'signposting_category', code: 'housing' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/is on 1 record, so it cannot be deleted. Retire it instead/) } });
    expect(await codesOf(ctx, 'signposting_category')).toContain('housing');

    await must(ctx, 'lists.add', { list: 'signposting_category', label: 'Hypnotherapy' });
    const after = await must(ctx, 'lists.remove', { list: 'signposting_category', code: 'hypnotherapy' });
    expect(after.find((l) => l.key === 'signposting_category')!.items.map((i) => i.code)).not.toContain('hypnotherapy');

    // Event modes hold two entries: retiring one leaves one, and that one cannot be retired or deleted.
    await must(ctx, 'lists.change', { list: 'event_mode', code: 'online', retired: true });
    expect(await call(ctx, 'lists.change', { list: 'event_mode', code: 'in_person', retired: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(ctx, 'lists.remove', { list: 'event_mode', code: 'in_person' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    close();
  });

  it('a retired closure reason and referral source stay on the records that hold them', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const { personId, episodeId } = await personWithEpisode(ctx);
    await must(ctx, 'episodes.updateReferral', { episodeId, referralSource: 'gp' });
    await must(ctx, 'lists.change', { list: 'referral_source', code: 'gp', retired: true });
    // The episode keeps its retired source, and a change to its referral saves with it.
    const kept = await must(ctx, 'episodes.updateReferral', { episodeId, referralSource: 'gp', referrerOrganisation: 'Riverside GP' });
    expect(kept.episodes[0]).toMatchObject({ referralSource: 'gp', referrerOrganisation: 'Riverside GP' });
    await must(ctx, 'episodes.close', { episodeId, closedOn: daysAgo(1), reason: 'moved_away' });
    await must(ctx, 'lists.change', { list: 'closure_reason', code: 'moved_away', retired: true });
    const closed = await must(ctx, 'people.get', { id: personId });
    expect(closed.episodes[0]).toMatchObject({ referralSource: 'gp', closure: { reason: 'moved_away' } });
    // A new episode cannot take them.
    expect(await call(ctx, 'episodes.create', { personId, ...referral(daysAgo(0)), referralSource: 'gp' })).toMatchObject({ ok: false, error: { fields: { referralSource: 'Choose one of the options.' } } });
    close();
  });

  it('only a coordinator edits the lists: a reporting-only member is refused and nothing changes', async () => {
    const { ctx, close } = await teamWorkspace(dir);
    await must(ctx, 'session.lock', {});
    await must(ctx, 'session.unlock', { passphrase: REPORTER_PASSPHRASE });
    // Everyone reads them (every screen labels codes with them).
    expect((await must(ctx, 'lists.get', {})).length).toBe(LIST_KEYS.length);
    for (const [name, input] of [
      ['lists.add', { list: 'contact_type', label: 'Counselling' }],
      ['lists.change', { list: 'contact_type', code: 'one_to_one', label: 'Renamed' }],
      ['lists.remove', { list: 'contact_type', code: 'one_to_one' }],
    ] as const) {
      expect(await call(ctx, name, input as never), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await listOf(ctx, 'contact_type')).items.map((i) => i.label)).toEqual(LIST_DEFINITIONS.contact_type.seed.map((c) => c.label));
    close();
  });
});

describe('trust codes and the trust’s profile file', () => {
  const period = () => custom(daysAgo(40), daysAgo(0));

  it('an export in the “code” style writes the trust’s code where it set one, ours elsewhere, and the label style the new words', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const a = await personWithEpisode(ctx);
    await must(ctx, 'episodes.close', { episodeId: a.episodeId, closedOn: daysAgo(1), reason: 'goals_met' });
    const b = await must(ctx, 'people.create', { preferredName: 'Second Person', dateOfBirth: '1990-01-01', referralReceivedOn: daysAgo(20), referralSource: 'self', pathway: 'other' });
    await must(ctx, 'lists.change', { list: 'referral_source', code: 'opt_out_clinic', trustCode: 'R01' });
    await must(ctx, 'lists.change', { list: 'closure_reason', code: 'goals_met', trustCode: 'CL-GM', label: 'Goals met: discharged' });
    const columns = [{ id: 'case_id' }, { id: 'referral_source' }, { id: 'closure_reason' }];
    await must(ctx, 'exports.saveProfile', { id: 'trust-codes', name: 'Trust codes', dataset: 'referrals', columns, codeStyle: 'code' });
    await must(ctx, 'exports.saveProfile', { id: 'trust-both', name: 'Trust both', dataset: 'referrals', columns, codeStyle: 'both' });
    const read = async (profileId: string) => {
      const r = await must(ctx, 'exports.run', { profileId, period: period() });
      const rows = parse(readFileSync(r.location), { bom: true }) as string[][];
      return Object.fromEntries(rows.slice(1).map((row) => [row[0], row.slice(1)]));
    };
    const caseA = (await must(ctx, 'people.get', { id: a.personId })).caseId;
    const caseB = (await must(ctx, 'people.get', { id: b.id })).caseId;
    const coded = await read('trust-codes');
    expect(coded[caseA]).toEqual(['R01', 'CL-GM']);
    expect(coded[caseB]).toEqual(['self', '']);
    const both = await read('trust-both');
    expect(both[caseA]).toEqual(['R01 Opt-out pathway from HIV clinic', 'CL-GM Goals met: discharged']);
    close();
  });

  it('a profile file carries the lists; importing them asks first, then adds, renames and retires (never deleting a used code)', async () => {
    // The trust's coordinator sets the lists once and saves the profile file…
    const trust = await newWorkspace(dir + '/trust');
    await must(trust.ctx, 'lists.add', { list: 'contact_type', label: 'Counselling', trustCode: 'CNS' });
    await must(trust.ctx, 'lists.add', { list: 'contact_type', label: 'Hypnotherapy', trustCode: 'HYP' });
    await must(trust.ctx, 'lists.change', { list: 'contact_type', code: 'accompaniment', retired: true });
    await must(trust.ctx, 'lists.remove', { list: 'contact_type', code: 'signposting_only' });
    await must(trust.ctx, 'lists.change', { list: 'contact_type', code: 'one_to_one', label: 'Peer mentoring' });
    await must(trust.ctx, 'exports.saveProfile', { id: 'trust-q', name: 'Trust quarterly', dataset: 'referrals', columns: [{ id: 'referral_id' }] });
    const file = await must(trust.ctx, 'exports.saveProfileFile', { id: 'trust-q' });
    const json = readFileSync(file.location, 'utf8');
    expect(JSON.parse(json).lists.contact_type).toEqual([
      { code: 'one_to_one', label: 'Peer mentoring', trustCode: null, retired: false },
      { code: 'accompaniment', label: 'Accompaniment to an appointment', trustCode: null, retired: true },
      { code: 'counselling', label: 'Counselling', trustCode: 'CNS', retired: false },
      { code: 'hypnotherapy', label: 'Hypnotherapy', trustCode: 'HYP', retired: false },
    ]);
    trust.close();

    // …and a clinic that has used "signposting only" imports it.
    const clinic = await newWorkspace(dir + '/clinic');
    const { ctx } = clinic;
    const { episodeId } = await personWithEpisode(ctx);
    await must(ctx, 'contacts.create', { episodeId, contactOn: daysAgo(2), type: 'signposting_only', mode: 'phone', attendance: 'attended' });
    const asked = await call(ctx, 'exports.importProfile', { json });
    expect(asked).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { lists: 'would_change' }, message: expect.stringContaining('Support and contact types (2 added, 1 renamed, 2 retired)') },
    });
    // Asking changed nothing: neither the lists nor the profiles.
    expect(await codesOf(ctx, 'contact_type')).toEqual(['one_to_one', 'accompaniment', 'signposting_only']);
    expect((await must(ctx, 'exports.profiles', {})).some((p) => p.id === 'trust-q')).toBe(false);

    // Keeping the clinic's lists imports the profile alone.
    await must(ctx, 'exports.importProfile', { json, lists: 'keep' });
    expect(await codesOf(ctx, 'contact_type')).toEqual(['one_to_one', 'accompaniment', 'signposting_only']);

    // Applying them: the used code the file leaves out is retired, not deleted, and its contact keeps it.
    await must(ctx, 'exports.importProfile', { json, replace: true, lists: 'apply' });
    const list = await listOf(ctx, 'contact_type');
    expect(list.items.map((i) => [i.code, i.label, i.trustCode, i.retiredAt !== null, i.used])).toEqual([
      ['one_to_one', 'Peer mentoring', null, false, 0],
      ['accompaniment', 'Accompaniment to an appointment', null, true, 0],
      ['counselling', 'Counselling', 'CNS', false, 0],
      ['hypnotherapy', 'Hypnotherapy', 'HYP', false, 0],
      ['signposting_only', 'Signposting only', null, true, 1],
    ]);
    // The other lists were the same in both, so they did not change.
    expect(await codesOf(ctx, 'closure_reason')).toEqual(LIST_DEFINITIONS.closure_reason.seed.map((c) => c.code));
    // The same file again changes nothing, so nothing is asked.
    expect((await call(ctx, 'exports.importProfile', { json, replace: true })).ok).toBe(true);
    // The new codes are offered for new records at once.
    expect((await must(ctx, 'contacts.create', { episodeId, contactOn: daysAgo(1), type: 'counselling', mode: 'in_clinic', attendance: 'attended' })).episodes[0].contacts).toHaveLength(2);
    clinic.close();
  });

  it('refuses a file whose lists are malformed, changing nothing', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const profile = { id: 'trust-q', name: 'Trust quarterly', dataset: 'referrals', columns: [{ id: 'referral_id' }] };
    const bad = JSON.stringify({ format: PROFILE_FILE_FORMAT, version: 1, profile, lists: { contact_type: [{ code: 'Not A Code', label: 'x' }] } });
    expect(await call(ctx, 'exports.importProfile', { json: bad, lists: 'apply' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const allRetired = JSON.stringify({ format: PROFILE_FILE_FORMAT, version: 1, profile, lists: { contact_type: [{ code: 'one_to_one', label: 'x', retired: true }] } });
    expect(await call(ctx, 'exports.importProfile', { json: allRetired, lists: 'apply' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await codesOf(ctx, 'contact_type')).toEqual(['one_to_one', 'accompaniment', 'signposting_only']);
    close();
  });
});
