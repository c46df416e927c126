// Imports from spreadsheets: the people and referrals an import makes (one transaction, each
// tagged with the import's batch), the mapping remembered for a header row, and undoing the last
// import while nothing else has touched what it made.
import { createHash, randomBytes } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { newCaseId } from '../../core/domain/caseId';
import type { ImportBatch } from '../../core/domain/import/check';
import type { ImportKind } from '../../core/domain/import/fields';
import { importMappingSchema, type ImportMapping } from '../../core/domain/import/rows';
import { nameKey } from '../../core/domain/nameFolding';
import { personFields, type NewPerson } from '../../core/domain/person';
import { episodeFields } from '../../core/domain/episode';
import { editableKeys } from '../../core/domain/recordFields';
import { DomainError } from '../../core/domain/result';
import type { Settings } from '../../core/domain/settings';
import { episodes, importBatches, people, settings as settingsTable } from '../schema';
import type { Orm, Queryable } from '../types';
import { referralFacts } from './episodes';
import { PURGE_STATEMENTS } from './retention';
import { created, memberNames, type Actor } from './stamps';

const DETAILS = editableKeys(personFields);
const REFERRAL = editableKeys(episodeFields);

/** A value as SQLite takes it: true/false as 1/0, lists as JSON (as drizzle writes them). */
const sqlValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : Array.isArray(v) ? JSON.stringify(v) : (v ?? null));

/**
 * Adds everyone in one go, in the caller's transaction; each person and referral carries the batch
 * id. The columns are the same as the "Add a person" form writes (createPerson, insertEpisode),
 * named from the schema, through two statements prepared once: drizzle's per-row query building
 * was most of a 50,000-row import's time.
 */
export function insertImported(orm: Orm, kind: ImportKind, rows: readonly NewPerson[], settings: Settings, actor: Actor, onProgress?: (done: number) => void): number {
  const stamp = created(actor);
  const batchId = orm.insert(importBatches).values({ kind, people: rows.length, createdAt: stamp.createdAt, createdBy: actor.memberId }).returning({ id: importBatches.id }).get().id;
  const personColumns = [...DETAILS.map((k) => people[k].name), 'case_id', 'name_folded', 'created_at', 'created_by', 'updated_at', 'updated_by', 'import_batch_id'];
  const episodeColumns = [...REFERRAL.map((k) => episodes[k].name), 're_engaging', 'newly_diagnosed', 'borough_at_referral', 'person_id', 'referral_status', 'created_at', 'created_by', 'updated_at', 'updated_by', 'import_batch_id'];
  const db = orm.$client;
  const insertPerson = db.prepare(`INSERT INTO people (${personColumns.join(', ')}) VALUES (${personColumns.map(() => '?').join(', ')})`);
  // Facts the form works out (re-engaging, newly diagnosed, the borough at referral) come after the referral's own fields, so they win.
  const insertEpisodeRow = db.prepare(`INSERT INTO episodes (${episodeColumns.join(', ')}) VALUES (${episodeColumns.map(() => '?').join(', ')})`);
  const caseIdTaken = db.prepare('SELECT 1 FROM people WHERE case_id = ?').pluck();
  const latest = db.prepare('UPDATE people SET latest_episode_id = ? WHERE id = ?');
  const stamps = [stamp.createdAt, stamp.createdBy, stamp.updatedAt, stamp.updatedBy, batchId];
  const caseIds = new Set<string>();
  rows.forEach((person, i) => {
    // Case IDs are random: the rare collision, with the caseload or within this import, is drawn again.
    let caseId = newCaseId(randomBytes);
    while (caseIds.has(caseId) || caseIdTaken.get(caseId)) caseId = newCaseId(randomBytes);
    caseIds.add(caseId);
    const personId = Number(insertPerson.run(...DETAILS.map((k) => sqlValue(person[k])), caseId, nameKey(person), ...stamps).lastInsertRowid);
    const facts = referralFacts(person, person.diagnosisMonth, settings.newlyDiagnosedMonths);
    const episodeId = Number(insertEpisodeRow.run(...REFERRAL.map((k) => sqlValue(person[k])), sqlValue(facts.reEngaging), sqlValue(facts.newlyDiagnosed), sqlValue(person.borough), personId, 'received', ...stamps).lastInsertRowid);
    latest.run(episodeId, personId);
    if (onProgress && i % 500 === 0) onProgress(i);
  });
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
  // A record marked entered in error is kept, with its reason, for the audit and the person's copy:
  // undoing the import would take it away with the person, so a correction counts as work too.
  if (one(`SELECT 1 FROM entered_in_error WHERE person_id IN (${OF_BATCH})`)) return 'A record from the import has been marked entered in error since it was made.';
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
