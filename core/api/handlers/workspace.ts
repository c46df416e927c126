// Workspace, session, settings and sites.
import { rescoreOutdated } from '../../../db/queries/assessments';
import { appendAudit, passphraseResetSinceLastSignIn } from '../../../db/queries/audit';
import { clearRestoreNote, readRestoreNote } from '../../../db/restoreNote';
import { clearSignIn, readSignIn, recordFailure, waitRemaining } from '../../../db/signInGuard';
import { waitInWords } from '../../domain/signIn';
import { DomainError } from '../../domain/result';
import { confirmLicence, getLicences, getSettings, updateSettings } from '../../../db/queries/settings';
import { instrumentViews } from '../../domain/instruments/view';
import { listSites, saveSite } from '../../../db/queries/sites';
import { CaseloadDamaged, closeWorkspace, createWorkspace, recoverWorkspace, unlockWorkspace, workspacePaths, type OpenWorkspace } from '../../../db/workspace';
import type { WorkspaceStatus } from '../../domain/workspace';
import type { AppContext } from '../context';
import type { HandlerMap } from './types';
import { requireSession, session } from './context';
import { checkpointCommitted } from '../../../db/connection';
import { dailyBackup } from './backups';
import { status } from './status';
import { claimOpen, releaseOpen } from '../../../db/openClaim';
import { readEnvelopeIfWhole } from '../../../db/backup';
import { removeRevoked } from '../../../db/queries/members';
import { chosenPlace, requireBackupFolder, usePlace } from '../placeChoice';

function open(ctx: AppContext, ws: OpenWorkspace): WorkspaceStatus {
  if (ctx.session) closeWorkspace(ctx.session);
  if (!ws.checked) {
    try {
      unlockWrites(ctx, ws);
    } catch (e) {
      closeWorkspace(ws);
      throw e;
    }
  }
  ctx.damage = null;
  ctx.session = ws;
  ctx.onSessionChange?.(true);
  if (!ws.checked) {
    void dailyBackup(ctx, ws);
    return status(ctx);
  }
  // Open for reading now; what the unlock writes waits for the whole-file check (db/workspace.ts).
  const checking = ws.checked.then(
    () => {
      unlockWrites(ctx, ws);
      void dailyBackup(ctx, ws);
    },
    (e: unknown) => {
      checkFailed(ctx, ws, e);
      throw e;
    },
  );
  ctx.checking = checking;
  checking
    .catch(() => undefined)
    .finally(() => {
      if (ctx.checking === checking) ctx.checking = null;
    });
  return status(ctx);
}

/** What opening a session writes, once the file is known to be whole. */
function unlockWrites(ctx: AppContext, ws: OpenWorkspace): void {
  // A corrected scoring table re-scores history from the stored answers.
  rescoreOutdated(ws.orm);
  // Failed attempts made while locked join the audit log now that it can be written.
  for (const at of readSignIn(ctx.dataDir).failures) appendAudit(ws.orm, { at, memberId: null, action: 'session.failed_sign_in', entity: 'session' });
  clearSignIn(ctx.dataDir);
  // Members removed after a restored backup was taken stay removed in it (db/revocation.ts).
  const revoked = readEnvelopeIfWhole(workspacePaths(ctx.dataDir).envelope)?.revoked;
  const at = new Date();
  for (const id of removeRevoked(ws.orm, revoked?.memberIds ?? [], at)) {
    appendAudit(ws.orm, { at: at.toISOString(), memberId: null, action: 'member.removed', entity: 'member', entityId: id, detail: { reason: 'revoked.before_restore' } });
  }
  // A restore made since the last session goes into the restored caseload's own log.
  const restored = readRestoreNote(ctx.dataDir);
  if (restored) {
    appendAudit(ws.orm, { at: restored.at, memberId: null, action: restored.onNewPc ? 'backup.opened_on_new_pc' : 'backup.restored', entity: 'backup', detail: { fileName: restored.fileName } });
    clearRestoreNote(ctx.dataDir);
  }
  checkpointCommitted(ws.db);
}

/**
 * The whole-file check failed (or the writes after it did). Damage: the files were copied aside
 * as found (db/workspace.ts) and the read-only connection is closed, so nothing was or is written
 * (no unlock entry, no daily backup); the next status read shows the damaged screen. Anything
 * else: the session is closed.
 */
function checkFailed(ctx: AppContext, ws: OpenWorkspace, e: unknown): void {
  if (e instanceof CaseloadDamaged) {
    ws.db.close();
    ws.dataKey.fill(0);
  } else {
    closeWorkspace(ws);
  }
  releaseOpen(ctx.dataDir, ctx.claimant);
  if (ctx.session === ws) {
    ctx.session = null;
    ctx.onSessionChange?.(false);
  }
  if (e instanceof CaseloadDamaged && !ctx.session) ctx.damage = e.report;
}

/** A damaged caseload in the person's words, with where the copy of the files is. */
function damageError(e: CaseloadDamaged): DomainError {
  const where = e.report.copyFolder ? ` A copy of the files as they were found is in ${e.report.copyFolder}.` : '';
  return new DomainError(e.report.part === 'keys' ? 'ENVELOPE_DAMAGED' : 'DATABASE_DAMAGED', `${e.message}${where}`);
}

/**
 * Waits for the session's whole-file check and the writes held back for it (dispatch calls this
 * before anything that writes). Damage found: the call is refused with the damaged file's words.
 */
export async function untilChecked(ctx: AppContext): Promise<void> {
  try {
    await ctx.checking;
  } catch (e) {
    throw e instanceof CaseloadDamaged ? damageError(e) : e;
  }
}

/** Everything the app is still doing in the background: the check, a closing session, a backup. */
export async function whenSettled(ctx: AppContext): Promise<void> {
  await ctx.checking?.catch(() => undefined);
  await ctx.closing;
  await ctx.backupRunning?.settled;
}

/**
 * A damaged caseload or key file: the app keeps what it found (the copy, the backups) so the
 * damaged screen can show it, and says plainly where the copy is.
 */
export async function opening(ctx: AppContext, unlock: () => Promise<OpenWorkspace>): Promise<WorkspaceStatus> {
  // A session locked while its check ran finishes first (its audit entries come before ours).
  await ctx.closing;
  // Another Windows user of this PC has the (team) caseload open: refused before any key work.
  if (!ctx.session) claimOpen(ctx.dataDir, ctx.claimant);
  try {
    return open(ctx, await unlock());
  } catch (e) {
    if (!ctx.session) releaseOpen(ctx.dataDir, ctx.claimant);
    if (!(e instanceof CaseloadDamaged)) throw e;
    ctx.damage = e.report;
    throw damageError(e);
  }
}

export function lock(ctx: AppContext): void {
  // An export's worker holds its own copy of the key: it stops at its next chunk and saves nothing.
  ctx.exportAbort?.abort();
  // So does a backup's (see backups.ts): cancelled, not waited for.
  ctx.backupRunning?.cancel();
  // An import's step stops too (nothing is written), and the file as read is dropped.
  ctx.importCancel?.();
  ctx.importDraft = null;
  // No thread waits about once locked (see threads/start.ts).
  ctx.threads.releaseIdle();
  ctx.passphraseResetAt = null;
  if (!ctx.session) return;
  const ws = ctx.session;
  const dataDir = ctx.dataDir;
  ctx.session = null;
  // Locking the training caseload leaves it: the real caseload's lock screen comes back.
  if (ctx.training) {
    ctx.dataDir = ctx.training.dataDir;
    ctx.place = ctx.training.place;
    ctx.training = null;
  }
  const at = new Date().toISOString();
  const close = () => {
    try {
      appendAudit(ws.orm, { at, memberId: ws.memberId, action: 'session.lock', entity: 'session' });
    } catch {
      // Locking must never fail: the entry is lost, the data is closed all the same.
    }
    closeWorkspace(ws);
    releaseOpen(dataDir, ctx.claimant);
  };
  if (ctx.checking) {
    // Locked within moments of unlocking, while the whole-file check still runs: the app is locked
    // now, but nothing can be written before the check passes, this entry included. The read-only
    // connection and the session's key stay until then (the check's thread has its own copy
    // meanwhile); then the entries held back are written and it closes, or the damage is reported.
    const closing = ctx.checking.then(close, () => undefined);
    ctx.closing = closing;
    void closing.finally(() => {
      if (ctx.closing === closing) ctx.closing = null;
    });
  } else {
    close();
  }
  ctx.onSessionChange?.(false);
}

/**
 * When this member's passphrase was reset with the recovery key since they last signed in. A file
 * whose audit pages are damaged is found by the whole-file check running meanwhile; the notice is
 * simply not shown, the unlock does not fail here.
 */
function resetNotice(ctx: AppContext): string | null {
  if (!ctx.session) return null;
  try {
    return passphraseResetSinceLastSignIn(ctx.session.orm, ctx.session.memberId);
  } catch {
    return null;
  }
}

const IT_BACKUP_FOLDER_MESSAGE = 'Your IT team has set where backups go on this PC, so it cannot be changed here.';

export const workspaceHandlers = {
  'workspace.status': (ctx) => status(ctx),
  'workspace.create': async (ctx, input) => {
    if (ctx.session || ctx.training) throw new DomainError('WORKSPACE_EXISTS', 'A caseload is already open. Lock it first.');
    const place = chosenPlace(ctx, input.scope);
    const backupFolder = ctx.places.policy.backupFolder ? null : (input.backupFolder ?? null);
    // Checked before anything is made, so a wrong folder costs only a correction on the form.
    if (backupFolder) requireBackupFolder(backupFolder, 'backupFolder');
    usePlace(ctx, place);
    claimOpen(ctx.dataDir, ctx.claimant);
    try {
      const { workspace, recoveryKey } = await createWorkspace(ctx, input);
      if (backupFolder) updateSettings(workspace.orm, { backupFolder });
      open(ctx, workspace);
      return { recoveryKey };
    } catch (e) {
      releaseOpen(ctx.dataDir, ctx.claimant);
      throw e;
    }
  },
  'session.unlock': async (ctx, input) => {
    const wait = waitRemaining(readSignIn(ctx.dataDir), new Date());
    if (wait > 0) throw new DomainError('TOO_MANY_ATTEMPTS', `Too many wrong passphrases. Wait ${waitInWords(wait)} and try again.`);
    try {
      await opening(ctx, () => unlockWorkspace(ctx, input.passphrase, input.memberId));
      // Read before this sign-in is itself in the log: a reset since the member last signed in.
      ctx.passphraseResetAt = resetNotice(ctx);
      return status(ctx);
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
  'settings.update': (ctx, input) => {
    if (input.backupFolder !== undefined && ctx.places.policy.backupFolder) throw new DomainError('VALIDATION', IT_BACKUP_FOLDER_MESSAGE, { backupFolder: IT_BACKUP_FOLDER_MESSAGE });
    return updateSettings(requireSession(ctx).orm, input);
  },
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
