// Imports from spreadsheets: the people and referrals an import makes (one transaction, each
// tagged with the import's batch), the mapping remembered for a header row, and undoing the last
// import while nothing else has touched what it made.
import { createHash, randomBytes } from 'node:crypto';
import { desc, eq, inArray } from 'drizzle-orm';
import { newCaseId } from '../../core/domain/caseId';
import type { ImportBatch } from '../../core/domain/import/check';
import type { ImportKind } from '../../core/domain/import/fields';
import { importMappingSchema, type ImportMapping } from '../../core/domain/import/rows';
import { nameKey } from '../../core/domain/nameFolding';
import { personFields, type NewPerson } from '../../core/domain/person';
import { editableKeys, pick } from '../../core/domain/recordFields';
import { DomainError } from '../../core/domain/result';
import type { Settings } from '../../core/domain/settings';
import { episodes, importBatches, people, settings as settingsTable } from '../schema';
import type { Orm, Queryable } from '../types';
import { insertEpisode } from './episodes';
import { PURGE_STATEMENTS } from './retention';
import { created, memberNames, type Actor } from './stamps';

const DETAILS = editableKeys(personFields);

/** Adds everyone in one go, in the caller's transaction; each person and referral carries the batch id. */
export function insertImported(tx: Queryable, kind: ImportKind, rows: readonly NewPerson[], settings: Settings, actor: Actor, onProgress?: (done: number) => void): number {
  const stamp = created(actor);
  const batchId = tx.insert(importBatches).values({ kind, people: rows.length, createdAt: stamp.createdAt, createdBy: actor.memberId }).returning({ id: importBatches.id }).get().id;
  const caseIds = new Set<string>();
  rows.forEach((person, i) => {
    // Case IDs are random: the rare collision, with the caseload or within this import, is drawn again.
    let caseId = newCaseId(randomBytes);
    while (caseIds.has(caseId) || tx.select({ id: people.id }).from(people).where(eq(people.caseId, caseId)).get()) caseId = newCaseId(randomBytes);
    caseIds.add(caseId);
    const { id } = tx
      .insert(people)
      .values({ caseId, ...pick(person, DETAILS), nameFolded: nameKey(person), ...stamp, importBatchId: batchId })
      .returning({ id: people.id })
      .get();
    insertEpisode(tx, id, person, person.diagnosisMonth, settings, actor);
    if (onProgress && i % 500 === 0) onProgress(i);
  });
  // The referrals are tagged in one statement after (insertEpisode is the form's own, untouched).
  tx.update(episodes).set({ importBatchId: batchId }).where(inArray(episodes.personId, tx.select({ id: people.id }).from(people).where(eq(people.importBatchId, batchId)))).run();
  return batchId;
}

// --- Remembered mappings ----------------------------------------------------------------------

const mappingKey = (kind: ImportKind, shape: string) => `import_mapping:${kind}:${createHash('sha256').update(shape).digest('hex').slice(0, 32)}`;

export function rememberedMapping(orm: Queryable, kind: ImportKind, shape: string): ImportMapping | null {
  const row = orm.select().from(settingsTable).where(eq(settingsTable.key, mappingKey(kind, shape))).get();
  if (!row) return null;
  const parsed = importMappingSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

export function rememberMapping(orm: Queryable, kind: ImportKind, shape: string, mapping: ImportMapping): void {
  const value = JSON.stringify(mapping);
  orm.insert(settingsTable).values({ key: mappingKey(kind, shape), value }).onConflictDoUpdate({ target: settingsTable.key, set: { value } }).run();
}

// --- The last import, and undoing it -----------------------------------------------------------

const OF_BATCH = 'SELECT id FROM people WHERE import_batch_id = @batch';
const EPISODES_OF_BATCH = `SELECT id FROM episodes WHERE person_id IN (${OF_BATCH})`;

/** Why the batch's records can no longer be taken out as they came in, or null when they can. */
export function undoBlocked(orm: Orm, batchId: number): string | null {
  const one = (text: string) => !!orm.$client.prepare(`SELECT 1 FROM (${text}) LIMIT 1`).get({ batch: batchId });
  if (one(`SELECT 1 FROM people WHERE import_batch_id = @batch AND (updated_at <> created_at)`)) return 'Someone’s details have been changed since the import.';
  if (one(`SELECT 1 FROM episodes WHERE person_id IN (${OF_BATCH}) AND (import_batch_id IS NOT @batch OR updated_at <> created_at OR referral_status <> 'received')`)) {
    return 'A referral from the import has been changed, or someone has a new referral, since the import.';
  }
  for (const table of ['goals', 'contact_attempts', 'contacts', 'signposting', 'assessments', 'engagement_reviews', 'episode_closures']) {
    if (one(`SELECT 1 FROM ${table} WHERE episode_id IN (${EPISODES_OF_BATCH})`)) return 'Work has been recorded for someone from the import since it was made.';
  }
  if (one(`SELECT 1 FROM risk_flags WHERE person_id IN (${OF_BATCH})`) || one(`SELECT 1 FROM group_participants WHERE person_id IN (${OF_BATCH})`)) {
    return 'Work has been recorded for someone from the import since it was made.';
  }
  return null;
}

export function lastImport(orm: Orm): ImportBatch | null {
  const row = orm.select().from(importBatches).orderBy(desc(importBatches.id)).limit(1).get();
  if (!row) return null;
  const names = memberNames(orm);
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    at: row.createdAt,
    byName: names(row.createdBy),
    people: row.people,
    undoneAt: row.undoneAt,
    undoBlocked: row.undoneAt ? 'This import has already been undone.' : undoBlocked(orm, row.id),
  };
}

/** Takes out everyone the import added, with their referrals, in the caller's transaction; the batch row stays, marked undone. */
export function undoImport(orm: Orm, batchId: number, actor: Actor): number {
  const last = lastImport(orm);
  if (!last || last.id !== batchId) throw new DomainError('CONFLICT', 'Only the last import can be undone.');
  if (last.undoBlocked) throw new DomainError('CONFLICT', `This import cannot be undone: ${last.undoBlocked.charAt(0).toLowerCase()}${last.undoBlocked.slice(1)}`);
  const ids = JSON.stringify((orm.$client.prepare(OF_BATCH).all({ batch: batchId }) as { id: number }[]).map((r) => r.id));
  // Nothing else refers to these people (undoBlocked): the purge's own statements take them out, children first.
  for (const s of PURGE_STATEMENTS) orm.$client.prepare(s.sql).run({ ids });
  orm.update(importBatches).set({ undoneAt: actor.now.toISOString(), undoneBy: actor.memberId }).where(eq(importBatches.id, batchId)).run();
  return JSON.parse(ids).length;
}
