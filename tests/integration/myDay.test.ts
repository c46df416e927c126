// My day on a real workspace: waiting (and overdue), planned, needing an outcome, goals due,
// inactive, risks; and the caseload filters that match each list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INSTRUMENT_IDS } from '../../core/domain/instruments/definitions';
import { MY_DAY_LIMIT, overdueBefore } from '../../db/queries/myDay';
import { insertPeople } from '../../db/queries/bulk';
import { syntheticPeople } from '../../db/synthetic';
import { daysAgo, must, newWorkspace, referral, tempDir } from '../support/workspace';

const gad7 = (values: number[]) => Object.fromEntries(values.map((v, i) => [`q${i + 1}`, v]));

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('My day', () => {
  it('shows each list with counts, and the caseload filters agree', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const add = (name: string, receivedDaysAgo: number) =>
      must(ctx, 'people.create', { preferredName: name, dateOfBirth: '1980-01-01', ...referral(daysAgo(receivedDaysAgo)) });
    const fresh = await add('Fresh Referral', 0);
    const old = await add('Old Referral', 30);
    const contacted = await add('Seen Person', 120);
    const quiet = await add('Quiet Person', 200);
    const session = { mode: 'phone' as const, type: 'one_to_one' as const, topics: [] };
    await must(ctx, 'contacts.create', { episodeId: contacted.episodes[0].id, contactOn: daysAgo(5), attendance: 'attended', ...session });
    await must(ctx, 'contacts.create', { episodeId: contacted.episodes[0].id, contactOn: daysAgo(0), startTime: '14:00', attendance: null, ...session });
    await must(ctx, 'contacts.create', { episodeId: contacted.episodes[0].id, contactOn: daysAgo(2), attendance: null, ...session });
    await must(ctx, 'goals.create', { episodeId: contacted.episodes[0].id, description: 'Join a group', area: 'social_connection', setOn: daysAgo(60), reviewBy: daysAgo(1) });
    await must(ctx, 'contacts.create', { episodeId: quiet.episodes[0].id, contactOn: daysAgo(100), attendance: 'attended', ...session });
    await must(ctx, 'risks.raise', { personId: quiet.id, raisedOn: daysAgo(3), description: 'Missed doses' });

    const day = await must(ctx, 'myDay.get', {});
    expect(day.today).toBe(daysAgo(0));
    expect(day.waiting.map((w) => [w.preferredName, w.overdue])).toEqual([
      ['Old Referral', true],
      ['Fresh Referral', false],
    ]);
    expect(day.plannedToday.map((p) => [p.preferredName, p.startTime])).toEqual([['Seen Person', '14:00']]);
    expect(day.needsOutcome.map((p) => p.contactOn)).toEqual([daysAgo(2)]);
    expect(day.goalsDue.map((g) => g.description)).toEqual(['Join a group']);
    expect(day.inactive.map((i) => [i.preferredName, i.weeksSince])).toEqual([['Quiet Person', 14]]);
    expect(day.risks.map((r) => r.description)).toEqual(['Missed doses']);
    // Baselines for PHQ-9, GAD-7 and ONS4 are due from first contact for both people seen.
    expect(day.counts).toEqual({ waiting: 2, overdue: 1, plannedToday: 1, needsOutcome: 1, goalsDue: 1, inactive: 1, risks: 1, assessmentsDue: 6, assessmentsOverdue: 3 });
    expect(day.assessmentsDue.slice(0, 3).map((a) => [a.preferredName, a.kind, a.overdue])).toEqual([
      ['Quiet Person', 'baseline', true],
      ['Quiet Person', 'baseline', true],
      ['Quiet Person', 'baseline', true],
    ]);

    const names = async (filters: object) => (await must(ctx, 'people.list', { sort: 'name', ...filters })).rows.map((r) => r.preferredName);
    expect(await names({ waiting: true })).toEqual(['Fresh Referral', 'Old Referral']);
    expect(await names({ inactive: true })).toEqual(['Quiet Person']);
    expect(await names({ referralStatus: 'engaged' })).toEqual(['Quiet Person', 'Seen Person']);
    // The waiting list on My day names the same two people, the longest waiting first.
    expect(day.waiting.map((w) => w.personId)).toEqual([old.id, fresh.id]);
    close();
  });

  it('a settings change moves the overdue line', async () => {
    const { ctx, close } = await newWorkspace(dir);
    await must(ctx, 'people.create', { preferredName: 'Waiting Person', dateOfBirth: '1980-01-01', ...referral(daysAgo(9)) });
    expect((await must(ctx, 'myDay.get', {})).counts.overdue).toBe(1);
    await must(ctx, 'settings.update', { firstContactOverdueWorkingDays: 20 });
    expect((await must(ctx, 'myDay.get', {})).counts.overdue).toBe(0);
    close();
  });
});

describe('overdue line', () => {
  it('counts back working days, skipping weekends and bank holidays', () => {
    // Friday 1 January 2027 is a bank holiday; 5 working days before Friday 8 January 2027
    // is Thursday 31 December 2026.
    expect(overdueBefore('2027-01-08', 5)).toBe('2026-12-31');
    expect(overdueBefore('2026-11-23', 1)).toBe('2026-11-20');
  });
});

describe('assessments due on My day', () => {
  /** Every due assessment on every record, in My day's order: due date, episode, instrument. */
  async function dueOnRecords(ctx: Parameters<typeof must>[0]) {
    const all: { personId: number; episodeId: number; instrument: string; kind: string; dueOn: string; overdue: boolean }[] = [];
    const ids = ctx.session!.db.prepare('SELECT id FROM people').all() as { id: number }[];
    for (const { id } of ids) {
      const record = await must(ctx, 'people.get', { id });
      for (const e of record.episodes) for (const d of e.outcomes.due) all.push({ personId: id, episodeId: e.id, ...d });
    }
    return all.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.episodeId - b.episodeId || a.instrument.localeCompare(b.instrument));
  }

  async function expectAgreement(ctx: Parameters<typeof must>[0], atLeast = 1) {
    const day = await must(ctx, 'myDay.get', {});
    const due = await dueOnRecords(ctx);
    expect(due.length).toBeGreaterThanOrEqual(atLeast);
    expect(day.counts.assessmentsDue).toBe(due.length);
    expect(day.counts.assessmentsOverdue).toBe(due.filter((d) => d.overdue).length);
    expect(day.assessmentsDue.map(({ personId, episodeId, instrument, kind, dueOn, overdue }) => ({ personId, episodeId, instrument, kind, dueOn, overdue }))).toEqual(due.slice(0, MY_DAY_LIMIT));
    return due;
  }

  it('agree with the schedule shown on each person’s record', async () => {
    const { ctx, close } = await newWorkspace(dir);
    insertPeople(ctx.session!, syntheticPeople(400, 13, new Date()));
    // More than a screenful, so the order and the cut are checked too.
    await expectAgreement(ctx, MY_DAY_LIMIT + 1);
    close();
  });

  it('still agree after instruments, the interval, episodes and assessments change', async () => {
    const { ctx, close } = await newWorkspace(dir);
    insertPeople(ctx.session!, syntheticPeople(100, 21, new Date()));
    // Every instrument in the catalogue: the schedule holds a row for each, whatever is switched on.
    await must(ctx, 'licences.confirm', { licence: 'warwick', confirmed: true });
    await must(ctx, 'licences.confirm', { licence: 'pozqol', confirmed: true });
    await must(ctx, 'settings.update', { enabledInstruments: [...INSTRUMENT_IDS], assessmentIntervalWeeks: 8 });
    const before = await expectAgreement(ctx, MY_DAY_LIMIT + 1);
    expect(new Set(before.map((d) => d.instrument))).toEqual(new Set(INSTRUMENT_IDS));

    // Closing an episode takes its assessments off the list; reopening brings them back.
    const closing = before[0].episodeId;
    await must(ctx, 'episodes.close', { episodeId: closing, closedOn: daysAgo(0), reason: 'moved_away', summary: null });
    expect((await expectAgreement(ctx)).some((d) => d.episodeId === closing)).toBe(false);
    await must(ctx, 'episodes.reopen', { episodeId: closing, reason: 'Came back' });
    expect((await expectAgreement(ctx)).some((d) => d.episodeId === closing)).toBe(true);

    // A GAD-7 done today moves that episode's GAD-7 off the list until the next interval.
    const gad = before.find((d) => d.instrument === 'gad7')!;
    await must(ctx, 'assessments.record', { episodeId: gad.episodeId, instrument: 'gad7', completedOn: daysAgo(0), method: 'phone', responses: gad7([1, 1, 1, 1, 1, 1, 1]), allowEarly: true });
    expect((await expectAgreement(ctx)).some((d) => d.episodeId === gad.episodeId && d.instrument === 'gad7')).toBe(false);

    // A first contact on an episode that had none starts its baselines.
    const waiting = (await must(ctx, 'myDay.get', {})).waiting[0];
    await must(ctx, 'contacts.create', { episodeId: waiting.episodeId, contactOn: daysAgo(20), attendance: 'attended', mode: 'phone', type: 'one_to_one', topics: [] });
    const started = (await expectAgreement(ctx)).filter((d) => d.episodeId === waiting.episodeId);
    expect(started.map((d) => [d.kind, d.dueOn, d.overdue])).toEqual(INSTRUMENT_IDS.map(() => ['baseline', daysAgo(20), true]));

    // Fewer instruments and a longer interval: read from the same rows, no rebuild.
    await must(ctx, 'settings.update', { enabledInstruments: ['phq9'], assessmentIntervalWeeks: 26 });
    expect(new Set((await expectAgreement(ctx)).map((d) => d.instrument))).toEqual(new Set(['phq9']));
    close();
  });
});
