// Helpers for integration tests: a real encrypted workspace in a fresh temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, repoMigrationsDir, type AppContext } from '../../core/api/context';
import { dispatch } from '../../core/api/dispatch';
import type { MethodInput, MethodName, MethodOutput } from '../../core/api/contract';
import type { Result } from '../../core/domain/result';
import { lock, whenSettled } from '../../core/api/handlers';

export const PASSPHRASE = 'correct horse battery staple';

/** Argon2id at OWASP's minimum: the real algorithm, cheaper so the suite stays quick. */
export const TEST_ARGON2 = { memoryKiB: 19456, iterations: 2, parallelism: 1 };

export function tempDir(prefix = 'caseload-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testContext(dataDir: string): AppContext {
  return createContext({ dataDir, migrationsDir: repoMigrationsDir(), argon2: TEST_ARGON2 });
}

/** Calls a method through the same dispatcher Electron and the harness use. */
export async function call<K extends MethodName>(ctx: AppContext, name: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>> {
  return (await dispatch(ctx, name, input, () => undefined)) as Result<MethodOutput<K>>;
}

/** The value of a call that must succeed; a failure shows its error in the test output. */
export async function must<K extends MethodName>(ctx: AppContext, name: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const result = await call(ctx, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
  return result.value;
}

export async function newWorkspace(dataDir: string) {
  const ctx = testContext(dataDir);
  const { recoveryKey } = await must(ctx, 'workspace.create', {
    organisation: 'Riverside Sexual Health',
    displayName: 'Sam Peer',
    passphrase: PASSPHRASE,
  });
  // Set-up takes the first daily backup on a worker thread: tests start once it is there.
  await whenSettled(ctx);
  return { ctx, recoveryKey, close: () => lock(ctx) };
}

/** Every row of every table, to show a refused call changed nothing. */
export function snapshot(ctx: AppContext, except: string[] = []): Record<string, unknown[]> {
  const db = ctx.session!.db;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((t) => t.name)
    .filter((t) => !except.includes(t));
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}

/** An ISO date `n` days before today (local), for records that must be in the past. */
export function daysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const referral = (receivedOn: string) =>
  ({ referralReceivedOn: receivedOn, referralSource: 'opt_out_clinic', pathway: 'opt_out_new_diagnosis' }) as const;

export const WORKER_PASSPHRASE = 'copper lantern meadow quietly';
export const REPORTER_PASSPHRASE = 'orbit pebble saffron drizzle';

/** A workspace with a coordinator (Sam Peer), a peer worker and a reporting member. */
export async function teamWorkspace(dataDir: string) {
  const made = await newWorkspace(dataDir);
  const coordinatorId = made.ctx.session!.memberId;
  await must(made.ctx, 'members.add', { name: 'Ade Worker', role: 'peer_worker', passphrase: WORKER_PASSPHRASE });
  const team = await must(made.ctx, 'members.add', { name: 'Kim Reports', role: 'reporting', passphrase: REPORTER_PASSPHRASE });
  const idOf = (name: string) => team.find((m) => m.name === name)!.id;
  return { ...made, coordinatorId, workerId: idOf('Ade Worker'), reporterId: idOf('Kim Reports') };
}

/** Locks, then signs in as the given member, choosing them as the lock screen does. */
export async function signInAs(ctx: AppContext, memberId: number, passphrase: string): Promise<void> {
  lock(ctx);
  await must(ctx, 'session.unlock', { memberId, passphrase });
  // Signed in and writable: the whole-file check begun at unlock has passed.
  await whenSettled(ctx);
}

/** How many audit entries there are: a refused call changes nothing but adds one `access.refused`. */
export function auditCount(ctx: AppContext): number {
  return (ctx.session!.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}
/** Every row of every table except the audit log. */
export function snapshotWithoutAudit(ctx: AppContext): Record<string, unknown[]> {
  return snapshot(ctx, ['audit_log']);
}
/** The audit entries after the first `from`. */
export function auditSince(ctx: AppContext, from: number): { action: string; detail: string | null; member_id: number | null; entity_id: number | null }[] {
  return ctx.session!.db.prepare('SELECT action, detail, member_id, entity_id FROM audit_log WHERE id > ? ORDER BY id').all(from) as never;
}
