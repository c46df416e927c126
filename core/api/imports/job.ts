// What passes between the app and an import's worker thread (./onThread.ts). An import is three
// jobs: reading the file (no caseload needed), the dry run (a read-only connection), and the
// import itself (its own read-write connection, one transaction with its audit entry).
import type { ImportKind } from '../../domain/import/fields';
import type { ImportMapping } from '../../domain/import/rows';
import type { Settings } from '../../domain/settings';
import type { Table } from './readTable';

interface WithCaseload {
  database: string;
  dataKey: Uint8Array;
  table: Table;
  mapping: ImportMapping;
  importKind: ImportKind;
  today: string;
}

export type ImportJob =
  | { kind: 'import'; step: 'read'; bytes: Uint8Array; password?: string; dataKey: Uint8Array }
  | ({ kind: 'import'; step: 'check' } & WithCaseload)
  | ({ kind: 'import'; step: 'write'; memberId: number; now: string; settings: Settings; shape: string } & WithCaseload);
