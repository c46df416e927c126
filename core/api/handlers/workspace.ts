// Workspace, session, settings and sites.
import { getMemberName, getMeta } from '../../../db/queries/meta';
import { rescoreOutdated } from '../../../db/queries/assessments';
import { appendAudit, listAudit, verifyAudit } from '../../../db/queries/audit';
import { clearSignIn, readSignIn, recordFailure, waitRemaining } from '../../../db/signInGuard';
import { waitInWords } from '../../domain/signIn';
import { createBackup, inspectBackup, listBackups, restoreBackup } from '../../../db/backup';
import { isAbsolute, join } from 'node:path';
import { DomainError } from '../../domain/result';
import { confirmLicence, getLicences, getSettings, updateSettings } from '../../../db/queries/settings';
import { instrumentViews } from '../../domain/instruments/view';
import { listSites, saveSite } from '../../../db/queries/sites';
import { closeWorkspace, createWorkspace, recoverWorkspace, unlockWorkspace, workspaceExists, type OpenWorkspace } from '../../../db/workspace';
import type { WorkspaceStatus } from '../../domain/workspace';
import type { AppContext } from '../context';
import type { HandlerMap } from './types';
import { requireSession, session } from './context';

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
  // A corrected scoring table re-scores history from the stored answers.
  rescoreOutdated(ws.orm);
  // Failed attempts made while locked join the audit log now that it can be written.
  for (const at of readSignIn(ctx.dataDir).failures) appendAudit(ws.orm, { at, memberId: null, action: 'session.failed_sign_in', entity: 'session' });
  clearSignIn(ctx.dataDir);
  // The daily backup runs just after unlock, so the worker is not kept waiting for it.
  setImmediate(() => dailyBackup(ctx, ws));
  ctx.session = ws;
  ctx.onSessionChange?.(true);
  return status(ctx);
}

export function backupFolder(ctx: AppContext, ws: OpenWorkspace): string {
  return getSettings(ws.orm).backupFolder ?? join(ctx.dataDir, 'backups');
}

const DAY_MS = 86_400_000;

export function dailyBackup(ctx: AppContext, ws: OpenWorkspace, now = new Date()): void {
  if (ctx.session !== ws) return;
  const folder = backupFolder(ctx, ws);
  const latest = listBackups(folder)[0];
  if (latest && now.getTime() - Date.parse(latest.takenAt) < DAY_MS) return;
  try {
    const made = createBackup(ws, ctx, folder, getSettings(ws.orm).backupKeep, now);
    appendAudit(ws.orm, { at: now.toISOString(), memberId: ws.memberId, action: 'backup.created', entity: 'backup', detail: { fileName: made.fileName, automatic: true } });
  } catch (e) {
    // A failed automatic backup must not break the session; the coordinator sees it in the log.
    appendAudit(ws.orm, { at: now.toISOString(), memberId: ws.memberId, action: 'backup.failed', entity: 'backup', detail: { code: String((e as { code?: unknown })?.code ?? 'unknown') } });
  }
}

function backupPath(ctx: AppContext, path: string): string {
  if (isAbsolute(path)) return path;
  if (!ctx.session) throw new DomainError('VALIDATION', 'Choose the backup file.', { path: 'Choose the backup file.' });
  return join(backupFolder(ctx, ctx.session), path);
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
      return open(ctx, await unlockWorkspace(ctx, input.passphrase));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'WRONG_PASSPHRASE') recordFailure(ctx.dataDir, new Date());
      throw e;
    }
  },
  'session.recover': async (ctx, input) => open(ctx, await recoverWorkspace(ctx, input.recoveryKey, input.newPassphrase)),
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
  'backups.list': (ctx) => listBackups(backupFolder(ctx, requireSession(ctx))),
  'backups.create': (ctx) => {
    const s = session(ctx);
    return createBackup(s.ws, ctx, backupFolder(ctx, s.ws), s.settings().backupKeep, s.actor.now);
  },
  'backups.inspect': async (ctx, input) => {
    const { dataKey, keysPath: _k, ...check } = await inspectBackup(backupPath(ctx, input.path), input);
    dataKey.fill(0);
    return check;
  },
  'backups.restore': async (ctx, input) => {
    const path = backupPath(ctx, input.path);
    const checked = await inspectBackup(path, input);
    checked.dataKey.fill(0);
    if (ctx.session) appendAudit(ctx.session.orm, { at: new Date().toISOString(), memberId: ctx.session.memberId, action: 'backup.restored', entity: 'backup', detail: { fileName: checked.fileName } });
    const current = ctx.session;
    ctx.session = null;
    restoreBackup(ctx, current, checked, path);
    ctx.onSessionChange?.(false);
    // Opened again with the passphrase from when the backup was taken.
    return status(ctx);
  },
  'audit.list': (ctx, input) => listAudit(requireSession(ctx).orm, input),
  'audit.verify': (ctx) => verifyAudit(requireSession(ctx).orm),
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
  | 'audit.list'
  | 'audit.verify'
  | 'backups.list'
  | 'backups.create'
  | 'backups.inspect'
  | 'backups.restore'
>;
