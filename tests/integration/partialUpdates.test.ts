// Updates are patches: each `*.update` changes the fields sent and nothing else, so a form that
// does not hold a field (or an older form, after a field was added) cannot overwrite it. Each test
// changes one field of a record filled in everywhere and compares the stored row, column by column.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import { call, daysAgo, must, newWorkspace, referral, snapshot, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
let ctx: AppContext;
let close: () => void;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  ({ ctx, close } = await newWorkspace(dir));
});
afterEach(() => {
  close();
  cleanup();
});

type Row = Record<string, unknown>;
const row = (table: string, where: string, id: number): Row => ctx.session!.db.prepare(`SELECT * FROM ${table} WHERE ${where} = ?`).get(id) as Row;

/** The columns whose stored value differs, less the stamp of when it was changed. */
function changed(before: Row, after: Row): string[] {
  return Object.keys(after).filter((k) => k !== 'updated_at' && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** A person with every detail filled in (none left at its default), and a record of every kind. */
async function fullRecord() {
  const [site] = await must(ctx, 'sites.save', { name: 'Riverside', odsCode: 'RQM01' });
  const p = await must(ctx, 'people.create', {
    preferredName: 'Ama Mensah',
    nhsNumber: '943 476 5919',
    hospitalNumber: '00123456',
    dateOfBirth: '1985-04-12',
    genderIdentity: '2',
    sexualOrientation: '3',
    ethnicCategory: 'N',
    borough: 'E09000022',
    firstLanguage: 'Twi',
    interpreterNeeded: true,
    phone: '07700 900123',
    email: 'ama@example.org',
    contactConsent: ['phone', 'email'],
    safeToLeaveMessage: true,
    diagnosisMonth: daysAgo(90).slice(0, 7),
    clinicSiteId: site.id,
    ...referral(daysAgo(60)),
    referrerOrganisation: 'Riverside GUM',
    referralReasons: 'Newly diagnosed',
    reEngaging: true,
  });
  const episodeId = p.episodes[0].id;
  await must(ctx, 'contacts.create', { episodeId, contactOn: daysAgo(50), startTime: '10:30', minutes: 45, mode: 'in_clinic', type: 'one_to_one', attendance: 'attended', topics: ['stigma', 'isolation'], note: 'First meeting' });
  await must(ctx, 'goals.create', { episodeId, description: 'Tell my sister', area: 'telling_others', setOn: daysAgo(49), reviewBy: daysAgo(10) });
  await must(ctx, 'signposting.create', { episodeId, serviceType: 'benefits_advice', madeOn: daysAgo(48), organisation: 'Citizens Advice', outcome: 'accessed', note: 'PIP form' });
  const record = await must(ctx, 'risks.raise', { personId: p.id, episodeId, raisedOn: daysAgo(40), description: 'Low mood', actionTaken: 'Told the duty doctor', escalated: true, escalatedOn: daysAgo(40) });
  const event = await must(ctx, 'groups.create', { type: 'support_group', title: 'Living well', heldOn: daysAgo(30), startTime: '18:00', facilitator: 'Sam Peer', siteId: site.id, notes: 'Upstairs room' });
  const e = record.episodes[0];
  return { person: record, episodeId, contactId: e.contacts[0].id, goalId: e.goals[0].id, signpostingId: e.signposting[0].id, riskId: record.riskFlags[0].id, eventId: event.id };
}

describe('an update changes only the fields sent', () => {
  it('people.update: one detail, and the rest of the person as stored (the folded name, the latest episode, every other detail)', async () => {
    const { person } = await fullRecord();
    const before = row('people', 'id', person.id);
    const after = await must(ctx, 'people.update', { id: person.id, firstLanguage: 'Ga' });
    expect(changed(before, row('people', 'id', person.id))).toEqual(['first_language']);
    expect(after).toMatchObject({ firstLanguage: 'Ga', interpreterNeeded: true, contactConsent: ['phone', 'email'], safeToLeaveMessage: true, borough: 'E09000022', siteName: 'Riverside' });
    // A new name brings its folded form with it, and nothing else.
    const named = row('people', 'id', person.id);
    await must(ctx, 'people.update', { id: person.id, preferredName: 'Amá Mensah-Boateng' });
    expect(changed(named, row('people', 'id', person.id))).toEqual(['preferred_name', 'name_folded']);
  });

  it('people.update: a column the details form does not know keeps its value when the form saves everything it holds', async () => {
    const { person } = await fullRecord();
    // As if a field had been added to the table and not yet to the form.
    ctx.session!.db.exec("ALTER TABLE people ADD COLUMN pronouns TEXT; UPDATE people SET pronouns = 'she/her'");
    const { id, caseId: _c, createdAt: _a, createdByName: _b, updatedAt: _u, ageBand: _g, siteName: _s, siteOdsCode: _o, episodes: _e, riskFlags: _r, groups: _p, ...details } = person;
    const before = row('people', 'id', id);
    await must(ctx, 'people.update', { id, ...(details as object), phone: '07700 900999' });
    expect(changed(before, row('people', 'id', id))).toEqual(['phone']);
    expect(row('people', 'id', id).pronouns).toBe('she/her');
  });

  it('people.update: a detail sent alone is checked against the details stored, and refused with its reason, changing nothing', async () => {
    const { person } = await fullRecord();
    await must(ctx, 'people.update', { id: person.id, contactConsent: ['phone'], email: null });
    const before = snapshot(ctx);
    const refused = await call(ctx, 'people.update', { id: person.id, contactConsent: ['email'] });
    expect(refused.ok ? 'saved' : refused.error).toEqual({ code: 'VALIDATION', message: 'Some details need checking.', fields: { email: 'Add the email address they agreed we may use.' } });
    expect(snapshot(ctx)).toEqual(before);
  });

  it('episodes.updateReferral: one field of the referral', async () => {
    const { episodeId } = await fullRecord();
    const before = row('episodes', 'id', episodeId);
    const after = await must(ctx, 'episodes.updateReferral', { episodeId, referrerOrganisation: 'North GUM' });
    expect(changed(before, row('episodes', 'id', episodeId))).toEqual(['referrer_organisation']);
    expect(after.episodes[0]).toMatchObject({ referrerOrganisation: 'North GUM', referralReasons: 'Newly diagnosed', reEngaging: true, newlyDiagnosed: true, referralStatus: 'engaged' });
  });

  it('contacts.update: the note, keeping the time, length, attendance and topics', async () => {
    const { contactId } = await fullRecord();
    const before = row('contacts', 'id', contactId);
    const after = await must(ctx, 'contacts.update', { id: contactId, note: 'First meeting, in the garden' });
    expect(changed(before, row('contacts', 'id', contactId))).toEqual(['note']);
    expect(after.episodes[0].contacts[0]).toMatchObject({ startTime: '10:30', minutes: 45, attendance: 'attended', topics: ['stigma', 'isolation'] });
  });

  it('goals.update: the review date', async () => {
    const { goalId } = await fullRecord();
    const before = row('goals', 'id', goalId);
    await must(ctx, 'goals.update', { id: goalId, reviewBy: daysAgo(5) });
    expect(changed(before, row('goals', 'id', goalId))).toEqual(['review_by']);
  });

  it('signposting.update: the note, keeping the outcome', async () => {
    const { signpostingId } = await fullRecord();
    const before = row('signposting', 'id', signpostingId);
    await must(ctx, 'signposting.update', { id: signpostingId, note: 'PIP form sent' });
    expect(changed(before, row('signposting', 'id', signpostingId))).toEqual(['note']);
    expect(row('signposting', 'id', signpostingId).outcome).toBe('accessed');
  });

  it('risks.update: the action taken, keeping the escalation and its date', async () => {
    const { riskId } = await fullRecord();
    const before = row('risk_flags', 'id', riskId);
    await must(ctx, 'risks.update', { id: riskId, actionTaken: 'Told the duty doctor; GP letter sent' });
    expect(changed(before, row('risk_flags', 'id', riskId))).toEqual(['action_taken']);
    // Ending the escalation clears its date with it.
    await must(ctx, 'risks.update', { id: riskId, escalated: false });
    expect(row('risk_flags', 'id', riskId)).toMatchObject({ escalated: 0, escalated_on: null, action_taken: 'Told the duty doctor; GP letter sent' });
  });

  it('groups.update: the notes, keeping the title, time, facilitator and site', async () => {
    const { eventId } = await fullRecord();
    const before = row('group_events', 'id', eventId);
    const after = await must(ctx, 'groups.update', { id: eventId, notes: 'Ground floor this time' });
    expect(changed(before, row('group_events', 'id', eventId))).toEqual(['notes']);
    expect(after).toMatchObject({ title: 'Living well', startTime: '18:00', facilitator: 'Sam Peer', notes: 'Ground floor this time' });
  });
});
