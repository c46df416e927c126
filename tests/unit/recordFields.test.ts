// Each record's fields are declared once (core/domain/recordFields.ts). These tests hold the
// declarations to the database's tables (the compiler checks each field's stored type against its
// column) and hold the updates to being patches: a field not sent is not filled in by the schema.
import { getTableColumns, type Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../core/api/contract';
import { assessmentFields, engagementFields } from '../../core/domain/assessment';
import { contactFields } from '../../core/domain/contact';
import { attemptFields, closureFields, episodeFields } from '../../core/domain/episode';
import { goalFields, goalReviewFields } from '../../core/domain/goal';
import { eventFields, registrationFields } from '../../core/domain/group';
import { checkPersonDetails, personFields, updatePersonSchema } from '../../core/domain/person';
import { problemsIn, storedKeys, type Fields, type RecordOf } from '../../core/domain/recordFields';
import { riskFields } from '../../core/domain/risk';
import { signpostingFields } from '../../core/domain/signposting';
import * as schema from '../../db/schema';

// --- Declarations against tables, checked by the compiler ------------------------------------------

type Plain<T> = { [K in keyof T]: T[K] };
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/**
 * A declaration agrees with its table when every field it reads as stored (all but `Worked`, which
 * the read model works out: a member's name) is a column of exactly its stored type: a code is
 * text, a nullable field a nullable column.
 */
type Agrees<Row, D extends Fields, Worked extends keyof D = never> = Same<Plain<Pick<Row, Exclude<keyof D, Worked> & keyof Row>>, Plain<Omit<RecordOf<D>, Worked>>>;
type Row<T extends Table> = T['$inferSelect'];

// Each `true` fails to compile when its declaration and table disagree.
const agreed: [
  Agrees<Row<typeof schema.people>, typeof personFields, 'createdByName'>,
  Agrees<Row<typeof schema.episodes>, typeof episodeFields, 'createdByName' | 'open'>,
  Agrees<Row<typeof schema.episodeClosures>, typeof closureFields, 'createdByName' | 'reopenedByName'>,
  Agrees<Row<typeof schema.contactAttempts>, typeof attemptFields, 'createdByName'>,
  Agrees<Row<typeof schema.contacts>, typeof contactFields, 'createdByName'>,
  Agrees<Row<typeof schema.goals>, typeof goalFields, 'createdByName'>,
  Agrees<Row<typeof schema.goalReviews>, typeof goalReviewFields, 'createdByName'>,
  Agrees<Row<typeof schema.signposting>, typeof signpostingFields, 'createdByName'>,
  Agrees<Row<typeof schema.riskFlags>, typeof riskFields, 'raisedByName' | 'resolvedByName'>,
  Agrees<Row<typeof schema.assessments>, typeof assessmentFields, 'createdByName'>,
  Agrees<Row<typeof schema.engagementReviews>, typeof engagementFields, 'createdByName'>,
  Agrees<Row<typeof schema.groupEvents>, typeof eventFields>,
  Agrees<Row<typeof schema.groupParticipants>, typeof registrationFields>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true];

const DECLARED: [string, Table, Fields, string[]][] = [
  ['people', schema.people, personFields, ['createdByName']],
  ['episodes', schema.episodes, episodeFields, ['createdByName', 'open']],
  ['episode_closures', schema.episodeClosures, closureFields, ['createdByName', 'reopenedByName']],
  ['contact_attempts', schema.contactAttempts, attemptFields, ['createdByName']],
  ['contacts', schema.contacts, contactFields, ['createdByName']],
  ['goals', schema.goals, goalFields, ['createdByName']],
  ['goal_reviews', schema.goalReviews, goalReviewFields, ['createdByName']],
  ['signposting', schema.signposting, signpostingFields, ['createdByName']],
  ['risk_flags', schema.riskFlags, riskFields, ['raisedByName', 'resolvedByName']],
  ['assessments', schema.assessments, assessmentFields, ['createdByName']],
  ['engagement_reviews', schema.engagementReviews, engagementFields, ['createdByName']],
  ['group_events', schema.groupEvents, eventFields, []],
  ['group_participants', schema.groupParticipants, registrationFields, []],
];

describe('record declarations', () => {
  it.each(DECLARED)('%s holds every field its declaration reads as stored', (_name, table, fields, worked) => {
    expect(agreed.every(Boolean)).toBe(true);
    const columns = Object.keys(getTableColumns(table));
    const missing = storedKeys(fields, worked).filter((k) => !columns.includes(k));
    expect(missing).toEqual([]);
  });
});

// --- Updates are patches --------------------------------------------------------------------------

const UPDATES = METHOD_NAMES.filter((name) => /\.update/.test(name));

/** The keys an update must have (the record's id), each given 1. */
function keyOnly(name: (typeof UPDATES)[number]): Record<string, number> {
  const shape = (contract[name].input as unknown as { shape: Record<string, { safeParse: (v: unknown) => { success: boolean } }> }).shape;
  return Object.fromEntries(Object.keys(shape).filter((k) => !shape[k].safeParse(undefined).success).map((k) => [k, 1]));
}

describe('updates are patches', () => {
  it('there are updates to check', () => {
    expect(UPDATES).toEqual(expect.arrayContaining(['people.update', 'episodes.updateReferral', 'contacts.update', 'goals.update', 'signposting.update', 'risks.update', 'groups.update']));
  });

  it.each(UPDATES)('%s sent only its key fills in nothing else (no defaults, no nulls)', (name) => {
    const sent = keyOnly(name);
    const parsed = contract[name].input.safeParse(sent);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(sent);
  });

  it('keeps each field sent, and only those', () => {
    const parsed = updatePersonSchema.parse({ id: 4, interpreterNeeded: true, phone: ' 07700 900123 ' });
    expect(parsed).toEqual({ id: 4, interpreterNeeded: true, phone: '07700 900123' });
    // Sent as nothing is a change to nothing: '' and null clear a field, as the form clears one.
    expect(updatePersonSchema.parse({ id: 4, email: '', borough: null })).toEqual({ id: 4, email: null, borough: null });
  });

  it('checks a record’s own rule at once when every field is sent, and on the whole record when only some are', () => {
    const whole = { preferredName: 'Ama', dateOfBirth: '1990-01-01', nhsNumber: null, phone: null, email: null, contactConsent: ['email'], diagnosisMonth: null };
    // The details form sends every field: it hears of the clash before saving.
    const everything = Object.fromEntries(Object.keys(updatePersonSchema.shape).map((k) => [k, null]));
    const fromForm = updatePersonSchema.safeParse({ ...everything, id: 4, ...whole, interpreterNeeded: false, safeToLeaveMessage: false });
    expect(fromForm.success ? 'passed' : fromForm.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['email', 'Add the email address they agreed we may use.']]);
    // A patch of one field cannot see the clash alone: the query checks the stored record with it.
    expect(updatePersonSchema.safeParse({ id: 4, contactConsent: ['email'] }).success).toBe(true);
    expect(problemsIn(whole, checkPersonDetails)).toEqual({ email: 'Add the email address they agreed we may use.' });
    expect(problemsIn({ ...whole, email: 'ama@example.org' }, checkPersonDetails)).toBeNull();
  });
});
