// The programme's own lists (core/domain/programmeLists.ts): read, edited by a coordinator, and set
// from a trust's profile file. Plain SQL on the raw handle, so an export's worker thread (which has
// no drizzle) reads the same labels and trust codes as the app.
import type { Database } from 'better-sqlite3';
import {
  codeFromLabel,
  LIST_DEFINITIONS,
  LIST_KEYS,
  type ListItem,
  type ListKey,
  type ListsInFile,
  type ProgrammeList,
} from '../../core/domain/programmeLists';
import { DomainError } from '../../core/domain/result';

type Raw = Pick<Database, 'prepare'>;

/** Where each list's codes are held: what "used" counts, and what stops a code being deleted. */
const HELD_IN: Record<ListKey, { table: string; column: string }> = {
  contact_type: { table: 'contacts', column: 'type' },
  contact_mode: { table: 'contacts', column: 'mode' },
  event_type: { table: 'group_events', column: 'type' },
  event_mode: { table: 'group_events', column: 'mode' },
  signposting_category: { table: 'signposting', column: 'service_type' },
  closure_reason: { table: 'episode_closures', column: 'reason' },
  referral_source: { table: 'episodes', column: 'referral_source' },
};

interface Row {
  list: ListKey;
  code: string;
  label: string;
  trustCode: string | null;
  retiredAt: string | null;
}

function rows(db: Raw, list?: ListKey): Row[] {
  const sql = `SELECT list, code, label, trust_code AS trustCode, retired_at AS retiredAt FROM programme_list_items ${list ? 'WHERE list = @list' : ''} ORDER BY list, position, label`;
  return db.prepare(sql).all(list ? { list } : {}) as Row[];
}

/** How many records hold each code of a list. */
function usage(db: Raw, list: ListKey): Map<string, number> {
  const { table, column } = HELD_IN[list];
  const counts = db.prepare(`SELECT ${column} AS code, count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL GROUP BY ${column}`).all() as { code: string; n: number }[];
  return new Map(counts.map((c) => [c.code, c.n]));
}

/** Every list with its items (retired ones too) in their order, and how often each is used. */
export function programmeLists(db: Raw): ProgrammeList[] {
  const all = rows(db);
  return LIST_KEYS.map((key) => {
    const used = usage(db, key);
    const items: ListItem[] = all.filter((r) => r.list === key).map((r) => ({ code: r.code, label: r.label, trustCode: r.trustCode, retiredAt: r.retiredAt, used: used.get(r.code) ?? 0 }));
    return { key, name: LIST_DEFINITIONS[key].name, item: LIST_DEFINITIONS[key].item, items };
  });
}

/**
 * A list's labels by code, for reports and the return's readers: every code the list has held,
 * retired ones included, since old records still carry them. Keyed by the code, which never changes.
 */
export function listLabels(db: Raw, list: ListKey): Map<string, string> {
  return new Map(rows(db, list).map((r) => [r.code, r.label]));
}

/** Whether the file has the lists' table (every caseload migrated to 0013 or later does). */
export function holdsProgrammeLists(db: Raw): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'programme_list_items'").get() !== undefined;
}

/** A list's trust codes by our code, where the trust gave one. */
export function trustCodes(db: Raw, list: ListKey): Map<string, string> {
  return new Map(rows(db, list).flatMap((r) => (r.trustCode ? [[r.code, r.trustCode] as const] : [])));
}

function item(db: Raw, list: ListKey, code: string): Row {
  const row = db.prepare('SELECT list, code, label, trust_code AS trustCode, retired_at AS retiredAt FROM programme_list_items WHERE list = ? AND code = ?').get(list, code) as Row | undefined;
  if (!row) throw new DomainError('NOT_FOUND', 'That entry is not in the list. Someone may have deleted it: look at the list again.');
  return row;
}

function labelTaken(db: Raw, list: ListKey, label: string, except?: string): void {
  const clash = rows(db, list).find((r) => r.code !== except && r.label.toLocaleLowerCase('en-GB') === label.toLocaleLowerCase('en-GB'));
  if (clash) {
    const retired = clash.retiredAt ? ' (no longer used: bring it back instead)' : '';
    throw new DomainError('VALIDATION', 'Check the entry.', { label: `“${clash.label}” is already in the list${retired}.` });
  }
}

export function addListItem(db: Raw, input: { list: ListKey; label: string; trustCode: string | null }): string {
  labelTaken(db, input.list, input.label);
  const codes = new Set(rows(db, input.list).map((r) => r.code));
  const code = codeFromLabel(input.label, codes);
  const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 FROM programme_list_items WHERE list = ?').pluck().get(input.list) as number) ?? 1;
  db.prepare('INSERT INTO programme_list_items (list, code, label, trust_code, position) VALUES (?, ?, ?, ?, ?)').run(input.list, code, input.label, input.trustCode, position);
  return code;
}

function activeCount(db: Raw, list: ListKey): number {
  return db.prepare('SELECT count(*) FROM programme_list_items WHERE list = ? AND retired_at IS NULL').pluck().get(list) as number;
}

const LAST_ACTIVE = 'A list needs at least one entry in use: add another before retiring this one.';

export function updateListItem(db: Raw, input: { list: ListKey; code: string; label?: string; trustCode?: string | null; retired?: boolean }, now: Date): void {
  const row = item(db, input.list, input.code);
  if (input.label !== undefined) labelTaken(db, input.list, input.label, input.code);
  const retire = input.retired === true && !row.retiredAt;
  if (retire && activeCount(db, input.list) <= 1) throw new DomainError('CONFLICT', LAST_ACTIVE);
  const retiredAt = input.retired === undefined ? row.retiredAt : input.retired ? (row.retiredAt ?? now.toISOString()) : null;
  db.prepare('UPDATE programme_list_items SET label = ?, trust_code = ?, retired_at = ? WHERE list = ? AND code = ?').run(
    input.label ?? row.label,
    input.trustCode === undefined ? row.trustCode : input.trustCode,
    retiredAt,
    input.list,
    input.code,
  );
}

/** Deletes an entry no record holds; one in use can only be retired, so old records keep their meaning. */
export function removeListItem(db: Raw, input: { list: ListKey; code: string }): void {
  const row = item(db, input.list, input.code);
  const used = usage(db, input.list).get(input.code) ?? 0;
  if (used > 0) throw new DomainError('CONFLICT', `“${row.label}” is on ${used} record${used === 1 ? '' : 's'}, so it cannot be deleted. Retire it instead: it stays on those records and is not offered for new ones.`);
  if (!row.retiredAt && activeCount(db, input.list) <= 1) throw new DomainError('CONFLICT', LAST_ACTIVE);
  db.prepare('DELETE FROM programme_list_items WHERE list = ? AND code = ?').run(input.list, input.code);
}

/**
 * Makes the caseload's lists the file's: entries added, renamed, their trust codes set, retired or
 * brought back, in the file's order. An entry the file leaves out is retired, never deleted.
 */
export function applyListsFromFile(db: Raw, lists: ListsInFile, now: Date): void {
  const at = now.toISOString();
  const upsert = db.prepare(
    `INSERT INTO programme_list_items (list, code, label, trust_code, position, retired_at) VALUES (@list, @code, @label, @trustCode, @position, @retiredAt)
     ON CONFLICT (list, code) DO UPDATE SET label = excluded.label, trust_code = excluded.trust_code, position = excluded.position,
       retired_at = CASE WHEN excluded.retired_at IS NULL THEN NULL ELSE coalesce(programme_list_items.retired_at, excluded.retired_at) END`,
  );
  for (const key of LIST_KEYS) {
    const wanted = lists[key];
    if (!wanted) continue;
    wanted.forEach((w, i) => upsert.run({ list: key, code: w.code, label: w.label, trustCode: w.trustCode, position: i + 1, retiredAt: w.retired ? at : null }));
    const keep = new Set(wanted.map((w) => w.code));
    const left = rows(db, key).filter((r) => !keep.has(r.code));
    left.forEach((r, i) => db.prepare('UPDATE programme_list_items SET retired_at = coalesce(retired_at, ?), position = ? WHERE list = ? AND code = ?').run(at, wanted.length + i + 1, key, r.code));
  }
}

/**
 * Whether a record may hold this code: an active code of the list, or (on a change to a record)
 * the code it already holds, retired or not, so an old record stays valid as it is.
 */
export function codeAllowed(db: Raw, list: ListKey, code: string, current?: string | null): boolean {
  if (current !== undefined && current !== null && code === current) return true;
  const row = db.prepare('SELECT retired_at AS retiredAt FROM programme_list_items WHERE list = ? AND code = ?').get(list, code) as { retiredAt: string | null } | undefined;
  return !!row && row.retiredAt === null;
}

/** Every list's labels at once: `(list, code) => label`, a code no list holds reading as itself. */
export function allListLabels(db: Raw): (list: ListKey, code: string) => string {
  const labels = new Map(rows(db).map((r) => [`${r.list}:${r.code}`, r.label]));
  return (list, code) => labels.get(`${list}:${code}`) ?? code;
}
