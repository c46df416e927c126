// Outcome assessments on a real encrypted workspace: recording, refusing incomplete answers,
// pro-rating, the PHQ-9 risk flag, repeat intervals, licences, outcomes, engagement, re-scoring.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSTRUMENTS } from '../../core/domain/instruments/definitions';
import { call, daysAgo, must, newWorkspace, referral, snapshot, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const phq = (values: (number | null)[]) => Object.fromEntries(values.map((v, i) => [`q${i + 1}`, v]));

async function withEpisode() {
  const ws = await newWorkspace(dir);
  const record = await must(ws.ctx, 'people.create', { preferredName: 'Ola Example', dateOfBirth: '1990-01-01', ...referral(daysAgo(200)) });
  const episodeId = record.episodes[0].id;
  await must(ws.ctx, 'contacts.create', { episodeId, contactOn: daysAgo(190), mode: 'in_clinic', type: 'one_to_one', attendance: 'attended' });
  return { ...ws, personId: record.id, episodeId };
}

describe('recording an assessment', () => {
  it('stores the answers, derives the score and band, and shows baseline against latest', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    let r = await must(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn: daysAgo(180), method: 'self_completed', responses: phq([2, 2, 2, 2, 2, 2, 2, 2, 0]) });
    let o = r.episodes[0].outcomes;
    expect(o.assessments[0]).toMatchObject({ instrument: 'phq9', scores: { total: 16 }, prorated: false, bands: { total: expect.objectContaining({ label: 'Moderately severe' }) }, createdByName: 'Sam Peer' });
    expect(o.outcomes).toEqual([expect.objectContaining({ instrument: 'phq9', followedUp: false })]);
    r = await must(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn: daysAgo(90), method: 'phone', responses: phq([1, 1, 1, 1, 1, 1, 1, 1, 0]) });
    o = r.episodes[0].outcomes;
    expect(o.outcomes[0]).toMatchObject({ followedUp: true, changes: [expect.objectContaining({ baseline: 16, latest: 8, change: -8, reliableImprovement: true, recovered: true })] });
    expect(r.episodes[0].outcomes.assessments.map((a) => a.responses.q1)).toEqual([2, 1]);
    close();
  });

  it('refuses incomplete answers naming the missing items, and changes nothing', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    const before = snapshot(ctx);
    const twoMissing = await call(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn: daysAgo(10), method: 'self_completed', responses: phq([1, null, 1, 1, null, 1, 1, 1, 0]) });
    expect(twoMissing).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Answer items 2 and 5: PHQ-9 can be scored with at most 1 missing.', fields: { 'responses.q2': 'Answer this item.', 'responses.q5': 'Answer this item.' } },
    });
    const noQ9 = await call(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn: daysAgo(10), method: 'self_completed', responses: phq([1, 1, 1, 1, 1, 1, 1, 1, null]) });
    expect(noQ9.ok ? 'saved' : noQ9.error.message).toBe('Answer item 9: it must always be asked.');
    // One item missing is one item, in the singular.
    const oneMissing = await call(ctx, 'assessments.record', { episodeId, instrument: 'ons4', completedOn: daysAgo(10), method: 'self_completed', responses: { satisfied: 7, worthwhile: 8, happy: 6, anxious: null } });
    expect(oneMissing.ok ? 'saved' : oneMissing.error.message).toBe('Answer every item: ONS4 cannot be scored with item 4 missing.');
    expect(snapshot(ctx)).toEqual(before);
    close();
  });

  it('pro-rates one missing PHQ-9 item and marks the score', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    const r = await must(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn: daysAgo(10), method: 'self_completed', responses: phq([2, 2, 2, 2, 2, 2, 2, null, 0]) });
    expect(r.episodes[0].outcomes.assessments[0]).toMatchObject({ prorated: true, scores: { total: 16 } });
    close();
  });

  it('raises a risk flag when PHQ-9 item 9 is above 0', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    const r = await must(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn: daysAgo(3), method: 'read_aloud', responses: phq([0, 0, 0, 0, 0, 0, 0, 0, 2]) });
    expect(r.riskFlags).toEqual([expect.objectContaining({ raisedOn: daysAgo(3), resolvedOn: null, description: expect.stringMatching(/PHQ-9 item 9 answered above 0/) })]);
    expect(r.episodes[0].outcomes.assessments[0].risk).toBe(true);
    expect((await must(ctx, 'myDay.get', {})).risks).toHaveLength(1);
    close();
  });

  it('warns before repeating too soon, and records it once the worker confirms', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    const input = { episodeId, instrument: 'phq9' as const, method: 'self_completed' as const, responses: phq([1, 1, 1, 1, 1, 1, 1, 1, 0]) };
    await must(ctx, 'assessments.record', { ...input, completedOn: daysAgo(20) });
    const soon = await call(ctx, 'assessments.record', { ...input, completedOn: daysAgo(15) });
    expect(soon).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT', fields: { completedOn: expect.stringMatching(/should not be repeated within 14 days/) } }) });
    expect((await call(ctx, 'assessments.record', { ...input, completedOn: daysAgo(15), allowEarly: true })).ok).toBe(true);
    close();
  });

  it('offers only instruments switched on, and licensed ones only once the licence is confirmed', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    const swemwbs = { episodeId, instrument: 'swemwbs' as const, completedOn: daysAgo(5), method: 'self_completed' as const, responses: Object.fromEntries(INSTRUMENTS.swemwbs.items.map((i) => [i.id, 3])) };
    expect((await call(ctx, 'assessments.record', swemwbs)).ok).toBe(false);
    let views = await must(ctx, 'instruments.list', {});
    expect(views.find((v) => v.id === 'swemwbs')).toMatchObject({ enabled: false, licensed: false });
    expect(views.find((v) => v.id === 'swemwbs')!.items.every((i) => i.text === null)).toBe(true);
    expect(views.find((v) => v.id === 'phq9')!.items[0].text).toBe('Little interest or pleasure in doing things');
    const refused = await call(ctx, 'settings.update', { enabledInstruments: ['phq9', 'swemwbs'] });
    expect(refused.ok ? 'saved' : refused.error.fields).toEqual({ enabledInstruments: expect.stringMatching(/licence first for: SWEMWBS/) });

    const licences = await must(ctx, 'licences.confirm', { licence: 'warwick', confirmed: true });
    expect(licences.warwick).toEqual({ confirmedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), confirmedByName: 'Sam Peer' });
    await must(ctx, 'settings.update', { enabledInstruments: ['phq9', 'swemwbs'] });
    views = await must(ctx, 'instruments.list', {});
    expect(views.find((v) => v.id === 'swemwbs')).toMatchObject({ enabled: true, licensed: true });
    expect(views.find((v) => v.id === 'swemwbs')!.items[0].text).toBe("I've been feeling optimistic about the future");
    const r = await must(ctx, 'assessments.record', swemwbs);
    expect(r.episodes[0].outcomes.assessments[0].scores).toEqual({ metric: 19.25 });

    await must(ctx, 'licences.confirm', { licence: 'warwick', confirmed: false });
    expect((await must(ctx, 'settings.get', {})).enabledInstruments).toEqual(['phq9']);
    close();
  });

  it('lists baselines and follow-ups due, and clears them once done', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    await must(ctx, 'settings.update', { enabledInstruments: ['phq9'] });
    let due = (await must(ctx, 'people.get', { id: 1 })).episodes[0].outcomes.due;
    expect(due).toEqual([{ instrument: 'phq9', kind: 'baseline', dueOn: daysAgo(190), overdue: true }]);
    await must(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn: daysAgo(100), method: 'self_completed', responses: phq([1, 1, 1, 1, 1, 1, 1, 1, 0]) });
    due = (await must(ctx, 'people.get', { id: 1 })).episodes[0].outcomes.due;
    expect(due).toEqual([{ instrument: 'phq9', kind: 'follow_up', dueOn: daysAgo(16), overdue: true }]);
    await must(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn: daysAgo(0), method: 'self_completed', responses: phq([0, 0, 0, 0, 0, 0, 0, 0, 0]) });
    expect((await must(ctx, 'people.get', { id: 1 })).episodes[0].outcomes.due).toEqual([]);
    expect((await must(ctx, 'myDay.get', {})).counts.assessmentsDue).toBe(0);
    close();
  });
});

describe('engagement with care', () => {
  it('records the clinic’s figures and their change over the episode', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    const noDate = await call(ctx, 'engagement.record', { episodeId, reviewedOn: daysAgo(150), viralLoadUndetectable: false });
    expect(noDate.ok ? 'saved' : noDate.error.fields).toEqual({ viralLoadOn: 'Enter the date of the viral load result.' });
    await must(ctx, 'engagement.record', { episodeId, reviewedOn: daysAgo(150), viralLoadUndetectable: false, viralLoadOn: daysAgo(160), adherence: 'missed_many', appointmentsKept: 1, appointmentsMissed: 3 });
    const r = await must(ctx, 'engagement.record', { episodeId, reviewedOn: daysAgo(10), viralLoadUndetectable: true, viralLoadOn: daysAgo(20), adherence: 'all_doses', appointmentsKept: 4, appointmentsMissed: 0, reengagedInCare: true });
    expect(r.episodes[0].outcomes.engagementChange).toMatchObject({ viralLoad: 'became_undetectable', adherenceImproved: true, missedShareBefore: 0.75, missedShareAfter: 0 });
    close();
  });
});

describe('re-scoring history', () => {
  it('works out again scores made with an older scoring version, from the stored answers, at unlock', async () => {
    const { ctx, episodeId, close } = await withEpisode();
    await must(ctx, 'assessments.record', { episodeId, instrument: 'phq9', completedOn: daysAgo(20), method: 'self_completed', responses: phq([3, 3, 3, 0, 0, 0, 0, 0, 0]) });
    // As if recorded by an older version with a wrong table.
    ctx.session!.db.exec("UPDATE assessments SET scores = '{\"total\":99}', primary_score = 99, scoring_version = 0");
    ctx.session!.db.exec(`UPDATE workspace_meta SET value = '{"phq9":0}' WHERE key = 'scoringVersions'`);
    close();
    await must(ctx, 'session.unlock', { passphrase: 'correct horse battery staple' });
    const r = await must(ctx, 'people.get', { id: 1 });
    expect(r.episodes[0].outcomes.assessments[0]).toMatchObject({ scores: { total: 9 }, scoringVersion: INSTRUMENTS.phq9.scoringVersion });
    close();
  });
});
