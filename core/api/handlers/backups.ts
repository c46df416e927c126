// Backups: where they go, taking one (daily, or now), listing them, and restoring one, whether a
// session is open (Settings) or the caseload is damaged and locked (the damaged screen).
import { isAbsolute, join } from 'node:path';
import { checkpointCommitted } from '../../../db/connection';
import { BACKUP_LOCKED_MESSAGE, inspectBackup, listBackupFiles, readEnvelopeIfWhole, restoreBackup } from '../../../db/backup';
import { workspacePaths } from '../../../db/paths';
import type { CaseloadScope } from '../../domain/places';
import type { WorkspaceStatus } from '../../domain/workspace';
import { defaultBackupFolder, onSameDisk } from '../../../db/backupFolders';
import { readSignIn, recordFailure, waitRemaining } from '../../../db/signInGuard';
import { workspaceExists } from '../../../db/workspace';
import { waitInWords } from '../../domain/signIn';
import { chosenPlace, refreshPlace, usePlace } from '../placeChoice';
import { mkdirSync } from 'node:fs';
import { appendAudit, backupsMadeHere, type AuditInput } from '../../../db/queries/audit';
import { getSettings } from '../../../db/queries/settings';
import { noteRestore } from '../../../db/restoreNote';
import { closeWorkspace, type OpenWorkspace } from '../../../db/workspace';
import type { BackupInfo } from '../../domain/backup';
import { DomainError } from '../../domain/result';
import type { AppContext } from '../context';
import { explainDiskProblem } from '../diskErrors';
import { requireSession, session } from './context';
import { status } from './status';
import { releaseOpen } from '../../../db/openClaim';
import type { HandlerMap } from './types';

/** IT's folder (by policy), else the one chosen in Settings, else "backups" beside the caseload. */
export function backupFolder(ctx: AppContext, ws: OpenWorkspace): string {
  return ctx.places.policy.backupFolder ?? getSettings(ws.orm).backupFolder ?? defaultBackupFolder(ctx.dataDir);
}

const SIGNED_IN_ELSEWHERE =
  'A caseload is set up on this PC, so a backup cannot be opened from here. Sign in as a coordinator and restore it from Settings → Backups.';

/**
 * Opening a backup without a session is for when there is nothing to lose: no caseload on this PC
 * yet (a new PC), or a damaged one. A caseload that exists and opens is never replaced while
 * locked, and a backup is not an oracle for guessing passphrases: each wrong one counts toward the
 * sign-in delay (noted in the audit log at the next sign-in), and only a coordinator of that backup
 * or its recovery key may open it.
 */
async function openingLocked<T extends { byCoordinator: boolean }>(ctx: AppContext, open: () => Promise<T>): Promise<T & { fresh: boolean }> {
  if (ctx.session) return { ...(await open()), fresh: false };
  refreshPlace(ctx);
  const fresh = !ctx.damage && !workspaceExists(ctx.dataDir);
  if (!ctx.damage && !fresh) throw new DomainError('LOCKED', SIGNED_IN_ELSEWHERE);
  const wait = waitRemaining(readSignIn(ctx.dataDir), new Date());
  if (wait > 0) throw new DomainError('TOO_MANY_ATTEMPTS', `Too many wrong passphrases. Wait ${waitInWords(wait)} and try again.`);
  let opened: T;
  try {
    opened = await open();
  } catch (e) {
    if (e instanceof DomainError && (e.code === 'WRONG_PASSPHRASE' || e.code === 'WRONG_RECOVERY_KEY')) noteFailure(ctx);
    throw e;
  }
  if (!opened.byCoordinator) {
    noteFailure(ctx);
    const message = 'Only a coordinator’s passphrase or the recovery key can open a backup here. Ask your coordinator.';
    throw new DomainError('VALIDATION', message, { passphrase: message });
  }
  return { ...opened, fresh };
}

function noteFailure(ctx: AppContext): void {
  // With no caseload yet the folder may not exist: the delay still has to be kept somewhere.
  mkdirSync(ctx.dataDir, { recursive: true, mode: 0o700 });
  recordFailure(ctx.dataDir, new Date());
}

const BACKUP_DISK_WORDS = {
  full: 'The disk the backups go to is full, so no backup was made. Free some space there, or choose another backup folder. Your caseload is not affected.',
  read_only: 'The backup folder cannot be written to, so no backup was made. Choose another backup folder, or ask IT to check its permissions. Your caseload is not affected.',
};

/**
 * Takes a backup on the app's worker thread: the copy, its check, the rename and the pruning take
 * seconds on a large caseload, and the main thread (the window, the harness) answers meanwhile.
 * One at a time: "Back up now" during the daily backup waits for it, then takes its own.
 *
 * Locking during a backup cancels it rather than waiting for it: a lock means the key leaves the
 * app, and the thread holds its own copy of it. The thread stops at its next step (the copy
 * itself, VACUUM INTO on its own read-only connection, cannot be interrupted and is removed),
 * keeps nothing, and zeroes its key; the caller is told the backup was not made. The caseload is
 * never at risk: the thread only reads it, and the lock's checkpoint does not wait for its reader.
 */
async function backUp(ctx: AppContext, ws: OpenWorkspace, now: Date, onMade?: (made: BackupInfo) => void): Promise<BackupInfo> {
  while (ctx.backupRunning) await ctx.backupRunning.settled;
  if (ctx.session !== ws) throw new DomainError('LOCKED', BACKUP_LOCKED_MESSAGE);
  let finished!: () => void;
  const running = { cancel: () => undefined as void, settled: new Promise<void>((resolve) => (finished = resolve)) };
  ctx.backupRunning = running;
  try {
    const thread = ctx.threads.start<BackupInfo>({
      kind: 'backup',
      dataDir: ctx.dataDir,
      dataKey: new Uint8Array(ws.dataKey),
      folder: backupFolder(ctx, ws),
      keep: getSettings(ws.orm).backupKeep,
      at: now.toISOString(),
    });
    running.cancel = () => thread.cancel();
    const made = await thread.result;
    // Before the backup counts as finished: a list that waited for it sees it as the app's own.
    onMade?.(made);
    return made;
  } catch (e) {
    throw explainDiskProblem(e, BACKUP_DISK_WORDS);
  } finally {
    ctx.backupRunning = null;
    finished();
  }
}

const DAY_MS = 86_400_000;

/** The first unlock of the day takes a backup in the background; the audit log says how it went. */
export async function dailyBackup(ctx: AppContext, ws: OpenWorkspace, now = new Date()): Promise<void> {
  // The training caseload holds made-up people: nothing to back up.
  if (ctx.session !== ws || ctx.training) return;
  const latest = listBackupFiles(backupFolder(ctx, ws))[0];
  if (latest && now.getTime() - Date.parse(latest.takenAt) < DAY_MS) return;
  const note = (entry: Pick<AuditInput, 'action' | 'detail'>) => {
    // Locked meanwhile: the backup was cancelled, and there is no open file to note it in (it is
    // still due, so the next unlock takes it).
    if (ctx.session !== ws) return;
    try {
      appendAudit(ws.orm, { at: now.toISOString(), memberId: ws.memberId, entity: 'backup', ...entry });
      checkpointCommitted(ws.db);
    } catch {
      // Nothing waits on this: a full disk, say, is reported by the next save.
    }
  };
  try {
    await backUp(ctx, ws, now, (made) => note({ action: 'backup.created', detail: { fileName: made.fileName, automatic: true, people: made.people } }));
  } catch (e) {
    // A failed automatic backup must not break the session; the coordinator sees it in the log.
    note({ action: 'backup.failed', detail: { code: String((e as { code?: unknown })?.code ?? 'unknown') } });
  }
}

function backupPath(ctx: AppContext, path: string): string {
  if (isAbsolute(path)) return path;
  if (!ctx.session) throw new DomainError('VALIDATION', 'Choose the backup file.', { path: 'Choose the backup file.' });
  return join(backupFolder(ctx, ctx.session), path);
}

export const backupHandlers = {
  'backups.location': (ctx) => {
    const ws = requireSession(ctx);
    const fixedByIt = ctx.places.policy.backupFolder !== null;
    const folder = backupFolder(ctx, ws);
    return {
      folder,
      defaultFolder: defaultBackupFolder(ctx.dataDir),
      isDefault: !fixedByIt && getSettings(ws.orm).backupFolder === null,
      canChooseFolder: !!ctx.chooseFolder && !fixedByIt,
      fixedByIt,
      sameDiskAsCaseload: onSameDisk(folder, ctx.dataDir),
    };
  },
  'backups.chooseFolder': async (ctx) => {
    if (ctx.places.policy.backupFolder) throw new DomainError('CONFLICT', 'Your IT team has set where backups go on this PC, so it cannot be changed here.');
    // Set-up asks too, before there is a caseload (or a session) to ask from; a locked caseload does not.
    if (!ctx.session) {
      refreshPlace(ctx);
      if (workspaceExists(ctx.dataDir)) throw new DomainError('LOCKED', 'The caseload is locked. Unlock it to carry on.');
    }
    if (!ctx.chooseFolder) throw new DomainError('NOT_FOUND', 'This copy of the app cannot show a folder chooser. Type the folder’s full path instead.');
    return { folder: await ctx.chooseFolder(ctx.session ? backupFolder(ctx, ctx.session) : defaultBackupFolder(ctx.dataDir)) };
  },
  'backups.list': async (ctx) => {
    // A backup under way (the day's first, taken in the background at unlock) is listed once it
    // is made, rather than missing from a list that would not change when it arrives.
    await ctx.backupRunning?.settled;
    const ws = requireSession(ctx);
    const made = backupsMadeHere(ws.orm);
    return listBackupFiles(backupFolder(ctx, ws)).map((b) => ({
      fileName: b.fileName,
      takenAt: b.takenAt,
      bytes: b.bytes,
      people: made.get(b.fileName) ?? null,
      verified: made.has(b.fileName),
    }));
  },
  'backups.create': async (ctx) => {
    const s = session(ctx);
    return backUp(ctx, s.ws, s.actor.now);
  },
  'backups.chooseFile': async (ctx) => {
    if (!ctx.session) {
      refreshPlace(ctx);
      if (!ctx.damage && workspaceExists(ctx.dataDir)) throw new DomainError('LOCKED', SIGNED_IN_ELSEWHERE);
    }
    if (!ctx.chooseFile) throw new DomainError('NOT_FOUND', 'This copy of the app cannot show a file chooser. Type the backup file’s full path instead.');
    return { path: await ctx.chooseFile() };
  },
  'backups.inspect': async (ctx, input) => {
    const { dataKey, generationId: _g, keysPath: _k, byCoordinator: _b, fresh: _f, ...check } = await openingLocked(ctx, () => inspectBackup(backupPath(ctx, input.path), input, liveRevoked(ctx)));
    dataKey.fill(0);
    return check;
  },
  'backups.restore': async (ctx, input) => {
    const path = backupPath(ctx, input.path);
    const checked = await openingLocked(ctx, () => inspectBackup(path, input, liveRevoked(ctx)));
    try {
      return await restoreChecked(ctx, checked, path, input.scope);
    } finally {
      checked.dataKey.fill(0);
    }
  },
} satisfies HandlerMap<'backups.location' | 'backups.chooseFolder' | 'backups.chooseFile' | 'backups.list' | 'backups.create' | 'backups.inspect' | 'backups.restore'>;

/** The live key file's revoked ways in, where there is a readable one. */
function liveRevoked(ctx: AppContext) {
  return readEnvelopeIfWhole(workspacePaths(ctx.dataDir).envelope)?.revoked;
}

async function restoreChecked(ctx: AppContext, checked: Awaited<ReturnType<typeof inspectBackup>> & { fresh: boolean }, path: string, scope: CaseloadScope | undefined): Promise<WorkspaceStatus> {
  // A new PC: the caseload goes where set-up would put it (just me, our team, or IT's folder).
  if (checked.fresh) usePlace(ctx, chosenPlace(ctx, scope));
  const current = ctx.session;
  // A backup still being taken reads the file about to be set aside: it stops and keeps nothing,
  // and its connection is closed before the files move (Windows will not rename an open file).
  ctx.backupRunning?.cancel();
  await ctx.backupRunning?.settled;
  if (current) appendAudit(current.orm, { at: new Date().toISOString(), memberId: current.memberId, action: 'backup.restored', entity: 'backup', detail: { fileName: checked.fileName } });
  try {
    restoreBackup(ctx, () => current && closeWorkspace(current), checked, path);
  } catch (e) {
    // Copying the backup in comes first, so a failure there leaves the session as it was.
    if (current && !current.db.open) {
      ctx.session = null;
      ctx.onSessionChange?.(false);
    }
    throw explainDiskProblem(e, {
      full: 'The disk is full, so the backup could not be copied in. Nothing has been changed. Free some space and try again.',
      read_only: 'The caseload folder cannot be written to, so the backup could not be put in place. Nothing has been changed. Ask IT to check the folder’s permissions.',
    });
  }
  if (current) releaseOpen(ctx.dataDir, ctx.claimant);
  ctx.session = null;
  ctx.damage = null;
  noteRestore(ctx.dataDir, { at: new Date().toISOString(), fileName: checked.fileName, ...(checked.fresh ? { onNewPc: true } : {}) });
  if (current) ctx.onSessionChange?.(false);
  // Opened again with the passphrase from when the backup was taken.
  return status(ctx);
}
