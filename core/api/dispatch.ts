// The single entry point every transport calls: check the signed-in member's role may call the
// method, parse the input with the contract's schema, run the handler, and always answer with a
// Result. Nothing identifiable is logged: only the method name and an error code.
import { fail, ok, DomainError, type Result } from '../domain/result';
import { fieldErrors } from '../domain/validation';
import type { AppContext } from './context';
import { contract, isMethodName, type MethodName, type MethodOutput } from './contract';
import { FORBIDDEN_MESSAGE, type Access } from '../domain/roles';
import { appendAudit, type AuditInput } from '../../db/queries/audit';
import type { OpenWorkspace } from '../../db/workspace';
import { checkpointCommitted } from '../../db/connection';
import { DISK_FULL_MESSAGE, diskProblem, READ_ONLY_MESSAGE } from './diskErrors';
import { activeRole } from '../../db/queries/members';
import { describeCall } from './audit';
import { handlers, untilChecked } from './handlers';
import { checkListCodes } from './listChecks';

export type Logger = (event: string, detail: Record<string, string | number>) => void;

const defaultLogger: Logger = (event, detail) => console.error(`[api] ${event}`, detail);

// Each method's roles, mode and audit entry are declared with it in core/api/contract.ts.
// One call at a time for the methods declared `serial`.
let queue: Promise<unknown> = Promise.resolve();

export async function dispatch(ctx: AppContext, name: unknown, rawInput: unknown, log: Logger = defaultLogger): Promise<Result<unknown>> {
  if (!isMethodName(name)) return fail('NOT_FOUND', 'The app asked for something it does not know how to do.');
  // Before the input is even read: a refused call runs nothing.
  if (!allowed(ctx, name)) return refuse(ctx, name);
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return fail('VALIDATION', 'Some details need checking.', fieldErrors(parsed.error));
  }
  const run = () => callHandler(ctx, name, parsed.data, log);
  if (!methodPolicy(name).serial) return run();
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** How a method is guarded and run, as the dispatcher sees it (read by the method snapshot test). */
export function methodPolicy(name: MethodName): { roles: Access; serial: boolean; async: boolean; whileChecking: boolean; ownTransaction: boolean } {
  const { roles, mode, serial, ownTransaction } = contract[name];
  return {
    roles,
    serial: serial === true,
    // Awaited outside the dispatcher's transaction, audited after it finishes.
    async: mode === 'task' || mode === 'readTask',
    // Answered while the unlock's whole-file check runs.
    whileChecking: mode === 'read' || mode === 'readTask',
    ownTransaction: ownTransaction === true,
  };
}

/** Without a session every guarded method answers LOCKED from its handler; with one, the role decides. */
function allowed(ctx: AppContext, name: MethodName): boolean {
  const rule = contract[name].roles;
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
    const policy = methodPolicy(name);
    if (ctx.checking && !policy.whileChecking) await untilChecked(ctx);
    const handler = handlers[name] as (ctx: AppContext, input: unknown) => Promise<MethodOutput<MethodName>> | MethodOutput<MethodName>;
    const session = ctx.session;
    let value: unknown;
    if (session && !policy.async && !policy.ownTransaction) {
      // The change and its audit entry commit together, or neither does.
      value = session.db.transaction(() => {
        checkListCodes(session.db, name, input);
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
    if (e instanceof DomainError && e.code === 'FORBIDDEN' && contract[name].roles !== 'anyone') return refuse(ctx, name);
    if (e instanceof DomainError) return fail(e.code, e.message, e.fields);
    const code = (e as { code?: unknown }).code;
    log('handler failed', { method: name, error: (e as Error)?.name ?? 'unknown', code: typeof code === 'string' ? code : '' });
    const problem = diskProblem(e);
    if (problem === 'full') return fail('DISK_FULL', DISK_FULL_MESSAGE);
    if (problem === 'read_only') return fail('READ_ONLY', READ_ONLY_MESSAGE);
    return fail('INTERNAL', 'Something went wrong and this was not saved. Try again; if it happens again, tell your coordinator.');
  }
}
