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
