// My day on a real workspace: waiting (and overdue), planned, needing an outcome, goals due,
// inactive, risks; and the caseload filters that match each list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { overdueBefore } from '../../db/queries/myDay';
import { insertPeople } from '../../db/queries/bulk';
import { syntheticPeople } from '../fixtures/synthetic';
import { daysAgo, must, newWorkspace, referral, tempDir } from '../support/workspace';

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
    expect(fresh.id && old.id).toBeTruthy();
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
  it('agree with the schedule shown on each person’s record', async () => {
    const { ctx, close } = await newWorkspace(dir);
    insertPeople(ctx.session!, syntheticPeople(400, 13, new Date()));
    const day = await must(ctx, 'myDay.get', {});
    let due = 0;
    let overdue = 0;
    const ids = ctx.session!.db.prepare('SELECT id FROM people').all() as { id: number }[];
    for (const { id } of ids) {
      const record = await must(ctx, 'people.get', { id });
      for (const e of record.episodes) {
        due += e.outcomes.due.length;
        overdue += e.outcomes.due.filter((d) => d.overdue).length;
      }
    }
    expect(due).toBeGreaterThan(0);
    expect(day.counts.assessmentsDue).toBe(due);
    expect(day.counts.assessmentsOverdue).toBe(overdue);
    close();
  });
});
