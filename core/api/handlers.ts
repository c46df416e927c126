// The implementation of every contract method. Handlers receive parsed input and throw
// DomainError for expected refusals; dispatch() turns both into Results.
import { getMemberName, getMeta } from '../../db/queries/meta';
import { createPerson, listPeople } from '../../db/queries/people';
import { getSettings, updateSettings } from '../../db/queries/settings';
import { closeWorkspace, createWorkspace, recoverWorkspace, unlockWorkspace, workspaceExists, type OpenWorkspace } from '../../db/workspace';
import type { WorkspaceStatus } from '../domain/workspace';
import { DomainError } from '../domain/result';
import type { AppContext } from './context';
import type { MethodName, MethodOutput, ParsedInput } from './contract';

export type Handlers = {
  [K in MethodName]: (ctx: AppContext, input: ParsedInput<K>) => Promise<MethodOutput<K>> | MethodOutput<K>;
};

function requireSession(ctx: AppContext): OpenWorkspace {
  if (!ctx.session) throw new DomainError('LOCKED', 'The caseload is locked. Unlock it to carry on.');
  return ctx.session;
}

function status(ctx: AppContext): WorkspaceStatus {
  if (!ctx.session) return { state: workspaceExists(ctx.dataDir) ? 'locked' : 'none' };
  const { orm, memberId } = ctx.session;
  return {
    state: 'unlocked',
    organisation: getMeta(orm, 'organisation'),
    memberName: getMemberName(orm, memberId),
    idleLockMinutes: getSettings(orm).idleLockMinutes,
  };
}

function open(ctx: AppContext, ws: OpenWorkspace): WorkspaceStatus {
  if (ctx.session) closeWorkspace(ctx.session);
  ctx.session = ws;
  ctx.onSessionChange?.(true);
  return status(ctx);
}

export function lock(ctx: AppContext): void {
  if (!ctx.session) return;
  const ws = ctx.session;
  ctx.session = null;
  closeWorkspace(ws);
  ctx.onSessionChange?.(false);
}

export const handlers: Handlers = {
  'workspace.status': (ctx) => status(ctx),
  'workspace.create': async (ctx, input) => {
    const { workspace, recoveryKey } = await createWorkspace(ctx, input);
    open(ctx, workspace);
    return { recoveryKey };
  },
  'session.unlock': async (ctx, input) => open(ctx, await unlockWorkspace(ctx, input.passphrase)),
  'session.recover': async (ctx, input) => open(ctx, await recoverWorkspace(ctx, input.recoveryKey, input.newPassphrase)),
  'session.lock': (ctx) => {
    lock(ctx);
    return status(ctx);
  },
  'settings.get': (ctx) => getSettings(requireSession(ctx).orm),
  'settings.update': (ctx, input) => updateSettings(requireSession(ctx).orm, input),
  'people.list': (ctx, input) => listPeople(requireSession(ctx).orm, input),
  'people.create': (ctx, input) => {
    const ws = requireSession(ctx);
    return createPerson(ws.orm, input, ws.memberId);
  },
};
