// Putting mistakes right (issue 16, item 3), through the API on a real encrypted caseload: edits
// of assessments (scored again), attempts and engagement reviews; removals; "entered in error";
// merging two records of one person; deleting a person added by mistake; and who may do each.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import { FORBIDDEN_MESSAGE } from '../../core/domain/roles';
import { auditCount, auditSince, call, daysAgo, must, newWorkspace, referral, REPORTER_PASSPHRASE, signInAs, snapshotWithoutAudit, teamWorkspace, tempDir, WORKER_PASSPHRASE } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const phq = (values: (number | null)[]) => Object.fromEntries(values.map((v, i) => [`q${i + 1}`, v]));
const db = (ctx: AppContext) => ctx.session!.db;

async function personWithEpisode(ctx: AppContext, name = 'Ama Mensah', dateOfBirth = '1985-04-12') {
  const p = await must(ctx, 'people.create', { preferredName: name, dateOfBirth, ...referral(daysAgo(120)) });
  return { personId: p.id, episodeId: p.episodes[0].id, caseId: p.caseId };
}

describe('editing saved records', () => {
  it('an assessment with changed answers is scored again, with its band and the PHQ-9 item 9 risk worked out afresh', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const { episodeId } = await personWithEpisode(ctx);
    await must(ctx, 'contacts.create', { episodeId, contactOn: daysAgo(100), mode: 'in_clinic', type: 'one_to_one', attendance: 'attended', topics: [] });
    let r = await must(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn: daysAgo(90), method: 'self_completed', responses: phq([1, 1, 1, 1, 1, 0, 0, 0, 0]) });
    const a = r.episodes[0].outcomes.assessments[0];
    expect(a.scores.total).toBe(5);
    expect(a.risk).toBe(false);
    expect(r.riskFlags).toHaveLength(0);

    r = await must(ctx, 'assessments.update', { id: a.id, responses: phq([3, 3, 3, 3, 3, 0, 0, 0, 1]) });
    const edited = r.episodes[0].outcomes.assessments[0];
    expect(edited.scores.total).toBe(16);
    expect(edited.bands.total?.label).not.toBe(a.bands.total?.label);
    expect(edited.risk).toBe(true);
    expect(edited.method).toBe('self_completed'); // not sent, not changed
    // Answering item 9 above 0 raises a flag, as recording it would have.
    expect(r.riskFlags).toHaveLength(1);
    expect(db(ctx).prepare('SELECT primary_score FROM assessments WHERE id = ?').get(a.id)).toEqual({ primary_score: 16 });

    // Answers that cannot be scored are refused in recording's words, and nothing changes.
    const before = snapshotWithoutAudit(ctx);
    const refused = await call(ctx, 'assessments.update', { id: a.id, responses: phq([1, null, 1, 1, null, 1, 1, 1, 0]) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'responses.q2': 'Answer this item.' } } });
    expect(snapshotWithoutAudit(ctx)).toEqual(before);
    close();
  });

  it('a contact attempt and an engagement review change only the fields sent, checked on the whole record', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const { episodeId } = await personWithEpisode(ctx);
    let r = await must(ctx, 'attempts.create', { episodeId, attemptedOn: daysAgo(110), method: 'phone', outcome: 'no_answer', note: 'Rang twice' });
    expect(r.episodes[0].referralStatus).toBe('contact_attempted');
    const attempt = r.episodes[0].attempts[0];
    r = await must(ctx, 'attempts.update', { id: attempt.id, outcome: 'spoke_engaged' });
    expect(r.episodes[0].attempts[0]).toMatchObject({ outcome: 'spoke_engaged', note: 'Rang twice', attemptedOn: daysAgo(110) });
    // The status and first contact follow the corrected attempt.
    expect(r.episodes[0].referralStatus).toBe('engaged');
    expect(r.episodes[0].firstContactOn).toBe(daysAgo(110));

    r = await must(ctx, 'engagement.record', { episodeId, reviewedOn: daysAgo(30), viralLoadUndetectable: true, viralLoadOn: daysAgo(35), appointmentsKept: 2, note: 'From clinic letter' });
    const review = r.episodes[0].outcomes.engagement[0];
    r = await must(ctx, 'engagement.update', { id: review.id, appointmentsMissed: 1 });
    expect(r.episodes[0].outcomes.engagement[0]).toMatchObject({ appointmentsKept: 2, appointmentsMissed: 1, note: 'From clinic letter', viralLoadUndetectable: true });
    // The review's own rule, on the review as it would stand: a result date after the review.
    const bad = await call(ctx, 'engagement.update', { id: review.id, viralLoadOn: daysAgo(5) });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { viralLoadOn: 'The result cannot be after the review.' } } });
    close();
  });
});

describe('removing records', () => {
  it('a contact and an attempt go, the referral’s status and dates follow, and the log says what went without its words', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const { personId, episodeId } = await personWithEpisode(ctx);
    await must(ctx, 'attempts.create', { episodeId, attemptedOn: daysAgo(115), method: 'phone', outcome: 'no_answer', note: null });
    let r = await must(ctx, 'contacts.create', { episodeId, contactOn: daysAgo(100), mode: 'in_clinic', type: 'one_to_one', attendance: 'attended', topics: [], note: 'Talked about telling family' });
    expect(r.episodes[0]).toMatchObject({ referralStatus: 'engaged', firstContactOn: daysAgo(100) });
    const lastContact = () => db(ctx).prepare('SELECT last_contact_on AS d FROM episodes WHERE id = ?').get(episodeId);
    expect(lastContact()).toEqual({ d: daysAgo(100) });
    const from = auditCount(ctx);
    r = await must(ctx, 'contacts.remove', { id: r.episodes[0].contacts[0].id });
    expect(r.episodes[0].contacts).toHaveLength(0);
    expect(r.episodes[0]).toMatchObject({ referralStatus: 'contact_attempted', firstContactOn: null });
    expect(lastContact()).toEqual({ d: null });
    const [entry] = auditSince(ctx, from);
    expect(entry).toMatchObject({ action: 'contacts.remove', entity_id: personId });
    expect(JSON.parse(entry.detail!)).toMatchObject({ episodeId, contactOn: daysAgo(100), attendance: 'attended' });
    expect(entry.detail).not.toContain('family');

    r = await must(ctx, 'attempts.remove', { id: r.episodes[0].attempts[0].id });
    expect(r.episodes[0]).toMatchObject({ attempts: [], referralStatus: 'received' });
    expect(await call(ctx, 'attempts.remove', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    close();
  });

  it('a group event goes with its register', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const { personId } = await personWithEpisode(ctx);
    const event = await must(ctx, 'groups.create', { type: 'support_group', title: 'Living well', heldOn: daysAgo(10), facilitator: 'Sam Peer' });
    await must(ctx, 'groups.setRegistration', { eventId: event.id, personId, registered: true, attended: true });
    expect(await must(ctx, 'groups.remove', { id: event.id })).toEqual({ registrations: 1 });
    expect(await must(ctx, 'groups.list', {})).toEqual([]);
    expect((await must(ctx, 'people.get', { id: personId })).groups).toEqual([]);
    expect(auditSince(ctx, 0).at(-2)).toMatchObject({ action: 'groups.remove', entity_id: event.id });
    close();
  });
});

describe('entered in error', () => {
  it('keeps the record with its reason, shows it struck from the person’s lists, and includes it in their copy', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const { personId, episodeId } = await personWithEpisode(ctx);
    let r = await must(ctx, 'contacts.create', { episodeId, contactOn: daysAgo(100), mode: 'phone', type: 'one_to_one', attendance: 'attended', topics: [], note: 'Wrong person’s notes' });
    const contactId = r.episodes[0].contacts[0].id;
    const from = auditCount(ctx);
    r = await must(ctx, 'records.markEnteredInError', { kind: 'contact', id: contactId, reason: 'Logged on the wrong person' });
    expect(r.episodes[0].contacts).toHaveLength(0);
    expect(r.enteredInError).toEqual([
      expect.objectContaining({ kind: 'contact', recordId: contactId, recordedOn: daysAgo(100), reason: 'Logged on the wrong person', note: 'Wrong person’s notes', markedByName: 'Sam Peer' }),
    ]);
    const [entry] = auditSince(ctx, from);
    expect(entry).toMatchObject({ action: 'records.markEnteredInError', entity_id: personId });
    expect(entry.detail).not.toContain('wrong');
    // The reason is required.
    expect(await call(ctx, 'records.markEnteredInError', { kind: 'contact', id: contactId, reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const copy = await must(ctx, 'people.subjectAccess', { id: personId, format: 'csv' });
    const text = readFileSync(copy.location, 'utf8');
    expect(text).toContain('Records entered in error');
    expect(text).toContain('Logged on the wrong person');
    expect(text).toContain('Wrong person’s notes');
    close();
  });

  it('a referral marked in error takes everything recorded in it, keeps risk flags on the person, and the person can be referred again', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const { personId, episodeId } = await personWithEpisode(ctx);
    await must(ctx, 'contacts.create', { episodeId, contactOn: daysAgo(100), mode: 'phone', type: 'one_to_one', attendance: 'attended', topics: [] });
    await must(ctx, 'goals.create', { episodeId, description: 'Sleep better', area: 'telling_others', setOn: daysAgo(99) });
    await must(ctx, 'risks.raise', { personId, episodeId, raisedOn: daysAgo(98), description: 'Low mood', escalated: false });
    let r = await must(ctx, 'records.markEnteredInError', { kind: 'referral', id: episodeId, reason: 'Referral was for someone else' });
    expect(r.episodes).toEqual([]);
    expect(r.riskFlags).toEqual([expect.objectContaining({ description: 'Low mood', episodeId: null })]);
    expect(r.enteredInError[0]).toMatchObject({ kind: 'referral', recordsWithIt: 2 });
    for (const t of ['contacts', 'goals', 'episodes']) expect(db(ctx).prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    r = await must(ctx, 'episodes.create', { personId, ...referral(daysAgo(5)) });
    expect(r.episodes).toHaveLength(1);
    close();
  });

  it('a closed episode’s contact can be marked in error, though it cannot be edited or removed', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const { episodeId } = await personWithEpisode(ctx);
    let r = await must(ctx, 'contacts.create', { episodeId, contactOn: daysAgo(100), mode: 'phone', type: 'one_to_one', attendance: 'attended', topics: [] });
    const id = r.episodes[0].contacts[0].id;
    await must(ctx, 'episodes.close', { episodeId, closedOn: daysAgo(50), reason: 'goals_met', summary: null });
    expect(await call(ctx, 'contacts.remove', { id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    r = await must(ctx, 'records.markEnteredInError', { kind: 'contact', id, reason: 'Never happened' });
    expect(r.enteredInError).toHaveLength(1);
    close();
  });
});

describe('merging two records of the same person', () => {
  it('moves every record to the one kept, fills its blanks, and logs both case IDs', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const kept = await personWithEpisode(ctx);
    const dup = await must(ctx, 'people.create', { preferredName: 'Ama Mensah', dateOfBirth: '1985-04-12', phone: '07700 900123', allowDuplicate: true, ...referral(daysAgo(20)) });
    await must(ctx, 'episodes.close', { episodeId: kept.episodeId, closedOn: daysAgo(30), reason: 'goals_met', summary: null });
    await must(ctx, 'contacts.create', { episodeId: dup.episodes[0].id, contactOn: daysAgo(10), mode: 'phone', type: 'one_to_one', attendance: 'attended', topics: [] });
    await must(ctx, 'risks.raise', { personId: dup.id, raisedOn: daysAgo(9), description: 'Housing', escalated: false });
    const event = await must(ctx, 'groups.create', { type: 'support_group', heldOn: daysAgo(8), facilitator: 'Sam Peer' });
    await must(ctx, 'groups.setRegistration', { eventId: event.id, personId: dup.id, registered: true, attended: true });
    await must(ctx, 'groups.setRegistration', { eventId: event.id, personId: kept.personId, registered: true, attended: null });
    const from = auditCount(ctx);

    const r = await must(ctx, 'people.merge', { survivorId: kept.personId, duplicateId: dup.id });
    expect(r.id).toBe(kept.personId);
    expect(r.episodes.map((e) => e.id).sort()).toEqual([kept.episodeId, dup.episodes[0].id].sort());
    expect(r.episodes[0].contacts).toHaveLength(1);
    expect(r.riskFlags.map((f) => f.description)).toEqual(['Housing']);
    expect(r.groups).toEqual([expect.objectContaining({ attended: true })]);
    expect(r.phone).toBe('07700 900123');
    expect(await call(ctx, 'people.get', { id: dup.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The caseload shows the newest episode, now the one that came with the duplicate.
    expect(db(ctx).prepare('SELECT latest_episode_id AS e FROM people WHERE id = ?').get(kept.personId)).toEqual({ e: dup.episodes[0].id });
    const [entry] = auditSince(ctx, from);
    expect(entry).toMatchObject({ action: 'people.merge', entity_id: kept.personId });
    expect(JSON.parse(entry.detail!)).toMatchObject({ survivorCaseId: kept.caseId, duplicateCaseId: dup.caseId, episodesMoved: 1 });
    expect(entry.detail).not.toContain('Ama');
    close();
  });

  it('is refused while both records have an open episode', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const a = await personWithEpisode(ctx);
    const b = await must(ctx, 'people.create', { preferredName: 'Ama Mensah', dateOfBirth: '1985-04-12', allowDuplicate: true, ...referral(daysAgo(20)) });
    const before = snapshotWithoutAudit(ctx);
    expect(await call(ctx, 'people.merge', { survivorId: a.personId, duplicateId: b.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshotWithoutAudit(ctx)).toEqual(before);
    close();
  });
});

describe('deleting a person added by mistake', () => {
  it('goes while only the first referral is recorded, and is refused in plain words once anything else is', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const a = await personWithEpisode(ctx);
    expect(await must(ctx, 'people.delete', { id: a.personId })).toEqual({ deleted: true });
    expect(await call(ctx, 'people.get', { id: a.personId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(auditSince(ctx, 0).at(-1)).toMatchObject({ action: 'people.delete', entity_id: a.personId, detail: JSON.stringify({ caseId: a.caseId }) });

    const b = await personWithEpisode(ctx, 'Kofi Boateng', '1990-01-01');
    await must(ctx, 'attempts.create', { episodeId: b.episodeId, attemptedOn: daysAgo(100), method: 'phone', outcome: 'no_answer', note: null });
    const refused = await call(ctx, 'people.delete', { id: b.personId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('cannot be deleted') } });
    // Marking the attempt in error does not make the record empty: it is still held.
    await must(ctx, 'records.markEnteredInError', { kind: 'attempt', id: (await must(ctx, 'people.get', { id: b.personId })).episodes[0].attempts[0].id, reason: 'Wrong person' });
    expect(await call(ctx, 'people.delete', { id: b.personId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    close();
  });
});

describe('who may correct what, asked directly as an attacker would', () => {
  it('a peer worker may correct records but not merge or delete people; and a reporting member may do none', async () => {
    const team = await teamWorkspace(dir);
    const { ctx } = team;
    const a = await personWithEpisode(ctx);
    const b = await must(ctx, 'people.create', { preferredName: 'Kofi Boateng', dateOfBirth: '1990-01-01', ...referral(daysAgo(20)) });
    const contact = (await must(ctx, 'contacts.create', { episodeId: a.episodeId, contactOn: daysAgo(100), mode: 'phone', type: 'one_to_one', attendance: 'attended', topics: [] })).episodes[0].contacts[0];

    await signInAs(ctx, team.workerId, WORKER_PASSPHRASE);
    const before = snapshotWithoutAudit(ctx);
    for (const [method, input] of [
      ['people.merge', { survivorId: a.personId, duplicateId: b.id }],
      ['people.delete', { id: b.id }],
    ] as const) {
      expect(await call(ctx, method, input as never)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE } });
    }
    expect(snapshotWithoutAudit(ctx)).toEqual(before);
    expect(await call(ctx, 'records.markEnteredInError', { kind: 'contact', id: contact.id, reason: 'Duplicate entry' })).toMatchObject({ ok: true });

    await signInAs(ctx, team.reporterId, REPORTER_PASSPHRASE);
    const frozen = snapshotWithoutAudit(ctx);
    for (const [method, input] of [
      ['records.markEnteredInError', { kind: 'referral', id: a.episodeId, reason: 'x' }],
      ['contacts.remove', { id: 1 }],
      ['attempts.remove', { id: 1 }],
      ['assessments.update', { id: 1, method: 'phone' }],
      ['attempts.update', { id: 1, note: 'x' }],
      ['engagement.update', { id: 1, note: 'x' }],
      ['groups.remove', { id: 1 }],
      ['people.merge', { survivorId: a.personId, duplicateId: b.id }],
      ['people.delete', { id: b.id }],
    ] as const) {
      expect(await call(ctx, method, input as never), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(snapshotWithoutAudit(ctx)).toEqual(frozen);
    team.close();
  });
});
