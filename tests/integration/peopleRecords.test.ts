// Editing people, duplicates, sort and filters, sites, settings, groups.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, daysAgo, must, newWorkspace, referral, snapshot, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const grace = { preferredName: 'Grace Example', nhsNumber: '943 476 5919', dateOfBirth: '1979-09-09', ...referral(daysAgo(10)) };

describe('people', () => {
  it('warns of a likely duplicate by NHS Number or by name and date of birth, and refuses it unless confirmed', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const first = await must(ctx, 'people.create', grace);
    expect(await must(ctx, 'people.findDuplicates', { nhsNumber: '9434765919', preferredName: 'Someone' })).toEqual([
      expect.objectContaining({ caseId: first.caseId, reason: 'nhs_number' }),
    ]);
    expect(await must(ctx, 'people.findDuplicates', { preferredName: ' grace example ', dateOfBirth: '1979-09-09' })).toEqual([
      expect.objectContaining({ caseId: first.caseId, reason: 'name_and_birth' }),
    ]);
    expect(await must(ctx, 'people.findDuplicates', { preferredName: 'Grace Example', dateOfBirth: '1979-09-10' })).toEqual([]);
    const before = snapshot(ctx);
    const refused = await call(ctx, 'people.create', { ...grace, nhsNumber: null });
    expect(refused.ok ? 'created' : refused.error).toEqual(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining(first.caseId) }));
    expect(snapshot(ctx)).toEqual(before);
    const second = await must(ctx, 'people.create', { ...grace, nhsNumber: null, allowDuplicate: true });
    expect(second.caseId).not.toBe(first.caseId);
    close();
  });

  it('edits every detail, codes checked, and recalculates newly diagnosed', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const p = await must(ctx, 'people.create', grace);
    expect(p.episodes[0].newlyDiagnosed).toBe(false);
    const sites = await must(ctx, 'sites.save', { name: 'Riverside Clinic', odsCode: 'rqm01' });
    const r = await must(ctx, 'people.update', {
      id: p.id,
      preferredName: 'Grace E.',
      nhsNumber: '9434765919',
      hospitalNumber: '00123456',
      dateOfBirth: '1979-09-09',
      genderIdentity: '2',
      sexualOrientation: '1',
      ethnicCategory: 'N',
      borough: 'E09000022',
      firstLanguage: 'French',
      interpreterNeeded: true,
      phone: '07700 900123',
      contactConsent: ['phone', 'sms'],
      safeToLeaveMessage: false,
      diagnosisMonth: daysAgo(60).slice(0, 7),
      clinicSiteId: sites[0].id,
    });
    expect(r).toMatchObject({ preferredName: 'Grace E.', hospitalNumber: '00123456', ethnicCategory: 'N', borough: 'E09000022', siteName: 'Riverside Clinic', siteOdsCode: 'RQM01', contactConsent: ['phone', 'sms'] });
    expect(r.episodes[0].newlyDiagnosed).toBe(true);
    const badCode = await call(ctx, 'people.update', { id: p.id, preferredName: 'x', dateOfBirth: '1979-09-09', ethnicCategory: 'Q' as 'A' });
    expect(badCode.ok ? 'saved' : badCode.error.fields).toEqual({ ethnicCategory: 'Choose one of the options.' });
    const noEmail = await call(ctx, 'people.update', { id: p.id, preferredName: 'x', dateOfBirth: '1979-09-09', contactConsent: ['email'] });
    expect(noEmail.ok ? 'saved' : noEmail.error.fields).toEqual({ email: 'Add the email address they agreed we may use.' });
    // An update is a patch: the diagnosis month stays as stored unless sent, so it is sent here.
    const later = await call(ctx, 'people.update', { id: p.id, preferredName: 'x', dateOfBirth: daysAgo(1), diagnosisMonth: null });
    expect(later.ok ? 'saved' : later.error.fields).toEqual({ dateOfBirth: 'The date of birth cannot be after the person was referred.' });
    close();
  });

  it('sorts by name, referral date and last contact, and filters by pathway, site and status', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const [site] = await must(ctx, 'sites.save', { name: 'North', odsCode: 'RAP01' });
    const b = await must(ctx, 'people.create', { ...grace, preferredName: 'Bea', nhsNumber: null, ...referral(daysAgo(3)), pathway: 'opt_out_reengagement', clinicSiteId: site.id });
    const a = await must(ctx, 'people.create', { ...grace, preferredName: 'alf', nhsNumber: null, ...referral(daysAgo(9)) });
    await must(ctx, 'people.create', { ...grace, preferredName: 'Cy', nhsNumber: null, ...referral(daysAgo(6)) });
    await must(ctx, 'contacts.create', { episodeId: a.episodes[0].id, contactOn: daysAgo(1), mode: 'phone', type: 'one_to_one', attendance: 'attended' });
    await must(ctx, 'episodes.close', { episodeId: b.episodes[0].id, closedOn: daysAgo(0), reason: 'person_ended' });
    const names = async (q: object) => (await must(ctx, 'people.list', q)).rows.map((r) => r.preferredName);
    expect(await names({ sort: 'name' })).toEqual(['alf', 'Bea', 'Cy']);
    expect(await names({ sort: 'referred' })).toEqual(['Bea', 'Cy', 'alf']);
    expect(await names({ sort: 'waitingLongest' })).toEqual(['alf', 'Cy', 'Bea']);
    expect(await names({ sort: 'lastContact' })).toEqual(['alf', 'Cy', 'Bea']);
    expect(await names({ sort: 'recent' })).toEqual(['Cy', 'alf', 'Bea']);
    expect(await names({ pathway: 'opt_out_reengagement' })).toEqual(['Bea']);
    expect(await names({ siteId: site.id })).toEqual(['Bea']);
    expect(await names({ status: 'closed' })).toEqual(['Bea']);
    expect(await names({ status: 'open', sort: 'name' })).toEqual(['alf', 'Cy']);
    const page = await must(ctx, 'people.list', { status: 'open', limit: 1 });
    expect(page.total).toBe(2);
    close();
  });
});

describe('sites and settings', () => {
  it('saves sites with ODS codes, refusing a clash or a bad code', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const [s] = await must(ctx, 'sites.save', { name: 'Riverside', odsCode: ' rqm01 ' });
    expect(s).toMatchObject({ name: 'Riverside', odsCode: 'RQM01', active: true });
    expect(await call(ctx, 'sites.save', { name: 'Other', odsCode: 'RQM01' })).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT', fields: { odsCode: expect.any(String) } }) });
    expect(await call(ctx, 'sites.save', { name: 'Other', odsCode: 'RQM-01' })).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', fields: { odsCode: expect.stringMatching(/1 to 9 letters/) } }) });
    const renamed = await must(ctx, 'sites.save', { id: s.id, name: 'Riverside Centre', odsCode: 'RQM01', active: false });
    expect(renamed).toEqual([{ id: s.id, name: 'Riverside Centre', odsCode: 'RQM01', active: false }]);
    close();
  });

  it('keeps settings within their limits', async () => {
    const { ctx, close } = await newWorkspace(dir);
    expect(await must(ctx, 'settings.get', {})).toMatchObject({ idleLockMinutes: 5, newlyDiagnosedMonths: 12, firstContactOverdueWorkingDays: 5, inactiveWeeks: 6, assessmentIntervalWeeks: 12, enabledInstruments: ['phq9', 'gad7', 'ons4'] });
    expect((await call(ctx, 'settings.update', { idleLockMinutes: 30 })).ok).toBe(false);
    expect(await must(ctx, 'settings.update', { inactiveWeeks: 8 })).toMatchObject({ inactiveWeeks: 8, idleLockMinutes: 5 });
    close();
  });
});

describe('groups and workshops', () => {
  it('registers people, marks attendance, and counts registered against attended', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const people = await Promise.all(['Ann', 'Ben', 'Cat'].map((n) => must(ctx, 'people.create', { ...grace, preferredName: n, nhsNumber: null })));
    let event = await must(ctx, 'groups.create', { type: 'recently_diagnosed_workshop', title: 'Living well', heldOn: daysAgo(2), facilitator: 'Sam Peer' });
    for (const p of people) event = await must(ctx, 'groups.setRegistration', { eventId: event.id, personId: p.id, registered: true, attended: null });
    event = await must(ctx, 'groups.setRegistration', { eventId: event.id, personId: people[0].id, registered: true, attended: true });
    event = await must(ctx, 'groups.setRegistration', { eventId: event.id, personId: people[1].id, registered: true, attended: true });
    event = await must(ctx, 'groups.setRegistration', { eventId: event.id, personId: people[2].id, registered: true, attended: false });
    expect(event).toMatchObject({ registered: 3, attended: 2, droppedOut: 1 });
    expect(event.participants.map((p) => [p.preferredName, p.attended])).toEqual([
      ['Ann', true],
      ['Ben', true],
      ['Cat', false],
    ]);
    expect(await must(ctx, 'groups.list', {})).toEqual([expect.objectContaining({ id: event.id, registered: 3, attended: 2 })]);
    event = await must(ctx, 'groups.removeRegistration', { eventId: event.id, personId: people[2].id });
    expect(event).toMatchObject({ registered: 2, attended: 2 });
    const record = await must(ctx, 'people.get', { id: people[0].id });
    expect(record.groups).toEqual([expect.objectContaining({ eventId: event.id, attended: true, title: 'Living well' })]);
    // Only what is sent changes: the title, not sent, is kept.
    const updated = await must(ctx, 'groups.update', { id: event.id, type: 'support_group', heldOn: daysAgo(2), facilitator: 'Jo' });
    expect(updated).toMatchObject({ type: 'support_group', facilitator: 'Jo', title: 'Living well' });
    expect((await call(ctx, 'groups.get', { id: 999 })).ok).toBe(false);
    close();
  });
});
