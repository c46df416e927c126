// What each call writes to the audit log, as its declaration says (core/api/contract.ts: `audit`):
// the method, who, and which record by id. Never a name or a note.
import type { AuditDescription } from '../domain/audit';
import { contract, type AuditRule, type MethodName } from './contract';

/** Null: not audited (status checks, lists, previews, progress). */
export function describeCall(name: MethodName, input: unknown, value: unknown): AuditDescription | null {
  const rule = contract[name].audit as AuditRule<unknown, unknown> | null;
  return rule ? rule(input, value, name) : null;
}
