// The caseload schema. Dates are ISO text (CCYY-MM-DD), timestamps ISO 8601 UTC text. Every
// record keeps who recorded it and when. Change it, then `npm run db:generate` to write the
// next SQL migration (and add an upgrade test for it).
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const stamps = {
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => members.id),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by')
    .notNull()
    .references(() => members.id),
};

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

/** People who use the app (staff, never patients). Each record keeps which member recorded it. */
export const members = sqliteTable('members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['coordinator', 'peer_worker', 'reporting'] }).notNull(),
  createdAt: text('created_at').notNull(),
  /** Set when a coordinator removes the member: the row stays, because records name their author. */
  removedAt: text('removed_at'),
});

/**
 * The programme's own lists (core/domain/programmeLists.ts): support types, closure reasons… A row
 * is never deleted while a record holds its code; retired rows stay for old records to read.
 */
export const programmeListItems = sqliteTable(
  'programme_list_items',
  {
    list: text('list').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    /** The trust's own code, written in exports in place of ours; null: ours. */
    trustCode: text('trust_code'),
    /** Offered in the order of position, then label. */
    position: integer('position').notNull(),
    retiredAt: text('retired_at'),
  },
  (t) => [primaryKey({ columns: [t.list, t.code] })],
);

/**
 * A peer worker's development: training attended, supervision (with the clinic, or not) and other
 * CPD. Reported only in aggregate: a row names a member of staff.
 */
export const memberDevelopment = sqliteTable(
  'member_development',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind', { enum: ['training', 'supervision', 'cpd'] }).notNull(),
    heldOn: text('held_on').notNull(),
    /** Training course or CPD activity; the supervision's subject, if any. */
    title: text('title'),
    hours: real('hours'),
    /** Supervision only: who supervised. */
    supervisor: text('supervisor'),
    /** Supervision only: held jointly with the clinic's team. */
    jointWithClinic: integer('joint_with_clinic', { mode: 'boolean' }).notNull().default(false),
    note: text('note'),
    ...stamps,
  },
  (t) => [index('member_development_member_idx').on(t.memberId, t.heldOn), index('member_development_date_idx').on(t.heldOn)],
);

/** Clinic sites with their ODS codes, editable in settings. */
export const sites = sqliteTable('sites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  odsCode: text('ods_code').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

/**
 * Each import from a spreadsheet (a caseload, or the clinic's opt-out list): who, when, how many.
 * The people and referrals it made carry its id, so the last import can be undone while nothing
 * else has touched them; an undone import keeps its row (undone_at) for the record.
 */
export const importBatches = sqliteTable('import_batches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  people: integer('people').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => members.id),
  undoneAt: text('undone_at'),
  undoneBy: integer('undone_by').references(() => members.id),
});

export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: text('case_id').notNull().unique(),
    preferredName: text('preferred_name').notNull(),
    givenName: text('given_name'),
    familyName: text('family_name'),
    /**
     * nameKey (core/domain/nameFolding.ts): every name the person goes by, folded, one to a line,
     * the preferred name first. Search, the duplicate check and the sort by name read it. Written with the names.
     */
    nameFolded: text('name_folded'),
    /** Ten digits without spaces, or null: optional in sexual-health services. */
    nhsNumber: text('nhs_number'),
    hospitalNumber: text('hospital_number'),
    dateOfBirth: text('date_of_birth').notNull(),
    genderIdentity: text('gender_identity'),
    sexualOrientation: text('sexual_orientation'),
    ethnicCategory: text('ethnic_category'),
    borough: text('borough'),
    firstLanguage: text('first_language'),
    interpreterNeeded: integer('interpreter_needed', { mode: 'boolean' }).notNull().default(false),
    phone: text('phone'),
    email: text('email'),
    /** JSON array of channel codes the person agreed to. */
    contactConsent: text('contact_consent', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    safeToLeaveMessage: integer('safe_to_leave_message', { mode: 'boolean' }).notNull().default(false),
    diagnosisMonth: text('diagnosis_month'),
    clinicSiteId: integer('clinic_site_id').references(() => sites.id),
    /** The person's newest episode, kept here so the caseload list joins it directly. */
    latestEpisodeId: integer('latest_episode_id'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
    updatedAt: text('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => members.id),
    /** Set when the person came in from a spreadsheet (import_batches): that import can be undone. */
    importBatchId: integer('import_batch_id').references(() => importBatches.id),
  },
  (t) => [
    index('people_nhs_number_idx').on(t.nhsNumber),
    // Search scans every person for a substring: this index holds all it compares, so counting
    // the matches reads the index, not each whole row. In its order the caseload sorts by name
    // (name_folded, then case ID), a page at a time with no sort of the whole caseload.
    index('people_search_idx').on(t.nameFolded, t.caseId, t.hospitalNumber, t.nhsNumber),
    index('people_hospital_number_idx').on(t.hospitalNumber),
    index('people_birth_idx').on(t.dateOfBirth),
  ],
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
    referralSource: text('referral_source').notNull().default('other'),
    pathway: text('pathway').notNull().default('other'),
    referrerOrganisation: text('referrer_organisation'),
    referralReasons: text('referral_reasons'),
    reEngaging: integer('re_engaging', { mode: 'boolean' }).notNull().default(false),
    /** A fact of the episode, worked out from the diagnosis month when the referral is recorded. */
    newlyDiagnosed: integer('newly_diagnosed', { mode: 'boolean' }).notNull().default(false),
    referralStatus: text('referral_status').notNull().default('received'),
    /** The person's borough when the referral arrived (a return counts referrals by it); a move later does not change it. */
    boroughAtReferral: text('borough_at_referral'),
    firstContactOn: text('first_contact_on'),
    /** Latest attended contact: kept here so lists and My day need not scan every contact. */
    lastContactOn: text('last_contact_on'),
    /** Set while closed; the history of closures and reopenings is in episode_closures. */
    closedOn: text('closed_on'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
    updatedAt: text('updated_at').notNull().default(''),
    updatedBy: integer('updated_by').references(() => members.id),
    /** Set when the referral came in from a spreadsheet (import_batches). */
    importBatchId: integer('import_batch_id').references(() => importBatches.id),
  },
  (t) => [
    index('episodes_person_idx').on(t.personId),
    // Partial indexes for My day: each holds only the rows its list can show. The WHERE text must
    // match the queries in db/queries/people.ts (WAITING_SQL, INACTIVE_SQL) for SQLite to use them.
    index('episodes_waiting_idx')
      .on(t.referralReceivedOn)
      .where(sql`closed_on IS NULL AND first_contact_on IS NULL AND referral_status IN ('received', 'contact_attempted')`),
    index('episodes_inactive_idx')
      .on(sql`coalesce(${t.lastContactOn}, ${t.firstContactOn})`)
      .where(sql`closed_on IS NULL AND first_contact_on IS NOT NULL`),
    index('episodes_last_contact_idx').on(t.lastContactOn),
    // The monthly return: referrals received in the period, and episodes closed in it (the
    // wellbeing outcome "closed with only a baseline"). Only closed episodes are indexed by date.
    index('episodes_referral_idx').on(t.referralReceivedOn),
    index('episodes_closed_idx').on(t.closedOn).where(sql`closed_on IS NOT NULL`),
    // The return's figures as at the period's end: the episodes open now (those closed after the
    // period's end come from episodes_closed_idx), and first contacts by date.
    // Covering: the open caseload and waiting list at a period's end are counted from it alone.
    index('episodes_open_idx').on(t.referralReceivedOn, t.pathway, t.referralSource, t.firstContactOn, t.personId).where(sql`closed_on IS NULL`),
    index('episodes_first_contact_idx').on(t.firstContactOn).where(sql`first_contact_on IS NOT NULL`),
  ],
);

export const episodeClosures = sqliteTable(
  'episode_closures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    episodeId: integer('episode_id')
      .notNull()
      .references(() => episodes.id),
    closedOn: text('closed_on').notNull(),
    reason: text('reason').notNull(),
    summary: text('summary'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
    reopenedAt: text('reopened_at'),
    reopenedBy: integer('reopened_by').references(() => members.id),
    reopenReason: text('reopen_reason'),
  },
  (t) => [
    index('closures_episode_idx').on(t.episodeId),
    index('closures_date_idx').on(t.closedOn),
    // The few closures later reopened: an episode open now may have been closed at a period's end.
    index('closures_reopened_idx').on(t.reopenedAt, t.closedOn, t.episodeId).where(sql`reopened_at IS NOT NULL`),
  ],
);

export const contactAttempts = sqliteTable(
  'contact_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    episodeId: integer('episode_id')
      .notNull()
      .references(() => episodes.id),
    attemptedOn: text('attempted_on').notNull(),
    method: text('method').notNull(),
    outcome: text('outcome').notNull(),
    note: text('note'),
    ...stamps,
  },
  (t) => [index('attempts_episode_idx').on(t.episodeId)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    episodeId: integer('episode_id')
      .notNull()
      .references(() => episodes.id),
    contactOn: text('contact_on').notNull(),
    startTime: text('start_time'),
    minutes: integer('minutes'),
    mode: text('mode').notNull(),
    type: text('type').notNull(),
    /** Null while planned. */
    attendance: text('attendance'),
    topics: text('topics', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    // By episode, carrying attendance: an export's attended / not-attended counts per referral
    // read this index alone (at 500,000 contacts, 119 → 40 ms on a fresh connection).
    index('contacts_episode_idx').on(t.episodeId, t.contactOn, t.attendance),
    // By date, carrying what the monthly return counts (attendance, type, mode) and whose contact
    // it was (episode): the return's contact counts and people supported read this index alone.
    index('contacts_date_idx').on(t.contactOn, t.attendance, t.type, t.mode, t.episodeId),
    // Planned contacts (no attendance yet) are few among many: My day reads only these.
    index('contacts_planned_idx').on(t.contactOn).where(sql`attendance IS NULL`),
    // Attended contacts by episode: "first ever attended contact" (new or continuing on the
    // monthly return) reads a person's from this index alone, never their whole history.
    index('contacts_attended_idx').on(t.episodeId, t.contactOn).where(sql`attendance = 'attended'`),
  ],
);

export const goals = sqliteTable(
  'goals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    episodeId: integer('episode_id')
      .notNull()
      .references(() => episodes.id),
    description: text('description').notNull(),
    area: text('area').notNull(),
    setOn: text('set_on').notNull(),
    reviewBy: text('review_by'),
    status: text('status').notNull().default('open'),
    ...stamps,
  },
  (t) => [index('goals_episode_idx').on(t.episodeId), index('goals_due_idx').on(t.reviewBy).where(sql`status = 'open'`), index('goals_set_idx').on(t.setOn)],
);

export const goalReviews = sqliteTable(
  'goal_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id),
    reviewedOn: text('reviewed_on').notNull(),
    status: text('status').notNull(),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => members.id),
  },
  (t) => [index('goal_reviews_goal_idx').on(t.goalId), index('goal_reviews_achieved_idx').on(t.reviewedOn, t.goalId).where(sql`status = 'achieved'`)],
);

export const signposting = sqliteTable(
  'signposting',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    episodeId: integer('episode_id')
      .notNull()
      .references(() => episodes.id),
    serviceType: text('service_type').notNull(),
    madeOn: text('made_on').notNull(),
    organisation: text('organisation'),
    outcome: text('outcome').notNull().default('pending'),
    note: text('note'),
    ...stamps,
  },
  (t) => [index('signposting_episode_idx').on(t.episodeId), index('signposting_date_idx').on(t.madeOn)],
);

export const riskFlags = sqliteTable(
  'risk_flags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    episodeId: integer('episode_id').references(() => episodes.id),
    raisedOn: text('raised_on').notNull(),
    description: text('description').notNull(),
    actionTaken: text('action_taken'),
    escalated: integer('escalated', { mode: 'boolean' }).notNull().default(false),
    escalatedOn: text('escalated_on'),
    resolvedOn: text('resolved_on'),
    resolvedBy: integer('resolved_by').references(() => members.id),
    resolutionNote: text('resolution_note'),
    ...stamps,
  },
  (t) => [index('risk_person_idx').on(t.personId), index('risk_open_idx').on(t.resolvedOn)],
);

export const groupEvents = sqliteTable(
  'group_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    title: text('title'),
    heldOn: text('held_on').notNull(),
    startTime: text('start_time'),
    facilitator: text('facilitator').notNull(),
    siteId: integer('site_id').references(() => sites.id),
    /** A code of the event_mode programme list (online, in person); null on events recorded before it was asked. */
    mode: text('mode'),
    notes: text('notes'),
    ...stamps,
  },
  (t) => [index('group_events_date_idx').on(t.heldOn)],
);

export const groupParticipants = sqliteTable(
  'group_participants',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => groupEvents.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    registered: integer('registered', { mode: 'boolean' }).notNull(),
    /** Null until the event has happened. */
    attended: integer('attended', { mode: 'boolean' }),
    ...stamps,
  },
  (t) => [primaryKey({ columns: [t.eventId, t.personId] }), index('group_participants_person_idx').on(t.personId)],
);


/** Outcome assessments: item responses as given; scores derived with a scoring version. */
export const assessments = sqliteTable(
  'assessments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    episodeId: integer('episode_id')
      .notNull()
      .references(() => episodes.id),
    instrument: text('instrument').notNull(),
    completedOn: text('completed_on').notNull(),
    method: text('method').notNull(),
    responses: text('responses', { mode: 'json' }).$type<Record<string, number | null>>().notNull(),
    /** Derived: score id → value, kept for reports; worked out again when the scoring version changes. */
    scores: text('scores', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    primaryScore: real('primary_score').notNull(),
    prorated: integer('prorated', { mode: 'boolean' }).notNull().default(false),
    scoringVersion: integer('scoring_version').notNull(),
    /** A follow-up 6–12 months after the episode closed (sustained change), not part of support. */
    afterClosure: integer('after_closure', { mode: 'boolean' }).notNull().default(false),
    ...stamps,
  },
  (t) => [
    // Each episode's series per instrument in date order (id breaks same-day ties), with the
    // primary score and whether it came after closure: the monthly return's wellbeing outcomes
    // read the series from this index alone, never the rows with their responses.
    index('assessments_episode_idx').on(t.episodeId, t.instrument, t.completedOn, t.id, t.primaryScore, t.afterClosure),
    // The monthly return: the episodes with an assessment in the period, from the index alone.
    index('assessments_completed_idx').on(t.completedOn, t.episodeId),
  ],
);

/**
 * When each outcome instrument next falls due, kept by triggers (migration 0006) for every open
 * episode that has started: one row per instrument in the catalogue, with the episode's first
 * contact and the latest completed assessment. My day reads the due list and counts from its two
 * partial indexes instead of looking up the latest assessment of every open episode. Never
 * written by the app: the triggers on episodes and assessments are the only writers.
 */
export const assessmentSchedule = sqliteTable(
  'assessment_schedule',
  {
    episodeId: integer('episode_id')
      .notNull()
      .references(() => episodes.id),
    instrument: text('instrument').notNull(),
    /** The episode's first contact: the baseline is due from this day. */
    startedOn: text('started_on').notNull(),
    /** The latest completed assessment of this instrument in the episode; null until the baseline. */
    lastCompletedOn: text('last_completed_on'),
  },
  (t) => [
    primaryKey({ columns: [t.episodeId, t.instrument] }),
    index('assessment_schedule_baseline_idx').on(t.startedOn, t.episodeId, t.instrument).where(sql`last_completed_on IS NULL`),
    index('assessment_schedule_follow_up_idx').on(t.lastCompletedOn, t.episodeId, t.instrument).where(sql`last_completed_on IS NOT NULL`),
  ],
);

/** What the clinic tells us about engagement with care, reviewed over the episode. */
export const engagementReviews = sqliteTable(
  'engagement_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    episodeId: integer('episode_id')
      .notNull()
      .references(() => episodes.id),
    reviewedOn: text('reviewed_on').notNull(),
    viralLoadUndetectable: integer('viral_load_undetectable', { mode: 'boolean' }),
    viralLoadOn: text('viral_load_on'),
    adherence: text('adherence'),
    appointmentsKept: integer('appointments_kept'),
    appointmentsMissed: integer('appointments_missed'),
    reengagedInCare: integer('reengaged_in_care', { mode: 'boolean' }),
    note: text('note'),
    ...stamps,
  },
  (t) => [index('engagement_episode_idx').on(t.episodeId, t.reviewedOn), index('engagement_date_idx').on(t.reviewedOn)],
);

/** Export profiles a coordinator saved or imported (the built-in ones live in code). */
export const exportProfiles = sqliteTable('export_profiles', {
  id: text('id').primaryKey(),
  /** The profile as JSON, validated by core/domain/export/profile on every read. */
  profile: text('profile', { mode: 'json' }).$type<unknown>().notNull(),
  ...stamps,
});

/** Every export: who, when, what, how many rows, and the file's SHA-256. Never names a person. */
export const exportLog = sqliteTable(
  'export_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    exportedAt: text('exported_at').notNull(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    profileId: text('profile_id').notNull(),
    profileName: text('profile_name').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    rows: integer('rows').notNull(),
    identifiable: integer('identifiable', { mode: 'boolean' }).notNull(),
    encrypted: integer('encrypted', { mode: 'boolean' }).notNull(),
    sha256: text('sha256').notNull(),
    /** The file name only: the folder can say who the file was for. */
    fileName: text('file_name').notNull(),
    /**
     * The audit log's head when the file was saved (entry count and last hash): an anchor that a
     * rewritten or cut audit log no longer matches (db/queries/auditAnchors.ts). Null before 0009.
     */
    auditEntries: integer('audit_entries'),
    auditHash: text('audit_hash'),
  },
  (t) => [index('export_log_at_idx').on(t.exportedAt)],
);

/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained, each entry
 * carrying the hash of the one before, so a removed or altered entry shows as a broken link.
 * It holds ids and codes only: never a name, a note or an NHS Number.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    memberId: integer('member_id'),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: integer('entity_id'),
    /** JSON of codes and numbers (profile id, period, rows, file hash). */
    detail: text('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_entity_idx').on(t.entity, t.entityId)],
);

/**
 * Records marked "entered in error": taken out of the live tables (so no figure, list or export
 * can count them, whatever query reads those tables) and kept here whole, with who marked them,
 * when and why. The person's record shows them struck through and their subject access copy
 * includes them, marked. A referral marked in error carries everything recorded in it.
 */
export const enteredInError = sqliteTable(
  'entered_in_error',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    /** The episode the record belonged to (not a foreign key: the episode may be in here too). */
    episodeId: integer('episode_id'),
    /** What kind of record (core/domain/corrections.ts: CORRECTABLE_KINDS). */
    kind: text('kind').notNull(),
    /** The record's own id in its table, as it was. */
    recordId: integer('record_id').notNull(),
    /** The record's own date (contact date, completed on…), for the timeline. */
    recordedOn: text('recorded_on').notNull(),
    /** The row as it was, and for a referral the rows recorded in it: { row, children? }. */
    record: text('record', { mode: 'json' }).$type<{ row: Record<string, unknown>; children?: Record<string, Record<string, unknown>[]> }>().notNull(),
    reason: text('reason').notNull(),
    markedAt: text('marked_at').notNull(),
    markedBy: integer('marked_by')
      .notNull()
      .references(() => members.id),
  },
  (t) => [index('entered_in_error_person_idx').on(t.personId)],
);
