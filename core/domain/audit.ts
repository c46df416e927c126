// An audit entry as a coordinator reads it: when, who, what, which record by id.

/**
 * What an audit entry says happened, before the log adds when and who: the action, which kind of
 * record and which one by id, and codes and numbers only in its detail (never a name or a note).
 */
export interface AuditDescription {
  action: string;
  entity?: string | null;
  entityId?: number | null;
  detail?: Record<string, string | number | boolean | null> | null;
}

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

/** The audit log's head: how many entries, and the last one's hash. Noted outside the chain as an anchor. */
export interface AuditHead {
  entries: number;
  hash: string;
}

/** Where a head was noted: a backup's side file, or the export log's entry for a saved file. */
export interface AuditAnchor extends AuditHead {
  source: 'backup' | 'export';
  /** The backup's or the exported file's name (no folder). */
  name: string;
  at: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose link does not hold. */
  brokenAt: number | null;
  /** The head now, to note down or compare with a backup's. */
  head: AuditHead;
  /** Heads noted earlier that were checked against the chain. */
  anchorsChecked: number;
  /**
   * Heads noted earlier that the chain no longer holds: entries removed from the end (the chain is
   * shorter than the head said) or rewritten (the entry at that count has another hash).
   */
  anchorsFailed: (AuditAnchor & { problem: 'cut' | 'rewritten' })[];
}

/** A saved CSV of audit entries: where it went, how many rows, and its SHA-256. */
export interface AuditExportResult {
  fileName: string;
  /** A path (Electron) or a download address (the browser harness). */
  location: string;
  rows: number;
  sha256: string;
}
