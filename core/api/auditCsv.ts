// The audit log as a CSV for Excel: the filtered entries, newest first, read a page at a time.
// Ids and codes only, as in the log itself; member names are staff names, neutralised like any
// text cell so a name cannot run as a formula.
import { listAudit, type AuditFilter } from '../../db/queries/audit';
import type { Queryable } from '../../db/types';
import { auditActionLabel } from '../domain/auditActions';
import { csvLine, EXCEL_CSV, neutraliseText } from '../domain/export/csv';
import type { Source } from './exports/run';
import type { AuditEntry } from '../domain/audit';

const PAGE = 2000;

export const AUDIT_CSV_HEADER = ['When (UTC)', 'Member', 'Action', 'What', 'Entity', 'Entity id', 'Detail', 'Entry id', 'Hash'];

export function auditSource(orm: Queryable, filter: Omit<AuditFilter, 'limit' | 'offset' | 'beforeId'>, total: number): Source {
  return {
    header: AUDIT_CSV_HEADER,
    total,
    format: EXCEL_CSV,
    identifiable: false,
    *csvChunks() {
      let beforeId: number | undefined;
      for (;;) {
        const page = listAudit(orm, { ...filter, limit: PAGE, beforeId });
        if (page.length === 0) return;
        beforeId = page[page.length - 1].id;
        yield { text: page.map((e) => csvLine(auditCells(e), EXCEL_CSV)).join(''), rows: page.length };
      }
    },
    firstRows: (limit) => listAudit(orm, { ...filter, limit }).map(auditCells),
  };
}

function auditCells(e: AuditEntry): string[] {
  return [
    e.at,
    neutraliseText(e.memberName),
    neutraliseText(e.action),
    neutraliseText(auditActionLabel(e.action)),
    neutraliseText(e.entity ?? ''),
    e.entityId === null ? '' : String(e.entityId),
    neutraliseText(e.detail ?? ''),
    String(e.id),
    e.hash,
  ];
}

/** What and when, never who: `audit-log_2026-01-01_2026-01-31.csv`, `audit-log_all.csv`. */
export function auditFileName(filter: { from?: string; to?: string }, today: string): string {
  if (!filter.from && !filter.to) return `audit-log_all_to_${today}.csv`;
  return `audit-log_${filter.from ?? 'start'}_${filter.to ?? today}.csv`;
}
