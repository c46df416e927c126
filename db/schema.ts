// The caseload schema. Dates are ISO text (CCYY-MM-DD), timestamps ISO 8601 UTC text.
// Change it, then `npm run db:generate` to write the next SQL migration.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Workspace facts: its id, organisation name, created-at. One row per key. */
export const workspaceMeta = sqliteTable('workspace_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Settings a coordinator can change, stored as JSON values and validated by core/domain/settings. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** People who use the app. Each record keeps which member recorded it. */
export const members = sqliteTable('members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['coordinator', 'peer_worker', 'reporting'] }).notNull(),
  createdAt: text('created_at').notNull(),
});

export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: text('case_id').notNull().unique(),
    preferredName: text('preferred_name').notNull(),
    /** Ten digits without spaces, or null: optional in sexual-health services. */
    nhsNumber: text('nhs_number'),
    dateOfBirth: text('date_of_birth').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('people_nhs_number_idx').on(t.nhsNumber), index('people_name_idx').on(sql`lower(${t.preferredName})`)],
);

/** An episode of support: starts with a referral, ends with a closure. */
export const episodes = sqliteTable(
  'episodes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    referralReceivedOn: text('referral_received_on').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
  },
  (t) => [index('episodes_person_idx').on(t.personId)],
);
