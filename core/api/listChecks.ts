// Which fields of which methods hold a code of a programme list, checked against the caseload's own
// lists before the handler runs (in its transaction). The contract's schemas check only a code's
// shape: the codes themselves are data (core/domain/programmeLists.ts). A new record takes an
// active code; a change to a record may keep the code it already holds even if since retired, so
// an old record stays valid as it is.
import type { Database } from 'better-sqlite3';
import { codeAllowed } from '../../db/queries/programmeLists';
import { CHOOSE_ONE, type ListKey } from '../domain/programmeLists';
import { DomainError } from '../domain/result';
import type { MethodName } from './contract';

interface Held {
  field: string;
  list: ListKey;
  /** On a change, what the record holds now. */
  current?: (db: Database, input: Record<string, unknown>) => string | null;
}

const column = (sql: string, key: string) => (db: Database, input: Record<string, unknown>) => (db.prepare(sql).pluck().get(input[key]) as string | null | undefined) ?? null;

const referral: Held = { field: 'referralSource', list: 'referral_source' };

export const LIST_FIELDS: Partial<Record<MethodName, Held[]>> = {
  'people.create': [referral],
  'episodes.create': [referral],
  'episodes.updateReferral': [{ ...referral, current: column('SELECT referral_source FROM episodes WHERE id = ?', 'episodeId') }],
  'episodes.close': [{ field: 'reason', list: 'closure_reason' }],
  'contacts.create': [
    { field: 'type', list: 'contact_type' },
    { field: 'mode', list: 'contact_mode' },
  ],
  'contacts.update': [
    { field: 'type', list: 'contact_type', current: column('SELECT type FROM contacts WHERE id = ?', 'id') },
    { field: 'mode', list: 'contact_mode', current: column('SELECT mode FROM contacts WHERE id = ?', 'id') },
  ],
  'signposting.create': [{ field: 'serviceType', list: 'signposting_category' }],
  'groups.create': [
    { field: 'type', list: 'event_type' },
    { field: 'mode', list: 'event_mode' },
  ],
  'groups.update': [
    { field: 'type', list: 'event_type', current: column('SELECT type FROM group_events WHERE id = ?', 'id') },
    { field: 'mode', list: 'event_mode', current: column('SELECT mode FROM group_events WHERE id = ?', 'id') },
  ],
};

/** Refuses a call whose list codes the caseload's lists do not offer, naming each field. */
export function checkListCodes(db: Database, name: MethodName, input: unknown): void {
  const held = LIST_FIELDS[name];
  if (!held) return;
  const values = input as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const h of held) {
    const code = values[h.field];
    // Left out of a change, or an optional field left blank: nothing to check.
    if (typeof code !== 'string') continue;
    if (!codeAllowed(db, h.list, code, h.current?.(db, values))) fields[h.field] = CHOOSE_ONE;
  }
  if (Object.keys(fields).length > 0) throw new DomainError('VALIDATION', 'Some details need checking.', fields);
}
