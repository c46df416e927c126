// What passes between the app and an import's worker thread (./onThread.ts). An import is three
// jobs: reading the file (no caseload needed), the dry run (a read-only connection), and the
// import itself (its own read-write connection, one transaction with its audit entry).
//
// A file's rows, and the people a dry run found, cross between threads as JSON bytes: copying one
// buffer takes the app's main thread no time, where cloning 50,000 rows of cells held it up for
// a second.
import type { ImportKind } from '../../domain/import/fields';
import type { ImportMapping } from '../../domain/import/rows';
import type { Settings } from '../../domain/settings';
import type { Table } from './readTable';

/** A table as it travels: everything but its rows, and the rows as JSON. */
export interface PackedTable {
  meta: Omit<Table, 'rows'>;
  rows: Uint8Array;
  count: number;
  /** The first rows, for the mapping step. */
  sample: Table['rows'];
}

export const pack = <T>(value: T): Uint8Array => Buffer.from(JSON.stringify(value));
export const unpack = <T>(bytes: Uint8Array): T => JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as T;

interface WithCaseload {
  database: string;
  dataKey: Uint8Array;
  table: PackedTable;
  mapping: ImportMapping;
  importKind: ImportKind;
  today: string;
}

export type ImportJob =
  | { kind: 'import'; step: 'read'; bytes: Uint8Array; password?: string; dataKey: Uint8Array }
  | ({ kind: 'import'; step: 'check' } & WithCaseload)
  | ({
      kind: 'import';
      step: 'write';
      memberId: number;
      now: string;
      settings: Settings;
      shape: string;
      /** The people the dry run found with this same mapping (JSON), so their rows are not read again. */
      checked: { people: Uint8Array; rows: number; problems: number } | null;
    } & WithCaseload);
