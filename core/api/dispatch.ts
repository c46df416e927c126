// The single entry point every transport calls: check the signed-in member's role may call the
// method, parse the input with the contract's schema, run the handler, and always answer with a
// Result. Nothing identifiable is logged: only the method name and an error code.
import { fail, ok, DomainError, type Result } from '../domain/result';
import { fieldErrors } from '../domain/validation';
import type { AppContext } from './context';
import { contract, isMethodName, type MethodName, type MethodOutput } from './contract';
import { ACCESS, FORBIDDEN_MESSAGE, type Access } from '../domain/roles';
import { appendAudit } from '../../db/queries/audit';
import { checkpointCommitted } from '../../db/connection';
import { DISK_FULL_MESSAGE, diskProblem, READ_ONLY_MESSAGE } from './diskErrors';
import { activeRole } from '../../db/queries/members';
import { describeCall } from './audit';
import { handlers } from './handlers';

export type Logger = (event: string, detail: Record<string, string | number>) => void;

const defaultLogger: Logger = (event, detail) => console.error(`[api] ${event}`, detail);

// Unlock and set-up change the session, and the member and key methods rewrite the key file: run
// them one at a time so two clicks cannot race (or one write undo another).
let queue: Promise<unknown> = Promise.resolve();
const SERIAL = new Set<MethodName>([
  'workspace.create',
  'session.unlock',
  'session.recover',
  'session.lock',
  'backups.restore',
  'members.add',
  'members.remove',
  'session.changePassphrase',
  'recovery.regenerate',
  'workspace.rekey',
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
  'backups.inspect',
  'backups.restore',
  'backups.create',
  'backups.chooseFolder',
  'audit.export',
  'exports.saveProfileFile',
  'people.subjectAccess',
  // These make their own transaction around the key file (see handlers/members.ts).
  'members.add',
  'members.remove',
  'session.changePassphrase',
  'workspace.rekey',
]);

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
      appendAudit(ctx.session.orm, { at: new Date().toISOString(), memberId: ctx.session.memberId, action: 'access.refused', entity: 'session', detail: { method: name } });
    } catch {
      // The refusal stands even if it could not be written down.
    }
  }
  return fail('FORBIDDEN', FORBIDDEN_MESSAGE);
}

/** Handlers that run their own transaction, with their own audit entries (one per person purged). */
const OWN_TRANSACTION = new Set<MethodName>(['retention.purge']);

function audit(ctx: AppContext, name: MethodName, input: unknown, value: unknown): void {
  const described = ctx.session ? describeCall(name, input, value) : null;
  if (described && ctx.session) appendAudit(ctx.session.orm, { ...described, at: new Date().toISOString(), memberId: ctx.session.memberId });
}

async function callHandler(ctx: AppContext, name: MethodName, input: unknown, log: Logger): Promise<Result<unknown>> {
  try {
    const handler = handlers[name] as (ctx: AppContext, input: unknown) => Promise<MethodOutput<MethodName>> | MethodOutput<MethodName>;
    const session = ctx.session;
    let value: unknown;
    if (session && !ASYNC.has(name) && !OWN_TRANSACTION.has(name)) {
      // The change and its audit entry commit together, or neither does.
      value = session.db.transaction(() => {
        const v = handler(ctx, input);
        audit(ctx, name, input, v);
        return v;
      })();
    } else {
      value = await handler(ctx, input);
      audit(ctx, name, input, value);
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
