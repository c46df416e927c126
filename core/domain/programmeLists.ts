// The programme's own lists: the kinds of support it gives, how contacts and events are held, what
// it signposts to, why support ends and where referrals come from. Unlike the NHS code sets in
// codes.ts these differ from programme to programme (counselling, life coaching, hypnotherapy…),
// so they are data a coordinator edits, seeded with the codes the app has always used.
//
// A code is stable for ever: renaming changes its label only, so old records, reports and the
// return (which key on the code) keep their meaning. A code in use is never deleted; a retired
// code stays readable on old records but is not offered for new ones. Each may carry the trust's
// own code, written in exports in place of ours.
import { z } from 'zod';
import { closureReason, contactMode, contactType, groupEventType, referralSource, serviceType, type Code } from './codes';
import { HIDDEN_CHARACTER_MESSAGE, visibleLine } from './fields';

export const LIST_KEYS = ['contact_type', 'contact_mode', 'event_type', 'event_mode', 'signposting_category', 'closure_reason', 'referral_source'] as const;
export type ListKey = (typeof LIST_KEYS)[number];

export interface ListDefinition {
  /** The list's name on the Settings screen. */
  name: string;
  /** What one item is, in a sentence ("Add a support type"). */
  item: string;
  /** The codes a new caseload starts with: today's codes, so old data and exports stay as they were. */
  seed: readonly Code[];
}

export const LIST_DEFINITIONS: Record<ListKey, ListDefinition> = {
  contact_type: { name: 'Support and contact types', item: 'support type', seed: contactType.list },
  contact_mode: { name: 'How contacts are held', item: 'way of holding a contact', seed: contactMode.list },
  event_type: { name: 'Group and workshop types', item: 'event type', seed: groupEventType.list },
  event_mode: {
    name: 'How events are held',
    item: 'way of holding an event',
    seed: [
      { code: 'in_person', label: 'In person' },
      { code: 'online', label: 'Online' },
    ],
  },
  signposting_category: { name: 'Signposting categories', item: 'signposting category', seed: serviceType.list },
  closure_reason: { name: 'Closure reasons', item: 'closure reason', seed: closureReason.list },
  referral_source: { name: 'Referral sources', item: 'referral source', seed: referralSource.list },
};

/** One entry of a list as the app holds it. */
export interface ListItem {
  code: string;
  label: string;
  /** The trust's own code for exports; null: exports write ours. */
  trustCode: string | null;
  /** ISO timestamp it was retired, or null while it is offered. */
  retiredAt: string | null;
  /** How many records hold it: a used code cannot be deleted. */
  used: number;
}

export interface ProgrammeList {
  key: ListKey;
  name: string;
  item: string;
  items: ListItem[];
}

export const CHOOSE_ONE = 'Choose one of the options.';

/**
 * A field holding a code of a programme list. The shape only: which codes the list holds is data,
 * checked against the caseload's lists when a record is saved (core/api/listChecks.ts).
 */
export const listCode = z.string({ error: CHOOSE_ONE }).regex(/^[a-z0-9_]{1,40}$/, { error: CHOOSE_ONE });

const listKey = z.enum(LIST_KEYS, { error: 'There is no such list.' });
const label = z
  .string({ error: 'Enter the words people will see.' })
  .trim()
  .min(1, { error: 'Enter the words people will see.' })
  .max(80, { error: 'Keep this to 80 characters or fewer.' })
  .refine(visibleLine, { error: HIDDEN_CHARACTER_MESSAGE });
/** The trust's code: short, one line; blank means none. */
const trustCode = z
  .string()
  .trim()
  .max(40, { error: 'Keep the trust’s code to 40 characters or fewer.' })
  .refine(visibleLine, { error: HIDDEN_CHARACTER_MESSAGE })
  .optional()
  .nullable()
  .transform((v) => v || null);

export const addListItemSchema = z.object({ list: listKey, label, trustCode }).strict();
export type AddListItemInput = z.input<typeof addListItemSchema>;

/** Rename, set the trust's code, retire or bring back: only the fields sent change. */
export const updateListItemSchema = z
  .object({ list: listKey, code: listCode, label: label.optional(), trustCode: trustCode.optional(), retired: z.boolean().optional() })
  .strict();
export type UpdateListItemInput = z.input<typeof updateListItemSchema>;

export const removeListItemSchema = z.object({ list: listKey, code: listCode }).strict();

/** A new item's code, made once from its first label and never changed (renaming keeps it). */
export function codeFromLabel(text: string, taken: ReadonlySet<string>): string {
  const base =
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 36) || 'item';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** What a list offers for a new record: its active items, plus the one already chosen even if retired. */
export function offered(list: Pick<ProgrammeList, 'items'> | undefined, chosen?: string | null): Code[] {
  return (list?.items ?? [])
    .filter((i) => !i.retiredAt || i.code === chosen)
    .map((i) => ({ code: i.code, label: i.retiredAt ? `${i.label} (no longer used)` : i.label }));
}

/** A lookup from code to label: a code the list lacks reads as itself, never as blank. */
export function labeller(items: readonly Pick<ListItem, 'code' | 'label'>[] | undefined, fallback: readonly Code[] = []): (code: string | null | undefined) => string {
  const labels = new Map<string, string>([...fallback.map((c) => [c.code, c.label] as const), ...(items ?? []).map((i) => [i.code, i.label] as const)]);
  return (code) => (code == null ? '' : (labels.get(code) ?? code));
}

// --- The trust's profile file --------------------------------------------------------------------

const fileItem = z
  .object({
    code: listCode,
    label,
    trustCode,
    /** False or absent: offered. True: kept for old records only. */
    retired: z.boolean().optional().default(false),
  })
  .strict();

/** The lists a trust's profile file carries: any of the lists, each whole. */
export const listsInFileSchema = z
  .partialRecord(listKey, z.array(fileItem).min(1, { error: 'A list needs at least one entry.' }).max(200))
  .superRefine((lists, ctx) => {
    for (const [key, items] of Object.entries(lists)) {
      const seen = new Set<string>();
      items?.forEach((item, i) => {
        if (seen.has(item.code)) ctx.addIssue({ code: 'custom', path: [key, i, 'code'], message: `“${item.code}” is in the ${key} list twice.` });
        seen.add(item.code);
      });
      if (items && items.every((i) => i.retired)) ctx.addIssue({ code: 'custom', path: [key], message: `The ${key} list needs at least one entry in use.` });
    }
  });
export type ListsInFile = z.output<typeof listsInFileSchema>;

/** What applying a file's lists would change in one list: shown before anything changes. */
export interface ListChange {
  key: ListKey;
  name: string;
  added: string[];
  renamed: string[];
  trustCodes: string[];
  retired: string[];
  restored: string[];
}

/**
 * The changes a file's lists make to the caseload's. A code the file leaves out is retired, never
 * deleted: old records keep it.
 */
export function listChanges(current: readonly ProgrammeList[], file: ListsInFile): ListChange[] {
  const changes: ListChange[] = [];
  for (const key of LIST_KEYS) {
    const wanted = file[key];
    if (!wanted) continue;
    const have = new Map((current.find((l) => l.key === key)?.items ?? []).map((i) => [i.code, i]));
    const change: ListChange = { key, name: LIST_DEFINITIONS[key].name, added: [], renamed: [], trustCodes: [], retired: [], restored: [] };
    for (const w of wanted) {
      const h = have.get(w.code);
      if (!h) {
        change.added.push(w.label);
        continue;
      }
      if (h.label !== w.label) change.renamed.push(`${h.label} → ${w.label}`);
      if (h.trustCode !== w.trustCode) change.trustCodes.push(w.label);
      if (!h.retiredAt && w.retired) change.retired.push(w.label);
      if (h.retiredAt && !w.retired) change.restored.push(w.label);
    }
    const inFile = new Set(wanted.map((w) => w.code));
    for (const h of have.values()) if (!inFile.has(h.code) && !h.retiredAt) change.retired.push(h.label);
    if (change.added.length + change.renamed.length + change.trustCodes.length + change.retired.length + change.restored.length > 0) changes.push(change);
  }
  return changes;
}

/** The caseload's lists as a profile file carries them. */
export function listsForFile(lists: readonly ProgrammeList[]): ListsInFile {
  return Object.fromEntries(
    lists.map((l) => [l.key, l.items.map((i) => ({ code: i.code, label: i.label, trustCode: i.trustCode, retired: i.retiredAt !== null }))]),
  ) as ListsInFile;
}

/** The question asked before a file's lists replace the caseload's, in a worker's words. */
export function describeListChanges(changes: readonly ListChange[]): string {
  const parts = changes.map((c) => {
    const what = [
      c.added.length && `${c.added.length} added`,
      c.renamed.length && `${c.renamed.length} renamed`,
      c.trustCodes.length && `${c.trustCodes.length} with new trust codes`,
      c.retired.length && `${c.retired.length} retired`,
      c.restored.length && `${c.restored.length} back in use`,
    ].filter(Boolean);
    return `${c.name} (${what.join(', ')})`;
  });
  return `This file also sets the programme’s lists: ${parts.join('; ')}. Use the trust’s lists? Nothing already recorded changes: an entry in use is retired, never deleted.`;
}
