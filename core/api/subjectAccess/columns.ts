// Which tables hold a person's data, and the columns of them their subject access copy leaves out,
// each with its reason. Everything else must reach the copy: tests/integration/
// subjectAccessColumns.test.ts changes each column of each of these tables in turn and checks the
// person's copy changes with it, so a column added to one of them and left out of the copy fails
// until the copy shows it (its declaration in core/domain) or it is listed here.
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema';

type Schema = typeof schema;
type TableName = { [K in keyof Schema]: Schema[K] extends SQLiteTable ? K : never }[keyof Schema];

/**
 * The tables that hold a person's data: people, and every table that refers to one of them (an
 * episode refers to its person, a contact to its episode, a goal review to its goal…), found from
 * the schema's foreign keys, so a new table of a person's records is found too.
 */
export function personTables(): SQLiteTable[] {
  const tables = Object.values(schema).filter((t) => is(t, SQLiteTable)) as SQLiteTable[];
  const found = new Set<SQLiteTable>([schema.people]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of tables) {
      if (found.has(t)) continue;
      if (getTableConfig(t).foreignKeys.some((fk) => found.has(fk.reference().foreignTable as SQLiteTable))) {
        found.add(t);
        grew = true;
      }
    }
  }
  return [...found];
}

const ROW_ID = "The row's own number in the file: the copy numbers entries itself, oldest first.";
const CHANGED_BY = 'Which member of staff last changed the entry: staff bookkeeping, kept with every change in the audit log. The copy names who recorded each entry.';
const CHANGED_AT = 'When the entry was last changed: kept with every change in the audit log. The copy shows the entry as it now stands, with its own dates.';
const TYPED_AT = "When the entry was typed in: the copy gives the entry's own date (the day it happened); the audit log keeps when it was recorded.";
const DUE = 'When each questionnaire next falls due, kept by the database from the episode’s first contact and its questionnaires, which the copy shows.';
/** Stamps of a record the copy dates by its own date and names by who recorded it. */
const STAMPS = { createdAt: TYPED_AT, updatedAt: CHANGED_AT, updatedBy: CHANGED_BY };
const IMPORT_BATCH = 'Which import from a spreadsheet added the record, kept so that import can be undone: the copy shows what the record holds.';

/** Columns left out of the copy, by table and column (drizzle's names), with the reason. */
export const NOT_IN_COPY = {
  people: {
    id: ROW_ID,
    nameFolded: 'The name folded for search (no accents or capitals): worked out from the name, which the copy shows exactly as held.',
    latestEpisodeId: 'Which episode is the newest, kept for the caseload list: the copy lists every episode.',
    updatedBy: CHANGED_BY,
    importBatchId: IMPORT_BATCH,
  },
  episodes: {
    id: ROW_ID,
    lastContactOn: 'The latest attended contact, kept for lists and My day: worked out from the contacts, which the copy lists.',
    updatedAt: CHANGED_AT,
    updatedBy: CHANGED_BY,
    importBatchId: IMPORT_BATCH,
  },
  episodeClosures: { id: ROW_ID, createdAt: TYPED_AT },
  contactAttempts: { id: ROW_ID, ...STAMPS },
  contacts: { id: ROW_ID, updatedBy: CHANGED_BY },
  goals: { id: ROW_ID, ...STAMPS },
  goalReviews: { id: ROW_ID, createdAt: TYPED_AT },
  signposting: { id: ROW_ID, ...STAMPS },
  riskFlags: { id: ROW_ID, ...STAMPS },
  groupParticipants: {
    ...STAMPS,
    createdBy: 'Which member of staff put them on the list: the copy shows the registration and the attendance themselves.',
  },
  assessments: {
    id: ROW_ID,
    primaryScore: 'One of the scores, kept apart for reports: the copy shows every score.',
    scoringVersion: 'Which version of the scoring rules made the scores: the copy shows the scores themselves.',
    ...STAMPS,
  },
  assessmentSchedule: { episodeId: DUE, instrument: DUE, startedOn: DUE, lastCompletedOn: DUE },
  engagementReviews: { id: ROW_ID, ...STAMPS },
  enteredInError: {
    id: ROW_ID,
    recordId: "The record's own number in its table before it was marked: the copy numbers entries itself.",
    episodeId: 'Which episode the record was in, by its number in the file: that episode may itself be marked in error. The copy gives the record’s kind, date and what it was.',
  },
} satisfies { [T in TableName]?: { [C in keyof Schema[T]['$inferSelect']]?: string } };

/** The reason a column is left out of the copy, or undefined when the copy must show it. */
export function whyNotInCopy(table: SQLiteTable, column: string): string | undefined {
  const name = (Object.keys(schema) as TableName[]).find((k) => schema[k] === table);
  const listed = name ? (NOT_IN_COPY as Partial<Record<TableName, Record<string, string>>>)[name] : undefined;
  return listed?.[column];
}
