// Workspace, session, settings and sites.
import { rescoreOutdated } from '../../../db/queries/assessments';
import { appendAudit } from '../../../db/queries/audit';
import { clearRestoreNote, readRestoreNote } from '../../../db/restoreNote';
import { clearSignIn, readSignIn, recordFailure, waitRemaining } from '../../../db/signInGuard';
import { waitInWords } from '../../domain/signIn';
import { DomainError } from '../../domain/result';
import { confirmLicence, getLicences, getSettings, updateSettings } from '../../../db/queries/settings';
import { instrumentViews } from '../../domain/instruments/view';
import { listSites, saveSite } from '../../../db/queries/sites';
import { CaseloadDamaged, closeWorkspace, createWorkspace, recoverWorkspace, unlockWorkspace, type OpenWorkspace } from '../../../db/workspace';
import type { WorkspaceStatus } from '../../domain/workspace';
import type { AppContext } from '../context';
import type { HandlerMap } from './types';
import { requireSession, session } from './context';
import { dailyBackup } from './backups';
import { status } from './status';

function open(ctx: AppContext, ws: OpenWorkspace): WorkspaceStatus {
  if (ctx.session) closeWorkspace(ctx.session);
  // A corrected scoring table re-scores history from the stored answers.
  rescoreOutdated(ws.orm);
  // Failed attempts made while locked join the audit log now that it can be written.
  for (const at of readSignIn(ctx.dataDir).failures) appendAudit(ws.orm, { at, memberId: null, action: 'session.failed_sign_in', entity: 'session' });
  clearSignIn(ctx.dataDir);
  // A restore made since the last session goes into the restored caseload's own log.
  const restored = readRestoreNote(ctx.dataDir);
  if (restored) {
    appendAudit(ws.orm, { at: restored.at, memberId: null, action: 'backup.restored', entity: 'backup', detail: { fileName: restored.fileName } });
    clearRestoreNote(ctx.dataDir);
  }
  ctx.damage = null;
  // The daily backup runs just after unlock, so the worker is not kept waiting for it.
  setImmediate(() => dailyBackup(ctx, ws));
  ctx.session = ws;
  ctx.onSessionChange?.(true);
  return status(ctx);
}

/**
 * A damaged caseload or key file: the app keeps what it found (the copy, the backups) so the
 * damaged screen can show it, and says plainly where the copy is.
 */
async function opening(ctx: AppContext, unlock: () => Promise<OpenWorkspace>): Promise<WorkspaceStatus> {
  try {
    return open(ctx, await unlock());
  } catch (e) {
    if (!(e instanceof CaseloadDamaged)) throw e;
    ctx.damage = e.report;
    const where = e.report.copyFolder ? ` A copy of the files as they were found is in ${e.report.copyFolder}.` : '';
    throw new DomainError(e.report.part === 'keys' ? 'ENVELOPE_DAMAGED' : 'DATABASE_DAMAGED', `${e.message}${where}`);
  }
}

export function lock(ctx: AppContext): void {
  // An export's worker holds its own copy of the key: it stops at its next chunk and saves nothing.
  ctx.exportAbort?.abort();
  if (!ctx.session) return;
  const ws = ctx.session;
  ctx.session = null;
  try {
    appendAudit(ws.orm, { at: new Date().toISOString(), memberId: ws.memberId, action: 'session.lock', entity: 'session' });
  } catch {
    // Locking must never fail: the entry is lost, the data is closed all the same.
  }
  closeWorkspace(ws);
  ctx.onSessionChange?.(false);
}

export const workspaceHandlers = {
  'workspace.status': (ctx) => status(ctx),
  'workspace.create': async (ctx, input) => {
    const { workspace, recoveryKey } = await createWorkspace(ctx, input);
    open(ctx, workspace);
    return { recoveryKey };
  },
  'session.unlock': async (ctx, input) => {
    const wait = waitRemaining(readSignIn(ctx.dataDir), new Date());
    if (wait > 0) throw new DomainError('TOO_MANY_ATTEMPTS', `Too many wrong passphrases. Wait ${waitInWords(wait)} and try again.`);
    try {
      return await opening(ctx, () => unlockWorkspace(ctx, input.passphrase, input.memberId));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'WRONG_PASSPHRASE') recordFailure(ctx.dataDir, new Date());
      throw e;
    }
  },
  'session.recover': (ctx, input) => opening(ctx, () => recoverWorkspace(ctx, input.recoveryKey, input.newPassphrase, input.memberId)),
  'session.lock': (ctx) => {
    lock(ctx);
    return status(ctx);
  },
  'settings.get': (ctx) => getSettings(requireSession(ctx).orm),
  'settings.update': (ctx, input) => updateSettings(requireSession(ctx).orm, input),
  'sites.list': (ctx) => listSites(requireSession(ctx).orm),
  'sites.save': (ctx, input) => saveSite(requireSession(ctx).orm, input),
  'licences.get': (ctx) => getLicences(requireSession(ctx).orm),
  'licences.confirm': (ctx, input) => {
    const s = session(ctx);
    return confirmLicence(s.ws.orm, input.licence, input.confirmed, s.actor);
  },
  'instruments.list': (ctx) => {
    const { orm } = requireSession(ctx);
    return instrumentViews(getSettings(orm), getLicences(orm));
  },
} satisfies HandlerMap<
  | 'workspace.status'
  | 'workspace.create'
  | 'session.unlock'
  | 'session.recover'
  | 'session.lock'
  | 'settings.get'
  | 'settings.update'
  | 'sites.list'
  | 'sites.save'
  | 'licences.get'
  | 'licences.confirm'
  | 'instruments.list'
>;
