// Backups: where they go, taking one (daily, or now), listing them, and restoring one, whether a
// session is open (Settings) or the caseload is damaged and locked (the damaged screen).
import { isAbsolute, join } from 'node:path';
import { checkpointCommitted } from '../../../db/connection';
import { createBackup, inspectBackup, listBackupFiles, restoreBackup } from '../../../db/backup';
import { defaultBackupFolder } from '../../../db/backupFolders';
import { appendAudit, backupsMadeHere } from '../../../db/queries/audit';
import { getSettings } from '../../../db/queries/settings';
import { noteRestore } from '../../../db/restoreNote';
import { closeWorkspace, type OpenWorkspace } from '../../../db/workspace';
import type { BackupInfo } from '../../domain/backup';
import { DomainError } from '../../domain/result';
import type { AppContext } from '../context';
import { explainDiskProblem } from '../diskErrors';
import { requireSession, session } from './context';
import { status } from './status';
import type { HandlerMap } from './types';

export function backupFolder(ctx: AppContext, ws: OpenWorkspace): string {
  return getSettings(ws.orm).backupFolder ?? defaultBackupFolder(ctx.dataDir);
}

const BACKUP_DISK_WORDS = {
  full: 'The disk the backups go to is full, so no backup was made. Free some space there, or choose another backup folder. Your caseload is not affected.',
  read_only: 'The backup folder cannot be written to, so no backup was made. Choose another backup folder, or ask IT to check its permissions. Your caseload is not affected.',
};

function backUp(ctx: AppContext, ws: OpenWorkspace, now: Date): BackupInfo {
  try {
    const made = createBackup(ws, ctx, backupFolder(ctx, ws), getSettings(ws.orm).backupKeep, now);
    return { fileName: made.fileName, takenAt: made.takenAt, bytes: made.bytes, people: made.counts.people ?? null, verified: true };
  } catch (e) {
    throw explainDiskProblem(e, BACKUP_DISK_WORDS);
  }
}

const DAY_MS = 86_400_000;

export function dailyBackup(ctx: AppContext, ws: OpenWorkspace, now = new Date()): void {
  if (ctx.session !== ws) return;
  const latest = listBackupFiles(backupFolder(ctx, ws))[0];
  if (latest && now.getTime() - Date.parse(latest.takenAt) < DAY_MS) return;
  try {
    const made = backUp(ctx, ws, now);
    appendAudit(ws.orm, { at: now.toISOString(), memberId: ws.memberId, action: 'backup.created', entity: 'backup', detail: { fileName: made.fileName, automatic: true, people: made.people } });
  } catch (e) {
    // A failed automatic backup must not break the session; the coordinator sees it in the log.
    appendAudit(ws.orm, { at: now.toISOString(), memberId: ws.memberId, action: 'backup.failed', entity: 'backup', detail: { code: String((e as { code?: unknown })?.code ?? 'unknown') } });
  }
  checkpointCommitted(ws.db);
}

function backupPath(ctx: AppContext, path: string): string {
  if (isAbsolute(path)) return path;
  if (!ctx.session) throw new DomainError('VALIDATION', 'Choose the backup file.', { path: 'Choose the backup file.' });
  return join(backupFolder(ctx, ctx.session), path);
}

export const backupHandlers = {
  'backups.location': (ctx) => {
    const configured = getSettings(requireSession(ctx).orm).backupFolder;
    const defaultFolder = defaultBackupFolder(ctx.dataDir);
    return { folder: configured ?? defaultFolder, defaultFolder, isDefault: configured === null, canChooseFolder: !!ctx.chooseFolder };
  },
  'backups.chooseFolder': async (ctx) => {
    const ws = requireSession(ctx);
    if (!ctx.chooseFolder) throw new DomainError('NOT_FOUND', 'This copy of the app cannot show a folder chooser. Type the folder’s full path instead.');
    return { folder: await ctx.chooseFolder(backupFolder(ctx, ws)) };
  },
  'backups.list': (ctx) => {
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
  'backups.create': (ctx) => {
    const s = session(ctx);
    return backUp(ctx, s.ws, s.actor.now);
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
    const current = ctx.session;
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
    ctx.session = null;
    ctx.damage = null;
    noteRestore(ctx.dataDir, { at: new Date().toISOString(), fileName: checked.fileName });
    if (current) ctx.onSessionChange?.(false);
    // Opened again with the passphrase from when the backup was taken.
    return status(ctx);
  },
} satisfies HandlerMap<'backups.location' | 'backups.chooseFolder' | 'backups.list' | 'backups.create' | 'backups.inspect' | 'backups.restore'>;
