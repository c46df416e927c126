// Information governance: a copy of a person's record when they ask for it (subject access),
// and the records past retention, which a coordinator may delete. Both are coordinator tasks.
import { basename } from 'node:path';
import { getMemberName, getMeta } from '../../../db/queries/meta';
import { allListLabels } from '../../../db/queries/programmeLists';
import { getPersonRecord } from '../../../db/queries/record';
import { listPastRetention, purgePastRetention } from '../../../db/queries/retention';
import { DomainError } from '../../domain/result';
import { subjectAccessFileName } from '../../domain/subjectAccess';
import { recordCopy } from '../../domain/subjectAccessCopy';
import { writeAtomically } from '../files/atomicFile';
import { writeCsv } from '../subjectAccess/csv';
import { writePdf } from '../subjectAccess/pdf';
import { session } from './context';
import type { HandlerMap } from './types';

export const governanceHandlers = {
  'people.subjectAccess': async (ctx, input) => {
    const s = session(ctx);
    const { orm, memberId } = s.ws;
    // Read whole before the save window opens: the copy is the record as it was when asked for.
    const record = getPersonRecord(orm, input.id, s.today);
    const copy = recordCopy(record, { producedAt: s.actor.now.toISOString(), producedByName: getMemberName(orm, memberId) ?? '', organisation: getMeta(orm, 'organisation') ?? '' }, input.format, allListLabels(orm.$client));
    const destination = await ctx.exportDestination(subjectAccessFileName(record.caseId, input.format, s.today));
    if (!destination) throw new DomainError('CANCELLED', 'The copy was cancelled. No file was saved.');
    let size = 0;
    const written = await writeAtomically(destination, async (temp) => {
      size = input.format === 'pdf' ? await writePdf(copy, temp) : await writeCsv(copy, temp);
    });
    return { fileName: basename(written.path), location: ctx.exportLocation(written.path), format: input.format, sha256: written.sha256, size };
  },
  'retention.list': (ctx) => {
    const s = session(ctx);
    const settings = s.settings();
    return { years: settings.retentionYears, backupKeep: settings.backupKeep, people: listPastRetention(s.ws.orm, s.today, settings.retentionYears) };
  },
  'retention.purge': (ctx, input) => {
    const s = session(ctx);
    const { db, orm } = s.ws;
    // Freed pages are overwritten, and the write-ahead log is emptied afterwards, so the deleted
    // rows do not linger inside the caseload file (they are still in backups until those age out).
    const before = db.pragma('secure_delete', { simple: true }) as number;
    db.pragma('secure_delete = ON');
    try {
      const purged = db.transaction(() => purgePastRetention(orm, input.ids, s.today, s.settings().retentionYears, s.actor))();
      db.pragma('wal_checkpoint(TRUNCATE)');
      return { purged };
    } finally {
      db.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
    }
  },
} satisfies HandlerMap<'people.subjectAccess' | 'retention.list' | 'retention.purge'>;
