// The audit log as a coordinator reads it: filtered pages, the actions it holds, the chain
// check, and a CSV of the filtered entries written like any export (temporary file, renamed
// into place when whole).
import { basename } from 'node:path';
import { auditActions, countAudit, listAudit, verifyAudit } from '../../../db/queries/audit';
import { backupAnchors } from '../../../db/backup';
import { knownBackupFolders } from '../../../db/backupFolders';
import { exportAnchors } from '../../../db/queries/exportProfiles';
import { backupFolder } from './backups';
import { DomainError } from '../../domain/result';
import { auditFileName, auditSource } from '../auditCsv';
import type { AppContext } from '../context';
import { explainDiskProblem } from '../diskErrors';
import { CANCELLED_MESSAGE, writeExport } from '../exports/run';
import { requireSession, session } from './context';
import type { HandlerMap } from './types';

const EXPORT_DISK_WORDS = {
  full: 'The disk is full, so the audit log was not saved. Free some space and try again.',
  read_only: 'That folder cannot be written to, so the audit log was not saved. Choose another folder.',
};

export const auditHandlers = {
  'audit.list': (ctx, input) => listAudit(requireSession(ctx).orm, input),
  'audit.actions': (ctx) => auditActions(requireSession(ctx).orm),
  'audit.verify': (ctx) => {
    const ws = requireSession(ctx);
    // Every head noted outside the chain: beside each backup this caseload's folders hold, and in
    // the export log's entry for each saved file.
    const folders = [...new Set([backupFolder(ctx, ws), ...knownBackupFolders(ctx.dataDir)])];
    return verifyAudit(ws.orm, [...backupAnchors(folders), ...exportAnchors(ws.orm)]);
  },
  'audit.export': async (ctx: AppContext, input) => {
    const s = session(ctx);
    const total = countAudit(s.ws.orm, input);
    const destination = await ctx.exportDestination(auditFileName(input, s.today));
    if (!destination) throw new DomainError('CANCELLED', CANCELLED_MESSAGE);
    try {
      const written = await writeExport(auditSource(s.ws.orm, input, total), { destination });
      return { fileName: basename(written.path), location: ctx.exportLocation(written.path), rows: written.rows, sha256: written.sha256 };
    } catch (e) {
      throw explainDiskProblem(e, EXPORT_DISK_WORDS);
    }
  },
} satisfies HandlerMap<'audit.list' | 'audit.actions' | 'audit.verify' | 'audit.export'>;
