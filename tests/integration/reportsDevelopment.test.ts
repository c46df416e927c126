// Reports' section on peer workers' training and supervision (issue 15, item 8): the team's totals
// for the chosen period beside the period before, the same numbers the monthly return writes as its
// staff_development rows, and for a reporting-only member the same again (the return publishes
// them as counted), for whole periods only.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../core/api/contract';
import { month } from '../../core/domain/export/periods';
import { WHOLE_PERIODS_ONLY_MESSAGE } from '../../core/domain/export/reportingPeriods';
import { call, must, REPORTER_PASSPHRASE, signInAs, teamWorkspace, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('reports-development-')));
afterEach(() => cleanup());

// Months wholly in the past, so every date in them may be recorded.
const september = month(2026, 9);
const october = month(2026, 10);

/**
 * October: the peer worker two supervisions (one joint with the clinic), a training day (6 hours)
 * and CPD (1.5 hours); the coordinator one training session (2.25 hours). September: the
 * coordinator one joint supervision. November (after the period): the worker a supervision.
 */
async function recordedTeam() {
  const team = await teamWorkspace(dir);
  const { ctx, coordinatorId, workerId } = team;
  const record = (memberId: number, entry: Omit<MethodInput<'development.record'>, 'memberId'>) => must(ctx, 'development.record', { memberId, ...entry });
  await record(workerId, { kind: 'supervision', heldOn: '2026-10-03', supervisor: 'Dr Okafor', jointWithClinic: true, hours: 1 });
  await record(workerId, { kind: 'supervision', heldOn: '2026-10-24', supervisor: 'Sam Peer' });
  await record(workerId, { kind: 'training', heldOn: '2026-10-15', title: 'Safeguarding adults level 2', hours: 6 });
  await record(workerId, { kind: 'cpd', heldOn: '2026-10-31', title: 'Reading: BHIVA standards', hours: 1.5 });
  await record(coordinatorId, { kind: 'training', heldOn: '2026-10-01', title: 'HIV update', hours: 2.25 });
  await record(coordinatorId, { kind: 'supervision', heldOn: '2026-09-30', supervisor: 'Dr Okafor', jointWithClinic: true });
  await record(workerId, { kind: 'supervision', heldOn: '2026-11-01', supervisor: 'Dr Okafor' });
  return team;
}

describe('Reports: the team’s training and supervision', () => {
  it('gives the period’s totals beside the period before’s, as the return counts them', async () => {
    const { ctx, close } = await recordedTeam();
    const report = await must(ctx, 'reports.development', { period: october });
    expect(report.period).toMatchObject({ start: '2026-10-01', end: '2026-10-31', label: 'October 2026' });
    expect(report.previousPeriod).toMatchObject({ start: september.start, end: september.end, label: 'September 2026' });
    // By hand, October: workers are the coordinator and the peer worker (each had development in
    // October, though added to the caseload later; the reporting member supports nobody); only the
    // worker was supervised, twice, once jointly; training 2 sessions, 6 + 2.25 hours; CPD 1.5 hours.
    expect(report.current).toEqual({ workers: 2, workersSupervised: 1, supervisions: 2, jointSupervisions: 1, trainingSessions: 2, trainingHours: 8.25, cpdHours: 1.5 });
    // September: the coordinator alone, supervised once, jointly; nothing else.
    expect(report.previous).toEqual({ workers: 1, workersSupervised: 1, supervisions: 1, jointSupervisions: 1, trainingSessions: 0, trainingHours: 0, cpdHours: 0 });

    // The exported return's staff_development rows say the same.
    const file = await must(ctx, 'exports.run', { profileId: 'monthly_return', period: october });
    const rows = parse(readFileSync(file.location), { bom: true }) as string[][];
    const staff = Object.fromEntries(rows.filter((r) => r[1] === 'staff_development').map((r) => [r[3], Number(r[4])]));
    expect(staff).toEqual({
      workers: report.current.workers,
      workers_supervised: report.current.workersSupervised,
      supervisions: report.current.supervisions,
      joint_supervisions: report.current.jointSupervisions,
      training_sessions: report.current.trainingSessions,
      training_hours: report.current.trainingHours,
      other_cpd_hours: report.current.cpdHours,
    });
    close();
  });

  it('counts nothing in a period with nothing recorded, beside the team it had', async () => {
    const { ctx, close } = await recordedTeam();
    // August: no development, and every member was added to the caseload later (today).
    const report = await must(ctx, 'reports.development', { period: month(2026, 8) });
    expect(report.current).toEqual({ workers: 0, workersSupervised: 0, supervisions: 0, jointSupervisions: 0, trainingSessions: 0, trainingHours: 0, cpdHours: 0 });
    close();
  });

  it('gives a reporting-only member the same published numbers, for whole periods only', async () => {
    const { ctx, reporterId, close } = await recordedTeam();
    const asCoordinator = await must(ctx, 'reports.development', { period: october });
    await signInAs(ctx, reporterId, REPORTER_PASSPHRASE);
    // Staff totals are published without suppression: a 1 stays a 1.
    const asReporter = await must(ctx, 'reports.development', { period: october });
    expect(asReporter).toEqual(asCoordinator);
    expect(asReporter.current.workersSupervised).toBe(1);
    const file = await must(ctx, 'exports.run', { profileId: 'monthly_return', period: october });
    const published = (parse(readFileSync(file.location), { bom: true }) as string[][]).filter((r) => r[1] === 'staff_development');
    expect(published.find((r) => r[3] === 'joint_supervisions')?.[4]).toBe(String(asReporter.current.jointSupervisions));
    // A day or a custom range would narrow a count to one person's diary.
    for (const period of [
      { kind: 'custom' as const, start: '2026-10-03', end: '2026-10-03' },
      { kind: 'month' as const, start: '2026-10-03', end: '2026-10-03' },
      { kind: 'custom' as const, start: '2026-10-01', end: '2026-10-31' },
    ]) {
      expect(await call(ctx, 'reports.development', { period })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: WHOLE_PERIODS_ONLY_MESSAGE } });
    }
    close();
  });

  it('gives coordinators and peer workers any period, a custom range included', async () => {
    const { ctx, close } = await recordedTeam();
    const report = await must(ctx, 'reports.development', { period: { kind: 'custom', start: '2026-10-03', end: '2026-10-15' } });
    // The joint supervision on the 3rd and the training day on the 15th; not the coordinator's
    // training on the 1st, so the coordinator (added to the caseload today) is not counted either.
    expect(report.current).toEqual({ workers: 1, workersSupervised: 1, supervisions: 1, jointSupervisions: 1, trainingSessions: 1, trainingHours: 6, cpdHours: 0 });
    close();
  });
});
