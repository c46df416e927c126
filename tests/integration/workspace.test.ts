import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lock } from '../../core/api/handlers';
import { applyKey } from '../../db/connection';
import { openWithPassphrase, readEnvelope } from '../../db/keyEnvelope';
import { workspacePaths } from '../../db/workspace';
import Database from 'better-sqlite3';
import { call, must, newWorkspace, PASSPHRASE, tempDir, testContext } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const person = { preferredName: 'Amara Okonkwo-Testperson', nhsNumber: '943 476 5919', dateOfBirth: '1988-04-12', referralReceivedOn: '2026-10-01', referralSource: 'opt_out_clinic', pathway: 'opt_out_new_diagnosis' } as const;

describe('a workspace on disk', () => {
  it('is created, closed and reopened by passphrase with the person still there', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const added = await must(ctx, 'people.create', person);
    expect(added.caseId).toMatch(/^PS-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(added.nhsNumber).toBe('9434765919');
    expect(added.episodes).toHaveLength(1);
    close();

    const again = testContext(dir);
    expect((await must(again, 'workspace.status', {})).state).toBe('locked');
    const status = await must(again, 'session.unlock', { passphrase: PASSPHRASE });
    expect(status).toMatchObject({ state: 'unlocked', organisation: 'Riverside Sexual Health', memberName: 'Sam Peer' });
    const { rows } = await must(again, 'people.list', {});
    expect(rows.map((p) => p.preferredName)).toEqual([person.preferredName]);
    expect(rows[0].referralReceivedOn).toBe('2026-10-01');
    lock(again);
  });

  it('says so plainly when the passphrase is wrong, and changes nothing', async () => {
    const { close } = await newWorkspace(dir);
    close();
    // The backups folder holds the daily backup taken at set-up.
    // The key file gains only its copy of the wrong-passphrase count (db/signInGuard.ts).
    const withoutCount = (f: string) => (f === 'caseload.keys' ? JSON.stringify({ ...JSON.parse(readFileSync(join(dir, f), 'utf8')), signIn: undefined }) : readFileSync(join(dir, f)).toString('base64'));
    const caseloadFiles = () => readdirSync(dir).filter((f) => f !== 'caseload.signin' && f !== 'backups').map((f) => [f, withoutCount(f)]);
    const before = caseloadFiles();
    const ctx = testContext(dir);
    const result = await call(ctx, 'session.unlock', { passphrase: 'not the passphrase at all' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'WRONG_PASSPHRASE', message: expect.stringMatching(/passphrase is not right/) }) });
    expect(ctx.session).toBeNull();
    expect(caseloadFiles()).toEqual(before);
    // Only the time of the attempt is noted beside it, for the delay and the audit log.
    expect(JSON.parse(readFileSync(join(dir, 'caseload.signin'), 'utf8'))).toEqual({ failures: [expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/)] });
    expect(JSON.parse(readFileSync(join(dir, 'caseload.keys'), 'utf8')).signIn).toEqual({ count: 1, last: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
  });

  it('opens with the recovery key, takes a new passphrase, and the old one stops working', async () => {
    const { ctx, recoveryKey, close } = await newWorkspace(dir);
    await must(ctx, 'people.create', person);
    close();
    const ctx2 = testContext(dir);
    const newPassphrase = 'lantern orbit meadow quietly';
    await must(ctx2, 'session.recover', { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' '), newPassphrase });
    expect((await must(ctx2, 'people.list', {})).total).toBe(1);
    lock(ctx2);
    expect((await call(ctx2, 'session.unlock', { passphrase: PASSPHRASE })).ok).toBe(false);
    expect((await call(ctx2, 'session.unlock', { passphrase: newPassphrase })).ok).toBe(true);
    lock(ctx2);
  });

  it('refuses a wrong recovery key without touching the key file', async () => {
    const { close } = await newWorkspace(dir);
    close();
    const envelopeBefore = readFileSync(workspacePaths(dir).envelope, 'utf8');
    const ctx = testContext(dir);
    const result = await call(ctx, 'session.recover', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', newPassphrase: 'lantern orbit meadow quietly' });
    expect(result.ok || result.error.code).toBe('WRONG_RECOVERY_KEY');
    expect(readFileSync(workspacePaths(dir).envelope, 'utf8')).toBe(envelopeBefore);
  });

  it('leaves no plaintext on disk: no SQLite header and no name in any file', async () => {
    const { ctx, close } = await newWorkspace(dir);
    await must(ctx, 'people.create', person);
    // Look while the session is open too, when the -wal file holds the newest pages.
    const scan = () => {
      // Every file, backups included.
      for (const file of readdirSync(dir, { recursive: true }) as string[]) {
        if (statSync(join(dir, file)).isDirectory()) continue;
        const bytes = readFileSync(join(dir, file));
        expect(bytes.includes('SQLite format 3'), `${file} has a plaintext SQLite header`).toBe(false);
        expect(bytes.includes('Okonkwo'), `${file} holds the name in the clear`).toBe(false);
        expect(bytes.includes('9434765919'), `${file} holds the NHS Number in the clear`).toBe(false);
      }
    };
    expect(readdirSync(dir).some((f) => f.endsWith('-wal'))).toBe(true);
    scan();
    await new Promise((r) => setImmediate(r)); // let the daily backup run
    // The backup, its key file, and the audit log's head noted beside it (an anchor: auditAnchors.test.ts).
    expect(readdirSync(join(dir, 'backups')).map((f) => f.replace(/^caseload-backup-\w+/, '')).sort()).toEqual(['.audit-head.json', '.db', '.keys']);
    scan();
    close();
    scan();
  });

  it('refuses a caseload written by a newer version, and leaves it as it was', async () => {
    const { ctx, close } = await newWorkspace(dir);
    // As if a later app version had migrated this file past what this build knows.
    ctx.session!.db.pragma('user_version = 999');
    close();
    const bytes = readFileSync(workspacePaths(dir).database);
    const again = testContext(dir);
    const result = await call(again, 'session.unlock', { passphrase: PASSPHRASE });
    expect(result.ok ? 'opened' : result.error).toEqual(expect.objectContaining({ code: 'SCHEMA_TOO_NEW', message: expect.stringMatching(/newer version/) }));
    expect(readFileSync(workspacePaths(dir).database).equals(bytes)).toBe(true);
  });

  it('reports a damaged key file and never overwrites it', async () => {
    const { close } = await newWorkspace(dir);
    close();
    const path = workspacePaths(dir).envelope;
    const damaged = readFileSync(path, 'utf8').slice(0, 200);
    writeFileSync(path, damaged);
    const ctx = testContext(dir);
    const unlock = await call(ctx, 'session.unlock', { passphrase: PASSPHRASE });
    expect(unlock.ok ? 'opened' : unlock.error.code).toBe('ENVELOPE_DAMAGED');
    const create = await call(ctx, 'workspace.create', { organisation: 'X', displayName: 'Y', passphrase: 'lantern orbit meadow quietly' });
    expect(create.ok ? 'created' : create.error.code).toBe('WORKSPACE_EXISTS');
    expect(readFileSync(path, 'utf8')).toBe(damaged);
  });

  it('is a SQLCipher v4 file: the data key opens it with the standard settings', async () => {
    const { ctx, close } = await newWorkspace(dir);
    await must(ctx, 'people.create', person);
    close();
    const { database, envelope } = workspacePaths(dir);
    // No plaintext SQLite header, and no readable name anywhere in the file.
    const bytes = readFileSync(database);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('Okonkwo'))).toBe(false);
    // Without the key nothing is readable.
    const bare = new Database(database);
    expect(() => bare.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow();
    bare.close();
    // With a wrong key the same.
    const wrong = new Database(database);
    applyKey(wrong, Buffer.alloc(32, 7));
    expect(() => wrong.prepare('SELECT count(*) FROM people').get()).toThrow();
    wrong.close();
    // The data key the passphrase unwraps opens it with SQLCipher 4's published defaults, written
    // out here rather than through the app's own code: any SQLCipher 4 tool can read it.
    const unwrapped = await openWithPassphrase(readEnvelope(envelope), PASSPHRASE);
    const standard = new Database(database, { readonly: true });
    standard.pragma(`cipher = 'sqlcipher'`);
    standard.pragma('legacy = 4');
    standard.pragma(`key = "x'${unwrapped!.keys[0].dataKey.toString('hex')}'"`);
    expect(standard.prepare('SELECT preferred_name FROM people').pluck().all()).toEqual([person.preferredName]);
    expect(standard.pragma('integrity_check', { simple: true })).toBe('ok');
    standard.close();
  });
});

describe('where the caseload may live', () => {
  it('refuses a network path with the reason and a suggestion, creating nothing', async () => {
    const ctx = testContext('//nhs-fs01/share/caseload');
    const r = await call(ctx, 'workspace.create', { organisation: 'X', displayName: 'Y', passphrase: 'violet harbour tractor sunrise' });
    expect(r.ok ? 'created' : r.error.message).toMatch(/cannot be kept on a network drive.*backups on the network drive/);
  });
});
