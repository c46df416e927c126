// Results cross the process boundary as data: Electron keeps only `message` of a thrown error,
// so every handler answers with one of these instead.

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'LOCKED',
  'CONFLICT',
  /** Another Windows user of this PC has the caseload open. */
  'IN_USE',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'NO_WORKSPACE',
  'WORKSPACE_EXISTS',
  'ENVELOPE_DAMAGED',
  'DATABASE_DAMAGED',
  /** The disk the caseload (or a backup or export) is written to is full. */
  'DISK_FULL',
  /** The folder cannot be written to (permissions, a read-only drive). */
  'READ_ONLY',
  /** The caseload's folder is missing or has a file in its place: not a damaged caseload. */
  'FOLDER_UNAVAILABLE',
  'SCHEMA_TOO_NEW',
  'FORBIDDEN',
  'CANCELLED',
  'TOO_MANY_ATTEMPTS',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** Plain words for the person at the screen; never holds identifiable data. */
  message: string;
  /** Field path → message, shown beside the input. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

/** An error a handler throws on purpose; the dispatcher turns it into a failed Result. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
