// Every column of every table that holds a person's data reaches their subject access copy,
// unless core/api/subjectAccess/columns.ts lists it with its reason. The tables and their columns
// are read from the schema (db/schema.ts) as the test runs, so a new column, or a new table of a
// person's records, is checked without this file changing. For each column, the stored values are
// changed (to another row's value, another member or episode, or a nudged value) and the person's
// CSV copy, made through the API from a real encrypted file, must change too.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import { NOT_IN_COPY, personTables, whyNotInCopy } from '../../core/api/subjectAccess/columns';
import * as schema from '../../db/schema';
import { daysAgo, must, referral, teamWorkspace, tempDir } from '../support/workspace';

let ctx: AppContext;
let close: () => void;
let cleanup: () => void;
let personId: number;

/**
 * Two people with something different in every column of every kind of record, so each column
 * has another value to take. `n` picks one of two of each code, date and text.
 */
async function fullRecord(n: 0 | 1, siteId: number, eventId: number): Promise<number> {
  const pickOf = <T>(a: T, b: T) => (n === 0 ? a : b);
  const p = await must(ctx, 'people.create', {
    preferredName: pickOf('Ama Mensah', 'Bea Novak'),
    nhsNumber: pickOf('943 476 5919', '401 023 2137'),
    hospitalNumber: pickOf('00123456', 'H-778'),
    dateOfBirth: pickOf('1985-04-12', '1971-11-30'),
    genderIdentity: pickOf('2', '3'),
    sexualOrientation: pickOf('1', '3'),
    ethnicCategory: pickOf('N', 'C'),
    borough: pickOf('E09000022', 'E09000012'),
    firstLanguage: pickOf('Twi', 'Czech'),
    interpreterNeeded: n === 0,
    phone: pickOf('07700 900123', '07700 900456'),
    email: pickOf('ama@example.org', 'bea@example.org'),
    contactConsent: pickOf(['phone', 'email'], ['sms']),
    safeToLeaveMessage: n === 1,
    diagnosisMonth: pickOf(daysAgo(500).slice(0, 7), daysAgo(3000).slice(0, 7)),
    clinicSiteId: n === 0 ? siteId : null,
    ...referral(daysAgo(pickOf(400, 380))),
    referralSource: pickOf('opt_out_clinic', 'gp'),
    pathway: pickOf('opt_out_new_diagnosis', 'opt_out_reengagement'),
    referrerOrganisation: pickOf('Riverside GUM', 'Hillside GP'),
    referralReasons: pickOf('Newly diagnosed', 'Lost to follow-up'),
  });
  const first = p.episodes[0].id;
  await must(ctx, 'attempts.create', { episodeId: first, attemptedOn: daysAgo(pickOf(399, 379)), method: pickOf('phone', 'sms'), outcome: pickOf('no_answer', 'left_message'), note: pickOf('No voicemail', 'Texted') });
  await must(ctx, 'attempts.create', { episodeId: first, attemptedOn: daysAgo(pickOf(398, 378)), method: 'phone', outcome: 'spoke_engaged', note: null });
  await must(ctx, 'contacts.create', {
    episodeId: first,
    contactOn: daysAgo(pickOf(390, 370)),
    startTime: pickOf('10:30', '14:00'),
    minutes: pickOf(45, 30),
    mode: pickOf('in_clinic', 'phone'),
    type: pickOf('one_to_one', 'accompaniment'),
    attendance: pickOf('attended', 'dna'),
    topics: pickOf(['stigma', 'isolation'], ['housing']),
    note: pickOf('First meeting', 'Did not come'),
  });
  const goal = await must(ctx, 'goals.create', { episodeId: first, description: pickOf('Tell my sister', 'Find a flat'), area: pickOf('telling_others', 'practical'), setOn: daysAgo(pickOf(389, 369)), reviewBy: daysAgo(pickOf(300, 290)) });
  await must(ctx, 'goals.review', { goalId: goal.episodes[0].goals[0].id, reviewedOn: daysAgo(pickOf(370, 350)), status: pickOf('achieved', 'open'), note: pickOf('Told her', 'Still looking') });
  await must(ctx, 'signposting.create', { episodeId: first, serviceType: pickOf('benefits_advice', 'housing'), madeOn: daysAgo(pickOf(385, 365)), organisation: pickOf('Citizens Advice', 'Shelter'), outcome: pickOf('accessed', 'pending'), note: pickOf('PIP form', 'Form sent') });
  await must(ctx, 'assessments.record', {
    episodeId: first,
    instrument: pickOf('phq9', 'gad7'),
    completedOn: daysAgo(pickOf(388, 368)),
    method: pickOf('self_completed', 'phone'),
    responses: n === 0 ? { q1: 2, q2: 2, q3: 1, q4: 1, q5: 0, q6: 1, q7: 1, q8: null, q9: 0 } : { q1: 1, q2: 0, q3: 1, q4: 2, q5: 0, q6: 1, q7: 0 },
  });
  await must(ctx, 'engagement.record', {
    episodeId: first,
    reviewedOn: daysAgo(pickOf(375, 355)),
    viralLoadUndetectable: n === 0,
    viralLoadOn: daysAgo(pickOf(380, 360)),
    adherence: pickOf('all_doses', 'missed_few'),
    appointmentsKept: pickOf(3, 1),
    appointmentsMissed: pickOf(1, 2),
    reengagedInCare: n === 1,
    note: pickOf('Doing well', 'Struggling'),
  });
  await must(ctx, 'episodes.close', { episodeId: first, closedOn: daysAgo(pickOf(360, 340)), reason: pickOf('goals_met', 'no_contact'), summary: pickOf('Settled', 'Moved away') });
  await must(ctx, 'episodes.reopen', { episodeId: first, reason: pickOf('Asked for more support', 'Came back') });
  await must(ctx, 'episodes.close', { episodeId: first, closedOn: daysAgo(pickOf(300, 280)), reason: 'person_ended', summary: null });
  const again = await must(ctx, 'episodes.create', { personId: p.id, ...referral(daysAgo(pickOf(50, 45))) });
  const raised = await must(ctx, 'risks.raise', {
    personId: p.id,
    episodeId: again.episodes[0].id,
    raisedOn: daysAgo(pickOf(40, 35)),
    description: pickOf('Low mood', 'Not eating'),
    actionTaken: pickOf('Told the duty doctor', 'Called the GP'),
    escalated: n === 0,
    escalatedOn: n === 0 ? daysAgo(40) : null,
  });
  await must(ctx, 'risks.resolve', { id: raised.riskFlags[0].id, resolvedOn: daysAgo(pickOf(20, 15)), note: pickOf('Feeling better', 'Eating again') });
  await must(ctx, 'groups.setRegistration', { eventId, personId: p.id, registered: true, attended: n === 0 });
  // A record marked entered in error: kept, and in the copy, marked.
  const wrong = await must(ctx, 'signposting.create', { episodeId: again.episodes[0].id, serviceType: pickOf('housing', 'benefits_advice'), madeOn: daysAgo(pickOf(30, 25)), note: pickOf('Meant for someone else', 'Typed twice') });
  const wrongId = wrong.episodes[0].signposting.find((s) => s.madeOn === daysAgo(pickOf(30, 25)))!.id;
  await must(ctx, 'records.markEnteredInError', { kind: 'signposting', id: wrongId, reason: pickOf('Wrong person', 'Recorded twice') });
  return p.id;
}

/** The person's CSV copy, less "About this copy" (it says when the copy was made). */
async function copyOf(id: number): Promise<string[][]> {
  const made = await must(ctx, 'people.subjectAccess', { id, format: 'csv' });
  const rows = parse(readFileSync(made.location), { bom: true, record_delimiter: '\r\n' }) as string[][];
  return rows.filter((r) => r[0] !== 'About this copy');
}

beforeAll(async () => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  ({ ctx, close } = await teamWorkspace(dir));
  const sites = await must(ctx, 'sites.save', { name: 'Riverside', odsCode: 'RQM01' });
  await must(ctx, 'sites.save', { name: 'Hillside', odsCode: 'RAP01' });
  const events = [
    await must(ctx, 'groups.create', { type: 'support_group', title: 'Living well', heldOn: daysAgo(30), facilitator: 'Sam Peer' }),
    await must(ctx, 'groups.create', { type: 'recently_diagnosed_workshop', title: 'Spring workshop', heldOn: daysAgo(25), facilitator: 'Ade Worker' }),
  ];
  personId = await fullRecord(0, sites[0].id, events[0].id);
  await fullRecord(1, sites[0].id, events[1].id);
});
afterAll(() => {
  close();
  cleanup();
});

type Value = string | number | bigint | Buffer | null;

/** Another value for a column that differs from `current`, in the order worth trying. */
function otherValues(table: SQLiteTable, column: SQLiteColumn, current: Value, columnValues: Value[]): Value[] {
  const db = ctx.session!.db;
  const fk = getTableConfig(table).foreignKeys.find((f) => f.reference().columns.includes(column));
  if (fk) {
    // Another row it could refer to: another member, episode, site…
    const target = fk.reference();
    const ids = db.prepare(`SELECT "${target.foreignColumns[0].name}" AS v FROM "${getTableName(target.foreignTable)}" ORDER BY 1`).all() as { v: Value }[];
    return ids.map((r) => r.v).filter((v) => v !== current);
  }
  const others = column.isUnique ? [] : [...new Set(columnValues)].filter((v) => JSON.stringify(v) !== JSON.stringify(current));
  return [...others, ...nudged(column, current)];
}

/** The value changed a little, by its kind: a date a day on, a number one up, a flag flipped, text added to. */
function nudged(column: SQLiteColumn, current: Value): Value[] {
  if (column.columnType === 'SQLiteBoolean') return [current === 1 ? 0 : 1];
  if (column.columnType === 'SQLiteInteger' || column.columnType === 'SQLiteReal') return [Number(current ?? 0) + 1];
  if (column.columnType === 'SQLiteText') {
    if (typeof current === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(current)) {
      const d = new Date(`${current}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1);
      return [d.toISOString().slice(0, 10)];
    }
    return [`${current ?? ''}x`];
  }
  return [];
}

/** Every (table, column) of a person's tables that the copy must show. */
const shown = personTables().flatMap((table) =>
  Object.entries(getTableColumns(table))
    .filter(([key]) => !whyNotInCopy(table, key))
    .map(([, c]) => [`${getTableName(table)}.${c.name}`, table, c as SQLiteColumn] as const),
);

describe('the subject access copy holds every column of a person’s records', () => {
  it('finds the tables of a person’s records from the schema, and each column left out is one of theirs, with its reason', () => {
    expect(personTables().map(getTableName)).toEqual(
      expect.arrayContaining(['assessments', 'contact_attempts', 'contacts', 'engagement_reviews', 'episode_closures', 'episodes', 'goal_reviews', 'goals', 'group_participants', 'people', 'risk_flags', 'signposting']),
    );
    for (const [name, listed] of Object.entries(NOT_IN_COPY)) {
      const table = schema[name as keyof typeof schema];
      expect(personTables(), name).toContain(table);
      for (const [column, reason] of Object.entries(listed)) {
        expect(Object.keys(getTableColumns(table)), `${name}.${column}`).toContain(column);
        expect(reason.length, `${name}.${column}`).toBeGreaterThan(30);
      }
    }
  });

  it.each(shown)('%s reaches the copy', async (name, table, column) => {
    const db = ctx.session!.db;
    const tableName = getTableName(table);
    const rows = db.prepare(`SELECT rowid AS rid, "${column.name}" AS v FROM "${tableName}"`).all() as { rid: number; v: Value }[];
    expect(rows.length, `${name}: the test's records have no ${tableName}`).toBeGreaterThan(0);
    const before = await copyOf(personId);
    const update = db.prepare(`UPDATE "${tableName}" SET "${column.name}" = ? WHERE rowid = ?`);
    const changed: { rid: number; v: Value }[] = [];
    try {
      for (const r of rows) {
        for (const other of otherValues(table, column, r.v, rows.map((x) => x.v))) {
          try {
            update.run(other, r.rid);
            changed.push(r);
            break;
          } catch {
            // A value the table refuses here (a clash, a missing reference): try the next.
          }
        }
      }
      expect(changed.length, `${name}: no other value could be stored`).toBeGreaterThan(0);
      const after = await copyOf(personId);
      expect(after, `${name} changed, and the copy did not: show it (its declaration in core/domain) or list it, with its reason, in core/api/subjectAccess/columns.ts`).not.toEqual(before);
    } finally {
      for (const r of changed.reverse()) update.run(r.v, r.rid);
    }
  });
});
