// Members with their own passphrases, roles enforced by the back end, and a coordinator's
// management of both. Refused calls change nothing but leave an `access.refused` audit entry.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { month } from '../../core/domain/export/periods';
import { lock, whenSettled } from '../../core/api/handlers';
import type { AppContext } from '../../core/api/context';
import { can, METHOD_NAMES, type MethodInput, type MethodName } from '../../core/api/contract';
import { workspacePaths } from '../../db/workspace';
import {
  auditCount,
  auditSince,
  call,
  daysAgo,
  must,
  PASSPHRASE,
  referral,
  REPORTER_PASSPHRASE,
  signInAs,
  snapshotWithoutAudit,
  teamWorkspace,
  tempDir,
  testContext,
  WORKER_PASSPHRASE,
} from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('members-')));
afterEach(() => cleanup());

const envelopeText = () => readFileSync(workspacePaths(dir).envelope, 'utf8');

/** Calls a method that must be refused for the signed-in role: FORBIDDEN, nothing changed, one audit entry. */
async function expectRefused<K extends MethodName>(ctx: AppContext, name: K, input: MethodInput<K>) {
  const before = snapshotWithoutAudit(ctx);
  const entries = auditCount(ctx);
  const keys = envelopeText();
  const result = await call(ctx, name, input);
  expect(result.ok ? `${name} was allowed` : result.error, name).toEqual({ code: 'FORBIDDEN', message: 'Your role does not allow this. Ask your coordinator.' });
  expect(snapshotWithoutAudit(ctx), name).toEqual(before);
  expect(envelopeText(), name).toBe(keys);
  expect(auditSince(ctx, entries), name).toEqual([{ action: 'access.refused', detail: JSON.stringify({ method: name }), member_id: ctx.session!.memberId, entity_id: null }]);
}

describe('members and signing in', () => {
  it('each member signs in with their own passphrase; the lock screen lists who can, and a choice tries only that slot', async () => {
    const { ctx, workerId, reporterId, coordinatorId } = await teamWorkspace(dir);
    const list = await must(ctx, 'members.list', {});
    expect(list.map((m) => [m.name, m.role, m.removedAt, m.isYou])).toEqual([
      ['Ade Worker', 'peer_worker', null, false],
      ['Kim Reports', 'reporting', null, false],
      ['Sam Peer', 'coordinator', null, true],
    ]);
    lock(ctx);
    const locked = await must(testContext(dir), 'workspace.status', {});
    expect(locked).toEqual({
      state: 'locked',
      signIns: [
        { memberId: coordinatorId, name: 'Sam Peer' },
        { memberId: workerId, name: 'Ade Worker' },
        { memberId: reporterId, name: 'Kim Reports' },
      ],
      place: 'user',
      training: false,
      trainingAvailable: true,
    });
    // The worker's passphrase with the reporting member chosen: not tried against other slots.
    const wrong = await call(ctx, 'session.unlock', { memberId: reporterId, passphrase: WORKER_PASSPHRASE });
    expect(wrong.ok || wrong.error.code).toBe('WRONG_PASSPHRASE');
    expect(await must(ctx, 'session.unlock', { memberId: workerId, passphrase: WORKER_PASSPHRASE })).toMatchObject({ state: 'unlocked', memberName: 'Ade Worker', role: 'peer_worker', memberId: workerId });
    // The wrong attempt still counts towards the sign-in delay, and reaches the audit log (once
    // the whole-file check begun at unlock has passed: nothing is written before).
    await whenSettled(ctx);
    expect(ctx.session!.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'session.failed_sign_in'").get()).toEqual({ n: 1 });
    lock(ctx);
    // With no one chosen every slot is tried, as before members existed.
    expect(await must(ctx, 'session.unlock', { passphrase: REPORTER_PASSPHRASE })).toMatchObject({ memberName: 'Kim Reports', role: 'reporting' });
    lock(ctx);
  });

  it('records made by a member carry their id, and keep their name after they are removed', async () => {
    const { ctx, workerId } = await teamWorkspace(dir);
    await signInAs(ctx, workerId, WORKER_PASSPHRASE);
    const p = await must(ctx, 'people.create', { preferredName: 'Rowan Example', dateOfBirth: '1985-05-05', ...referral(daysAgo(2)) });
    await signInAs(ctx, 1, PASSPHRASE);
    await must(ctx, 'members.remove', { id: workerId, rekey: false });
    const record = await must(ctx, 'people.get', { id: p.id });
    expect(JSON.stringify(record)).toContain('Ade Worker');
    lock(ctx);
    const gone = await call(ctx, 'session.unlock', { passphrase: WORKER_PASSPHRASE });
    expect(gone.ok || gone.error.code).toBe('WRONG_PASSPHRASE');
    expect((await must(ctx, 'workspace.status', {})).signIns?.map((s) => s.name)).toEqual(['Sam Peer', 'Kim Reports']);
  });

  it('adding a member follows the set-up passphrase policy and refuses a second member of the same name, changing nothing', async () => {
    const { ctx } = await teamWorkspace(dir);
    const before = snapshotWithoutAudit(ctx);
    const entries = auditCount(ctx);
    const keys = envelopeText();
    const weak = await call(ctx, 'members.add', { name: 'Lee New', role: 'peer_worker', passphrase: 'password123' });
    expect(weak.ok ? 'added' : weak.error).toMatchObject({ code: 'VALIDATION', fields: { passphrase: expect.stringMatching(/12 characters|commonly used|easy to guess/) } });
    const twin = await call(ctx, 'members.add', { name: 'ade worker', role: 'reporting', passphrase: 'tundra violin marble sequence' });
    expect(twin.ok ? 'added' : twin.error).toMatchObject({ code: 'CONFLICT', fields: { name: expect.stringMatching(/already a member with this name/) } });
    expect(snapshotWithoutAudit(ctx)).toEqual(before);
    expect(auditCount(ctx)).toBe(entries);
    expect(envelopeText()).toBe(keys);
  });

  it('never leaves the caseload without a coordinator, and nobody removes themselves', async () => {
    const { ctx, coordinatorId, workerId } = await teamWorkspace(dir);
    const before = snapshotWithoutAudit(ctx);
    const demote = await call(ctx, 'members.setRole', { id: coordinatorId, role: 'peer_worker' });
    expect(demote.ok ? 'demoted' : demote.error.message).toMatch(/at least one coordinator/);
    const self = await call(ctx, 'members.remove', { id: coordinatorId, rekey: false });
    expect(self.ok ? 'removed' : self.error.message).toMatch(/cannot remove yourself/);
    expect(snapshotWithoutAudit(ctx)).toEqual(before);
    // With a second coordinator, the first may step down, and loses coordinator powers at once.
    await must(ctx, 'members.setRole', { id: workerId, role: 'coordinator' });
    await must(ctx, 'members.setRole', { id: coordinatorId, role: 'peer_worker' });
    await expectRefused(ctx, 'members.list', {});
    expect((await must(ctx, 'workspace.status', {})).role).toBe('peer_worker');
  });

  it('audits every member change with ids and roles only', async () => {
    const { ctx, workerId, reporterId } = await teamWorkspace(dir);
    const from = auditCount(ctx);
    await must(ctx, 'members.setRole', { id: reporterId, role: 'peer_worker' });
    await must(ctx, 'members.remove', { id: workerId, rekey: false });
    await must(ctx, 'recovery.regenerate', {});
    await must(ctx, 'session.changePassphrase', { current: PASSPHRASE, next: 'granite pelican thistle' });
    const entries = auditSince(ctx, from);
    expect(entries.map((e) => [e.action, e.entity_id, e.detail])).toEqual([
      ['member.role_changed', reporterId, JSON.stringify({ from: 'reporting', to: 'peer_worker' })],
      ['member.removed', workerId, JSON.stringify({ role: 'peer_worker', rekey: false })],
      ['recovery.regenerated', null, null],
      ['session.passphrase_changed', null, null],
    ]);
    const all = JSON.stringify(await must(ctx, 'audit.list', {}).then((l) => l.map(({ memberName: _n, ...rest }) => rest)));
    expect(all).not.toMatch(/Ade|Kim|Worker|Reports/);
    expect(all).toContain('member.added');
  });
});

describe('roles are enforced by the back end', () => {
  it('a peer worker works the caseload but cannot manage members, settings, the audit log, profiles or row-level exports', async () => {
    const { ctx, workerId } = await teamWorkspace(dir);
    await signInAs(ctx, workerId, WORKER_PASSPHRASE);
    const p = await must(ctx, 'people.create', { preferredName: 'Jo Client', dateOfBirth: '1990-01-01', ...referral(daysAgo(5)) });
    await must(ctx, 'contacts.create', { episodeId: p.episodes[0].id, contactOn: daysAgo(1), mode: 'phone', type: 'one_to_one', attendance: 'attended' });
    await must(ctx, 'myDay.get', {});
    await must(ctx, 'reports.dataQuality', {});
    const period = { kind: 'custom' as const, start: daysAgo(30), end: daysAgo(0) };
    expect((await must(ctx, 'exports.run', { profileId: 'monthly_return', period })).identifiable).toBe(false);
    await must(ctx, 'settings.get', {});
    await must(ctx, 'backups.create', {});

    await expectRefused(ctx, 'members.list', {});
    await expectRefused(ctx, 'members.add', { name: 'Sneaky', role: 'coordinator', passphrase: 'tundra violin marble sequence' });
    await expectRefused(ctx, 'members.setRole', { id: workerId, role: 'coordinator' });
    await expectRefused(ctx, 'members.remove', { id: 1, rekey: true });
    await expectRefused(ctx, 'recovery.regenerate', {});
    await expectRefused(ctx, 'workspace.rekey', {});
    await expectRefused(ctx, 'settings.update', { idleLockMinutes: 15 });
    await expectRefused(ctx, 'sites.save', { name: 'Elsewhere', odsCode: 'RQM99', active: true });
    await expectRefused(ctx, 'audit.list', {});
    await expectRefused(ctx, 'backups.restore', { path: 'x.db', passphrase: 'x', confirm: true });
    await expectRefused(ctx, 'exports.saveProfile', { id: 'mine', name: 'Mine', dataset: 'referrals', columns: [{ id: 'case_id' }] });
    // Allowed as a method, refused by what it would export: rows, even pseudonymised ones.
    await expectRefused(ctx, 'exports.run', { profileId: 'referrals', period });
    await expectRefused(ctx, 'exports.preview', { profileId: 'referrals', period });
  });

  it('a reporting member sees figures and the monthly return, and no record that names anyone', async () => {
    const { ctx, reporterId } = await teamWorkspace(dir);
    const p = await must(ctx, 'people.create', { preferredName: 'Jo Client', dateOfBirth: '1990-01-01', ...referral(daysAgo(5)) });
    const g = await must(ctx, 'groups.create', { type: 'recently_diagnosed_workshop', title: 'Living well', heldOn: daysAgo(1), facilitator: 'Sam Peer' });
    await signInAs(ctx, reporterId, REPORTER_PASSPHRASE);
    // The screen hides what the role cannot call from the list the status sends: the contract's own rule.
    expect((await must(ctx, 'workspace.status', {})).allowed).toEqual(METHOD_NAMES.filter((name) => can('reporting', name)));
    // Whole months only for this role (issue 12, item 4): the month of the referral.
    const [y, m] = daysAgo(5).split('-').map(Number);
    const period = month(y, m);
    const report = await must(ctx, 'reports.monthly', { period });
    // The figures count the referral the reporting member cannot open, hidden as a small number.
    expect(report.current.groups.find((g) => g.measure === 'referrals_received')?.total).toBe('*');
    await must(ctx, 'exports.preview', { profileId: 'monthly_return', period });
    await must(ctx, 'exports.run', { profileId: 'monthly_return', period });
    await must(ctx, 'settings.get', {});
    await must(ctx, 'instruments.list', {});
    await must(ctx, 'session.changePassphrase', { current: REPORTER_PASSPHRASE, next: 'nimbus ferret cobalt quill' });

    await expectRefused(ctx, 'people.list', {});
    await expectRefused(ctx, 'people.get', { id: p.id });
    await expectRefused(ctx, 'people.findDuplicates', { preferredName: 'Jo Client', dateOfBirth: '1990-01-01' });
    await expectRefused(ctx, 'people.create', { preferredName: 'New', dateOfBirth: '1990-01-01', ...referral(daysAgo(1)) });
    await expectRefused(ctx, 'myDay.get', {});
    await expectRefused(ctx, 'reports.dataQuality', {});
    await expectRefused(ctx, 'groups.list', {});
    await expectRefused(ctx, 'groups.get', { id: g.id });
    await expectRefused(ctx, 'backups.list', {});
    await expectRefused(ctx, 'exports.run', { profileId: 'outcomes', period });
  });

  it('identifiable exports are for coordinators only, checked inside the export itself', async () => {
    const { ctx, workerId } = await teamWorkspace(dir);
    await must(ctx, 'exports.saveProfile', { id: 'named', name: 'Named list', dataset: 'referrals', columns: [{ id: 'case_id' }, { id: 'preferred_name' }], identifiable: true });
    const period = { kind: 'custom' as const, start: daysAgo(30), end: daysAgo(0) };
    expect((await must(ctx, 'exports.run', { profileId: 'named', period, confirmIdentifiable: true })).identifiable).toBe(true);
    await signInAs(ctx, workerId, WORKER_PASSPHRASE);
    await expectRefused(ctx, 'exports.run', { profileId: 'named', period, confirmIdentifiable: true });
    await expectRefused(ctx, 'exports.preview', { profileId: 'named', period });
  });
});

describe('passphrases and the recovery key', () => {
  it('changing one’s passphrase rewraps only one’s own slot: the old one stops working, colleagues are untouched', async () => {
    const { ctx, workerId } = await teamWorkspace(dir);
    await signInAs(ctx, workerId, WORKER_PASSPHRASE);
    const keys = envelopeText();
    const wrong = await call(ctx, 'session.changePassphrase', { current: 'not my passphrase', next: 'granite pelican thistle' });
    expect(wrong.ok ? 'changed' : wrong.error).toMatchObject({ code: 'WRONG_PASSPHRASE', fields: { current: expect.stringMatching(/not right/) } });
    const same = await call(ctx, 'session.changePassphrase', { current: WORKER_PASSPHRASE, next: WORKER_PASSPHRASE });
    expect(same.ok ? 'changed' : same.error.fields).toEqual({ next: 'Choose a passphrase different from the current one.' });
    expect(envelopeText()).toBe(keys);
    const slotsBefore = JSON.parse(keys).slots;
    await must(ctx, 'session.changePassphrase', { current: WORKER_PASSPHRASE, next: 'granite pelican thistle' });
    const slotsAfter = JSON.parse(envelopeText()).slots;
    const unchanged = (s: { memberId: number | null }) => s.memberId !== workerId;
    expect(slotsAfter.filter(unchanged)).toEqual(slotsBefore.filter(unchanged));
    lock(ctx);
    expect((await call(ctx, 'session.unlock', { memberId: workerId, passphrase: WORKER_PASSPHRASE })).ok).toBe(false);
    await must(ctx, 'session.unlock', { memberId: workerId, passphrase: 'granite pelican thistle' });
    await signInAs(ctx, 1, PASSPHRASE);
  });

  it('a new recovery key works once shown, and the old one stops working', async () => {
    const { ctx, recoveryKey, coordinatorId } = await teamWorkspace(dir);
    const { recoveryKey: fresh } = await must(ctx, 'recovery.regenerate', {});
    expect(fresh).not.toBe(recoveryKey);
    lock(ctx);
    const old = await call(ctx, 'session.recover', { recoveryKey, newPassphrase: 'lantern orbit meadow quietly' });
    expect(old.ok || old.error.code).toBe('WRONG_RECOVERY_KEY');
    expect(await must(ctx, 'session.recover', { recoveryKey: fresh, newPassphrase: 'lantern orbit meadow quietly', memberId: coordinatorId })).toMatchObject({ memberName: 'Sam Peer', role: 'coordinator' });
    // Other members keep their own passphrases.
    lock(ctx);
    await must(ctx, 'session.unlock', { passphrase: WORKER_PASSPHRASE });
    lock(ctx);
  });
});
