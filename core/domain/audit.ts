// An audit entry as a coordinator reads it: when, who, what, which record by id.
export interface AuditEntry {
  id: number;
  at: string;
  memberName: string;
  action: string;
  entity: string | null;
  entityId: number | null;
  /** JSON of codes and numbers only. */
  detail: string | null;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose link does not hold. */
  brokenAt: number | null;
}

/** A saved CSV of audit entries: where it went, how many rows, and its SHA-256. */
export interface AuditExportResult {
  fileName: string;
  /** A path (Electron) or a download address (the browser harness). */
  location: string;
  rows: number;
  sha256: string;
}
