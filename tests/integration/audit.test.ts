// The audit log: what is recorded, that it holds no identifiable text, that it cannot be changed,
// and that the chain shows tampering. Sign-in protection.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { whenSettled } from '../../core/api/handlers';
import { delayAfter } from '../../core/domain/signIn';
import { waitRemaining } from '../../db/signInGuard';
import { call, daysAgo, must, newWorkspace, PASSPHRASE, referral, tempDir, testContext } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('audit log', () => {
  it('records sign-in, viewing and changing a record, exports and lock, with ids only', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const p = await must(ctx, 'people.create', { preferredName: 'Zebedee Uniquename', nhsNumber: '943 476 5919', dateOfBirth: '1980-01-01', ...referral(daysAgo(3)) });
    await must(ctx, 'people.get', { id: p.id });
    await must(ctx, 'contacts.create', { episodeId: p.episodes[0].id, contactOn: daysAgo(1), mode: 'phone', type: 'one_to_one', attendance: 'attended', note: 'Private note text' });
    await must(ctx, 'exports.run', { profileId: 'referrals', period: { kind: 'custom', start: daysAgo(30), end: daysAgo(0) } });
    await must(ctx, 'settings.update', { escalationRoute: 'Call the duty clinician on extension 1234' });
    close();
    await must(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    const all = await must(ctx, 'audit.list', {});
    // The daily backup runs beside the session, so its entry may fall anywhere in the order.
    expect(all.filter((e) => e.action === 'backup.created')).toHaveLength(1);
    const entries = all.filter((e) => !e.action.startsWith('backup.'));
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'workspace.create',
      'people.create',
      'person.viewed',
      'contacts.create',
      'exports.run',
      'settings.update',
      'session.lock',
      'session.unlock',
    ]);
    expect(entries.find((e) => e.action === 'person.viewed')).toMatchObject({ entity: 'person', entityId: p.id, memberName: 'Sam Peer' });
    expect(JSON.parse(entries.find((e) => e.action === 'exports.run')!.detail!)).toMatchObject({ profileId: 'referrals', rows: 1, identifiable: false, fileType: 'csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const text = JSON.stringify(entries);
    for (const secret of ['Zebedee', 'Uniquename', '9434765919', 'Private note', 'extension 1234']) expect(text).not.toContain(secret);
    expect(await must(ctx, 'audit.verify', {})).toMatchObject({ ok: true, entries: 9, brokenAt: null, head: { entries: 9 }, anchorsFailed: [] });
    close();
  });

  it('cannot be changed or removed, and a broken link is reported', async () => {
    const { ctx, close } = await newWorkspace(dir);
    await must(ctx, 'people.create', { preferredName: 'A B', dateOfBirth: '1980-01-01', ...referral(daysAgo(3)) });
    const db = ctx.session!.db;
    expect(() => db.exec("UPDATE audit_log SET action = 'nothing'")).toThrow(/cannot be changed/);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/cannot be changed/);
    // Someone with the key and a SQLite tool removes the guard and edits an entry.
    db.exec('DROP TRIGGER audit_log_no_update');
    db.exec("UPDATE audit_log SET entity_id = 999 WHERE action = 'people.create'");
    const v = await must(ctx, 'audit.verify', {});
    const edited = db.prepare("SELECT id FROM audit_log WHERE action = 'people.create'").pluck().get();
    expect(v).toMatchObject({ ok: false, brokenAt: edited });
    close();
  });

  it('filters by action and by record', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const p = await must(ctx, 'people.create', { preferredName: 'A B', dateOfBirth: '1980-01-01', ...referral(daysAgo(3)) });
    await must(ctx, 'people.get', { id: p.id });
    await must(ctx, 'people.get', { id: p.id });
    expect((await must(ctx, 'audit.list', { action: 'person.viewed' })).length).toBe(2);
    expect((await must(ctx, 'audit.list', { entity: 'person', entityId: p.id })).length).toBe(3);
    close();
  });
});

describe('the audit log screen', () => {
  it('pages back through the log, and lists the actions it holds', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const p = await must(ctx, 'people.create', { preferredName: 'A B', dateOfBirth: '1980-01-01', ...referral(daysAgo(3)) });
    for (let i = 0; i < 5; i++) await must(ctx, 'people.get', { id: p.id });
    const all = await must(ctx, 'audit.list', { limit: 100 });
    const pages = [await must(ctx, 'audit.list', { limit: 3 }), await must(ctx, 'audit.list', { limit: 3, offset: 3 }), await must(ctx, 'audit.list', { limit: 3, offset: 6 })];
    expect(pages.flat().map((e) => e.id)).toEqual(all.map((e) => e.id).slice(0, 9));
    expect(await must(ctx, 'audit.actions', {})).toEqual(expect.arrayContaining(['people.create', 'person.viewed', 'workspace.create']));
    close();
  });

  it('exports the filtered entries as a CSV for Excel, audits the export, and a cancel saves nothing', async () => {
    const { ctx, close } = await newWorkspace(dir);
    await new Promise((r) => setImmediate(r));
    const p = await must(ctx, 'people.create', { preferredName: 'Zebedee Uniquename', dateOfBirth: '1980-01-01', ...referral(daysAgo(3)) });
    await must(ctx, 'people.get', { id: p.id });
    await must(ctx, 'people.get', { id: p.id });
    const viewed = await must(ctx, 'audit.list', { action: 'person.viewed' });
    const result = await must(ctx, 'audit.export', { action: 'person.viewed' });
    expect(result).toMatchObject({ rows: 2, fileName: expect.stringMatching(/^audit-log_all_to_\d{4}-\d{2}-\d{2}\.csv$/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const csv = readFileSync(result.location, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('When (UTC),Member,Action,What,Entity,Entity id,Detail,Entry id,Hash');
    expect(lines.slice(1)).toEqual(viewed.map((e) => `${e.at},Sam Peer,person.viewed,Viewed a record,person,${p.id},,${e.id},${e.hash}`));
    expect(csv).not.toContain('Zebedee');
    expect(readdirSync(join(dir, 'exports')).filter((f) => f.includes('.partial'))).toEqual([]);
    const [audited] = await must(ctx, 'audit.list', { action: 'audit.export' });
    expect(JSON.parse(audited.detail!)).toMatchObject({ action: 'person.viewed', rows: 2, sha256: result.sha256 });

    ctx.exportDestination = async () => null;
    const before = readdirSync(join(dir, 'exports'));
    const cancelled = await call(ctx, 'audit.export', {});
    expect(cancelled.ok ? 'saved' : cancelled.error.code).toBe('CANCELLED');
    expect(readdirSync(join(dir, 'exports'))).toEqual(before);
    close();
  });
});

describe('the audit export’s dates and file name', () => {
  it('refuses dates that are not real ISO dates, so nothing is written outside the exports folder', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const outside = dirname(dir);
    const around = () => ({ parent: readdirSync(outside).sort(), data: readdirSync(dir).sort() });
    const before = around();
    const exportsList = () => (existsSync(join(dir, 'exports')) ? readdirSync(join(dir, 'exports')) : []);
    const exportsBefore = exportsList();
    for (const input of [{ from: '/../../../' }, { to: '/../../../' }, { from: '..\\..\\x' }, { from: '2026-02-30' }, { to: '2026-13-01' }, { from: '1/2/2026' }, { from: '' }]) {
      const result = await call(ctx, 'audit.export', input);
      expect(result.ok ? 'saved' : result.error.code, JSON.stringify(input)).toBe('VALIDATION');
      expect((await call(ctx, 'audit.list', input)).ok).toBe(false);
    }
    expect(around()).toEqual(before);
    expect(exportsList()).toEqual(exportsBefore);
    // Real dates still work, and name the file.
    const saved = await must(ctx, 'audit.export', { from: '2026-01-01', to: '2026-12-31' });
    expect(saved.fileName).toBe('audit-log_2026-01-01_2026-12-31.csv');
    expect(dirname(saved.location)).toBe(join(dir, 'exports'));
    close();
  });

  it('reduces any suggested name to its base name inside the exports folder, and refuses an empty one', async () => {
    const { ctx, close } = await newWorkspace(dir);
    expect(await ctx.exportDestination('../../../escape.csv')).toBe(join(dir, 'exports', 'escape.csv'));
    expect(await ctx.exportDestination('..\\..\\escape.csv')).toBe(join(dir, 'exports', 'escape.csv'));
    expect(await ctx.exportDestination('sub/dir/report.csv')).toBe(join(dir, 'exports', 'report.csv'));
    await expect(ctx.exportDestination('../')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(ctx.exportDestination('')).rejects.toMatchObject({ code: 'VALIDATION' });
    close();
  });
});

describe('sign-in protection', () => {
  it('slows wrong passphrases down after three, and audits them at the next sign-in', async () => {
    const { close } = await newWorkspace(dir);
    close();
    const ctx = testContext(dir);
    for (let i = 0; i < 4; i++) expect((await call(ctx, 'session.unlock', { passphrase: `wrong guess number ${i}` })).ok).toBe(false);
    // The fifth try comes too soon, even with the right passphrase.
    const early = await call(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    expect(early).toEqual({ ok: false, error: expect.objectContaining({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/Wait \d+ seconds? and try again/) }) });
    // A restarted app remembers the wait.
    const restarted = testContext(dir);
    expect((await call(restarted, 'session.unlock', { passphrase: PASSPHRASE })).ok).toBe(false);
    // Once the wait is over, the right passphrase works and the failures are in the audit log.
    const state = JSON.parse(readFileSync(join(dir, 'caseload.signin'), 'utf8')) as { failures: string[] };
    const past = state.failures.map((_, i) => new Date(Date.now() - 3_600_000 + i).toISOString());
    writeFileSync(join(dir, 'caseload.signin'), JSON.stringify({ failures: past }));
    // (The key file keeps a copy of the count and the last time: an hour ago there too.)
    const keys = JSON.parse(readFileSync(join(dir, 'caseload.keys'), 'utf8'));
    expect(keys.signIn.count).toBe(4);
    writeFileSync(join(dir, 'caseload.keys'), JSON.stringify({ ...keys, signIn: { count: 4, last: past.at(-1) } }));
    await must(restarted, 'session.unlock', { passphrase: PASSPHRASE });
    const failed = await must(restarted, 'audit.list', { action: 'session.failed_sign_in' });
    expect(failed).toHaveLength(4);
    expect(readdirSync(dir)).not.toContain('caseload.signin');
    await must(restarted, 'session.lock', {});
    await whenSettled(restarted);
    // Signed in: the key file's count starts again.
    expect(JSON.parse(readFileSync(join(dir, 'caseload.keys'), 'utf8')).signIn).toBeUndefined();
  });

  it('deleting the failures file, or damaging it, brings the longest wait, not none', async () => {
    const { close } = await newWorkspace(dir);
    close();
    const ctx = testContext(dir);
    for (let i = 0; i < 2; i++) expect((await call(ctx, 'session.unlock', { passphrase: `wrong guess number ${i}` })).ok).toBe(false);
    rmSync(join(dir, 'caseload.signin'));
    const deleted = await call(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    expect(deleted.ok ? 'opened' : deleted.error.message).toMatch(/^Too many wrong passphrases\. Wait 5 minutes/);
    writeFileSync(join(dir, 'caseload.signin'), '{ not the app’s');
    const damaged = await call(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    expect(damaged.ok ? 'opened' : damaged.error.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('a clock moved back does not reset the wait, nor stretch it past the delay', () => {
    const last = new Date('2026-12-07T12:00:00Z');
    const state = { failures: [], count: 5, last: last.toISOString() };
    const delay = delayAfter(5);
    expect(waitRemaining(state, new Date(last.getTime() + 1000))).toBe(delay - 1000);
    // The clock set back a day: still the whole delay, not nothing and not a day.
    expect(waitRemaining(state, new Date(last.getTime() - 86_400_000))).toBe(delay);
  });
});
