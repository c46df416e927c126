// Peer workers' development: training, supervision (joint with the clinic or not) and CPD, recorded
// by the worker for themselves or by a coordinator for anyone, and counted in the monthly return as
// totals across the team.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { month } from '../../core/domain/export/periods';
import { call, must, REPORTER_PASSPHRASE, teamWorkspace, tempDir, WORKER_PASSPHRASE } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('development-')));
afterEach(() => cleanup());

// A month wholly in the past, so every date in it may be recorded.
const october = month(2026, 10);

describe('peer workers’ development', () => {
  it('is counted in the monthly return as team totals, worked out by hand', async () => {
    const { ctx, close, coordinatorId, workerId, reporterId } = await teamWorkspace(dir);
    // The coordinator records for the worker and for themselves…
    const supervision = (memberId: number, heldOn: string, jointWithClinic: boolean) => must(ctx, 'development.record', { memberId, kind: 'supervision', heldOn, supervisor: 'Dr Okafor', jointWithClinic, hours: 1 });
    await supervision(workerId, '2026-10-02', true);
    await supervision(workerId, '2026-10-23', false);
    await supervision(coordinatorId, '2026-10-09', true);
    await supervision(workerId, '2026-09-30', true); // September: not counted
    await must(ctx, 'development.record', { memberId: workerId, kind: 'training', heldOn: '2026-10-14', title: 'Safeguarding level 2', hours: 3.5 });
    await must(ctx, 'development.record', { memberId: coordinatorId, kind: 'training', heldOn: '2026-10-31', title: 'HIV update', hours: 2 });
    await must(ctx, 'development.record', { memberId: coordinatorId, kind: 'cpd', heldOn: '2026-10-20', title: 'Reading: BHIVA standards', hours: 1.25 });
    await must(ctx, 'development.record', { memberId: workerId, kind: 'cpd', heldOn: '2026-11-01', title: 'November: not counted', hours: 4 });
    // …and the worker records their own.
    await must(ctx, 'session.lock', {});
    await must(ctx, 'session.unlock', { memberId: workerId, passphrase: WORKER_PASSPHRASE });
    const own = await must(ctx, 'development.record', { memberId: workerId, kind: 'cpd', heldOn: '2026-10-05', title: 'Peer mentoring webinar', hours: 0.75 });
    expect(own.map((e) => [e.kind, e.heldOn])).toEqual([
      ['cpd', '2026-11-01'],
      ['supervision', '2026-10-23'],
      ['training', '2026-10-14'],
      ['cpd', '2026-10-05'],
      ['supervision', '2026-10-02'],
      ['supervision', '2026-09-30'],
    ]);
    expect(own.find((e) => e.heldOn === '2026-10-05')!.createdByName).toBe('Ade Worker');
    expect(own.find((e) => e.heldOn === '2026-10-02')).toMatchObject({ supervisor: 'Dr Okafor', jointWithClinic: true, createdByName: 'Sam Peer' });

    const result = await must(ctx, 'exports.run', { profileId: 'monthly_return', period: october });
    const rows = parse(readFileSync(result.location), { bom: true }) as string[][];
    const staff = Object.fromEntries(rows.filter((r) => r[1] === 'staff_development').map((r) => [r[3], r[4]]));
    // By hand: workers are the coordinator and the peer worker, with development in October though
    // added to the caseload later (the reporting member supports nobody);
    // supervised in October: both; supervisions 3 (two of them joint); training 2 sessions, 3.5 + 2 hours;
    // other CPD 1.25 + 0.75 hours. Nothing is hidden: these are figures about staff, in total.
    expect(staff).toEqual({ workers: '2', workers_supervised: '2', supervisions: '3', joint_supervisions: '2', training_sessions: '2', training_hours: '5.5', other_cpd_hours: '2' });
    expect(rows.filter((r) => r[1] === 'staff_development').every((r) => r[0] === '2026-10-01/2026-10-31' && r[2] === 'all')).toBe(true);
    expect(reporterId).toBeGreaterThan(0);
    close();
  });

  it('a worker records only their own; a reporting-only member none; a removed member’s record is closed', async () => {
    const { ctx, close, coordinatorId, workerId, reporterId } = await teamWorkspace(dir);
    const entry = { kind: 'training', heldOn: '2026-10-14', title: 'Safeguarding', hours: 2 } as const;
    await must(ctx, 'development.record', { memberId: workerId, ...entry });
    const coordinators = await must(ctx, 'development.record', { memberId: coordinatorId, ...entry });

    await must(ctx, 'session.lock', {});
    await must(ctx, 'session.unlock', { memberId: workerId, passphrase: WORKER_PASSPHRASE });
    expect(await call(ctx, 'development.record', { memberId: coordinatorId, ...entry })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(ctx, 'development.list', { memberId: coordinatorId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(ctx, 'development.remove', { id: coordinators[0].id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await must(ctx, 'development.list', { memberId: workerId })).toHaveLength(1);

    await must(ctx, 'session.lock', {});
    await must(ctx, 'session.unlock', { memberId: reporterId, passphrase: REPORTER_PASSPHRASE });
    expect(await call(ctx, 'development.record', { memberId: reporterId, ...entry })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(ctx, 'development.list', { memberId: reporterId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    close();
  });

  it('a coordinator cannot add to a removed member’s development, and the form’s rules name their fields', async () => {
    const { ctx, close, workerId } = await teamWorkspace(dir);
    await must(ctx, 'development.record', { memberId: workerId, kind: 'training', heldOn: '2026-10-14', title: 'Safeguarding', hours: 2 });
    await must(ctx, 'members.remove', { id: workerId, rekey: false });
    expect(await call(ctx, 'development.record', { memberId: workerId, kind: 'training', heldOn: '2026-10-15', title: 'Later', hours: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // What they did stays on record, and in the return of the month it was done.
    expect(await must(ctx, 'development.list', { memberId: workerId })).toHaveLength(1);
    const bad = await call(ctx, 'development.record', { memberId: workerId, kind: 'supervision', heldOn: '2026-10-14', hours: 0.1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { supervisor: 'Enter who gave the supervision.', hours: expect.stringMatching(/quarter of an hour/) } } });
    close();
  });
});
