// The single entry point every transport calls: check the signed-in member's role may call the
// method, parse the input with the contract's schema, run the handler, and always answer with a
// Result. Nothing identifiable is logged: only the method name and an error code.
import { fail, ok, DomainError, type Result } from '../domain/result';
import { fieldErrors } from '../domain/validation';
import type { AppContext } from './context';
import { contract, isMethodName, type MethodName, type MethodOutput } from './contract';
import { ACCESS, FORBIDDEN_MESSAGE, type Access } from '../domain/roles';
import { appendAudit, type AuditInput } from '../../db/queries/audit';
import type { OpenWorkspace } from '../../db/workspace';
import { checkpointCommitted } from '../../db/connection';
import { DISK_FULL_MESSAGE, diskProblem, READ_ONLY_MESSAGE } from './diskErrors';
import { activeRole } from '../../db/queries/members';
import { describeCall } from './audit';
import { handlers, untilChecked } from './handlers';

export type Logger = (event: string, detail: Record<string, string | number>) => void;

const defaultLogger: Logger = (event, detail) => console.error(`[api] ${event}`, detail);

// Unlock and set-up change the session, and the member and key methods rewrite the key file: run
// them one at a time so two clicks cannot race (or one write undo another). Locking is not among
// them: it must act at once, even during a long re-key (which notices and stops, as with the idle lock).
let queue: Promise<unknown> = Promise.resolve();
const SERIAL = new Set<MethodName>([
  'workspace.create',
  'session.unlock',
  'session.recover',
  'backups.restore',
  'members.add',
  'members.remove',
  'session.changePassphrase',
  'recovery.regenerate',
  'workspace.rekey',
  'training.open',
  'training.reset',
]);

/** Every contract method has an entry: a new method without one fails to compile (and a unit test). */
const access: Record<MethodName, Access> = ACCESS;

export async function dispatch(ctx: AppContext, name: unknown, rawInput: unknown, log: Logger = defaultLogger): Promise<Result<unknown>> {
  if (!isMethodName(name)) return fail('NOT_FOUND', 'The app asked for something it does not know how to do.');
  // Before the input is even read: a refused call runs nothing.
  if (!allowed(ctx, name)) return refuse(ctx, name);
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail('VALIDATION', 'Some details need checking.', fieldErrors(parsed.error));
  }
  const run = () => callHandler(ctx, name, parsed.data, log);
  if (!SERIAL.has(name)) return run();
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** Handlers that wait (key derivation, file writing): audited after they finish. */
const ASYNC = new Set<MethodName>([
  'workspace.create',
  'session.unlock',
  'session.recover',
  'session.lock',
  'exports.run',
  'exports.preview',
  'backups.list',
  'backups.inspect',
  'backups.restore',
  'backups.create',
  'backups.chooseFolder',
  'backups.chooseFile',
  'training.open',
  'training.reset',
  'audit.export',
  'exports.saveProfileFile',
  'people.subjectAccess',
  // These make their own transaction around the key file (see handlers/members.ts).
  'members.add',
  'members.remove',
  'session.changePassphrase',
  'workspace.rekey',
]);

/**
 * Calls that only read and leave no audit entry: answered while the unlock's whole-file check is
 * still running on its worker thread, so the first screens show at once (the session reads through
 * a read-only connection until then; db/workspace.ts). Every other call waits for the check, and
 * is refused with the damaged file's words if it fails: nothing is written to a file not yet known
 * to be whole. A read left off this list only waits; a write put on it would fail read-only.
 */
const WHILE_CHECKING = new Set<MethodName>([
  'workspace.status',
  'session.lock',
  'settings.get',
  'sites.list',
  'licences.get',
  'instruments.list',
  'myDay.get',
  'people.list',
  'people.findDuplicates',
  'groups.list',
  'groups.get',
  'reports.monthly',
  'reports.drillDown',
  'reports.dataQuality',
  'exports.profiles',
  'exports.progress',
  'exports.log',
  'members.list',
  'backups.list',
  'backups.location',
  'retention.list',
  'workspace.rekeyProgress',
]);

/** How a method is guarded and run, as the dispatcher sees it (read by the method snapshot test). */
export function methodPolicy(name: MethodName): { roles: Access; serial: boolean; async: boolean; whileChecking: boolean; ownTransaction: boolean } {
  return { roles: access[name], serial: SERIAL.has(name), async: ASYNC.has(name), whileChecking: WHILE_CHECKING.has(name), ownTransaction: OWN_TRANSACTION.has(name) };
}

/** Without a session every guarded method answers LOCKED from its handler; with one, the role decides. */
function allowed(ctx: AppContext, name: MethodName): boolean {
  const rule = access[name];
  if (rule === 'anyone' || !ctx.session) return true;
  const role = activeRole(ctx.session.orm, ctx.session.memberId);
  return role !== null && rule.includes(role);
}

/** Refused calls leave a trace for the coordinator: the method, never its input. */
function refuse(ctx: AppContext, name: MethodName): Result<never> {
  if (ctx.session) {
    try {
      record(ctx, ctx.session, { at: new Date().toISOString(), memberId: ctx.session.memberId, action: 'access.refused', entity: 'session', detail: { method: name } }, () => undefined);
    } catch {
      // The refusal stands even if it could not be written down.
    }
  }
  return fail('FORBIDDEN', FORBIDDEN_MESSAGE);
}

/** Handlers that run their own transaction, with their own audit entries (one per person purged). */
const OWN_TRANSACTION = new Set<MethodName>(['retention.purge']);

function audit(ctx: AppContext, name: MethodName, input: unknown, value: unknown, log: Logger): void {
  const ws = ctx.session;
  const described = ws ? describeCall(name, input, value) : null;
  if (ws && described) record(ctx, ws, { ...described, at: new Date().toISOString(), memberId: ws.memberId }, log);
}

/**
 * Writes an audit entry now or, while the unlock's whole-file check runs (the unlock itself, a
 * refusal), once the check has passed and the unlock's other held-back writes are made: never
 * into a file that turned out damaged.
 */
function record(ctx: AppContext, ws: OpenWorkspace, entry: AuditInput, log: Logger): void {
  if (!ctx.checking) return void appendAudit(ws.orm, entry);
  ctx.checking.then(
    () => {
      try {
        appendAudit(ws.orm, entry);
        checkpointCommitted(ws.db);
      } catch (e) {
        log('audit entry not written', { action: entry.action, error: (e as Error)?.name ?? 'unknown' });
      }
    },
    () => undefined,
  );
}

async function callHandler(ctx: AppContext, name: MethodName, input: unknown, log: Logger): Promise<Result<unknown>> {
  try {
    if (ctx.checking && !WHILE_CHECKING.has(name)) await untilChecked(ctx);
    const handler = handlers[name] as (ctx: AppContext, input: unknown) => Promise<MethodOutput<MethodName>> | MethodOutput<MethodName>;
    const session = ctx.session;
    let value: unknown;
    if (session && !ASYNC.has(name) && !OWN_TRANSACTION.has(name)) {
      // The change and its audit entry commit together, or neither does.
      value = session.db.transaction(() => {
        const v = handler(ctx, input);
        audit(ctx, name, input, v, log);
        return v;
      })();
    } else {
      value = await handler(ctx, input);
      audit(ctx, name, input, value, log);
    }
    // Acknowledged means in the caseload file itself, not only in its -wal file.
    if (ctx.session) checkpointCommitted(ctx.session.db);
    return ok(value);
  } catch (e) {
    // A handler's own refusal (an export beyond the role) is audited like the dispatcher's.
    if (e instanceof DomainError && e.code === 'FORBIDDEN' && access[name] !== 'anyone') return refuse(ctx, name);
    if (e instanceof DomainError) return fail(e.code, e.message, e.fields);
    const code = (e as { code?: unknown }).code;
    log('handler failed', { method: name, error: (e as Error)?.name ?? 'unknown', code: typeof code === 'string' ? code : '' });
    const problem = diskProblem(e);
    if (problem === 'full') return fail('DISK_FULL', DISK_FULL_MESSAGE);
    if (problem === 'read_only') return fail('READ_ONLY', READ_ONLY_MESSAGE);
    return fail('INTERNAL', 'Something went wrong and this was not saved. Try again; if it happens again, tell your coordinator.');
  }
}
