// Retention: which records are past it (the list, the caseload filter, edge dates), and deleting
// them: every row of theirs and nothing of anyone else's, all or nothing, audited per person.
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import { listPastRetention, PURGE_STATEMENTS } from '../../db/queries/retention';
import { call, must, newWorkspace, referral, snapshot, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const ago = (years: number, days = 0) => dayjs().subtract(years, 'year').subtract(days, 'day').format('YYYY-MM-DD');
const after = (iso: string, days: number) => dayjs(iso).add(days, 'day').format('YYYY-MM-DD');

/** Someone with a row in every table a person's record reaches, referred on `from`. */
async function fullRecord(ctx: AppContext, name: string, from: string, closedOn: string | null, eventId?: number) {
  const p = await must(ctx, 'people.create', { preferredName: name, dateOfBirth: '1970-05-05', ...referral(from) });
  const episodeId = p.episodes[0].id;
  await must(ctx, 'attempts.create', { episodeId, attemptedOn: after(from, 1), method: 'phone', outcome: 'left_message', note: `${name}: message left` });
  await must(ctx, 'contacts.create', { episodeId, contactOn: after(from, 3), mode: 'phone', type: 'one_to_one', attendance: 'attended', topics: [], note: `${name}: first chat` });
  const g = await must(ctx, 'goals.create', { episodeId, description: `${name}: a goal`, area: 'other', setOn: after(from, 3) });
  await must(ctx, 'goals.review', { goalId: g.episodes[0].goals[0].id, reviewedOn: after(from, 10), status: 'achieved' });
  await must(ctx, 'signposting.create', { episodeId, serviceType: 'housing', madeOn: after(from, 4) });
  await must(ctx, 'assessments.record', { episodeId, instrument: 'gad7', completedOn: after(from, 3), method: 'phone', responses: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1 } });
  await must(ctx, 'engagement.record', { episodeId, reviewedOn: after(from, 5), adherence: 'all_doses' });
  await must(ctx, 'risks.raise', { personId: p.id, episodeId, raisedOn: after(from, 6), description: `${name}: worried about housing` });
  if (eventId) await must(ctx, 'groups.setRegistration', { eventId, personId: p.id, registered: true, attended: true });
  // A record marked entered in error is part of theirs too, and goes with it.
  const wrong = await must(ctx, 'signposting.create', { episodeId, serviceType: 'housing', madeOn: after(from, 5), note: `${name}: wrong person` });
  await must(ctx, 'records.markEnteredInError', { kind: 'signposting', id: wrong.episodes[0].signposting.find((s) => s.note === `${name}: wrong person`)!.id, reason: 'Meant for someone else' });
  if (closedOn) await must(ctx, 'episodes.close', { episodeId, closedOn, reason: 'goals_met' });
  return p.id;
}

/** A record made before this app (an import): no episode, created years ago. */
function neverReferred(ctx: AppContext, createdOn: string): number {
  const db = ctx.session!.db;
  const info = db
    .prepare("INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at) VALUES ('PS-0000-0001', 'Old Import', '1960-01-01', @at, @by, @at)")
    .run({ at: `${createdOn}T09:00:00.000Z`, by: ctx.session!.memberId });
  return Number(info.lastInsertRowid);
}

async function caseload(ctx: AppContext) {
  const event = await must(ctx, 'groups.create', { type: 'support_group', title: 'Thursday group', heldOn: ago(8, 200), facilitator: 'Sam Peer' });
  const ids = {
    exactly: await fullRecord(ctx, 'Exactly Eight', ago(8, 60), ago(8)),
    dayOver: await fullRecord(ctx, 'Day Over', ago(8, 60), ago(8, 1), event.id),
    oldButBack: await fullRecord(ctx, 'Old But Back', ago(12, 60), ago(12)),
    laterClosure: await fullRecord(ctx, 'Later Closure', ago(12, 60), ago(12)),
    open: await fullRecord(ctx, 'Still Open', ago(12, 60), null, event.id),
    imported: 0,
  };
  // Back for support now: an open episode keeps the whole record.
  await must(ctx, 'episodes.create', { personId: ids.oldButBack, ...referral(ago(0, 10)) });
  // A second episode that ended three years ago: the latest closure is what counts.
  const second = await must(ctx, 'episodes.create', { personId: ids.laterClosure, ...referral(ago(3, 30)) });
  await must(ctx, 'episodes.close', { episodeId: second.episodes[0].id, closedOn: ago(3), reason: 'moved_away' });
  ids.imported = neverReferred(ctx, ago(9));
  return { ids, eventId: event.id };
}

describe('records past retention', () => {
  it('lists closed records whose latest closure is more than the setting ago, and the caseload filters to the same', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const { ids } = await caseload(ctx);
    const list = await must(ctx, 'retention.list', {});
    expect(list.years).toBe(8);
    expect(list.backupKeep).toBe(14);
    expect(list.people.map((p) => p.id).sort()).toEqual([ids.dayOver, ids.imported].sort());
    expect(list.people.find((p) => p.id === ids.dayOver)).toMatchObject({ endedOn: ago(8, 1), basis: 'closed', yearsSince: 8 });
    expect(list.people.find((p) => p.id === ids.imported)).toMatchObject({ endedOn: ago(9), basis: 'created', yearsSince: 9 });
    const filtered = await must(ctx, 'people.list', { pastRetention: true });
    expect(filtered.rows.map((r) => r.id).sort()).toEqual(list.people.map((p) => p.id).sort());
    expect(filtered.total).toBe(2);
    // A longer period: nobody here is past ten years.
    await must(ctx, 'settings.update', { retentionYears: 10 });
    expect((await must(ctx, 'retention.list', {})).people).toEqual([]);
    expect((await must(ctx, 'people.list', { pastRetention: true })).total).toBe(0);
    // Or a shorter one: everyone closed, not just the old ones.
    await must(ctx, 'settings.update', { retentionYears: 1 });
    expect((await must(ctx, 'retention.list', {})).people.map((p) => p.id).sort()).toEqual([ids.exactly, ids.dayOver, ids.laterClosure, ids.imported].sort());
    close();
  });

  it('care ending on 29 February is past one year\u2019s retention from 2 March the next year, not before', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const id = await fullRecord(ctx, 'Leap Day', '2024-01-10', '2024-02-29');
    const orm = ctx.session!.orm;
    expect(listPastRetention(orm, '2025-03-01', 1)).toEqual([]);
    expect(listPastRetention(orm, '2025-03-02', 1).map((p) => p.id)).toEqual([id]);
    expect(listPastRetention(orm, '2032-02-29', 8)).toEqual([]);
    expect(listPastRetention(orm, '2032-03-01', 8).map((p) => p.id)).toEqual([id]);
    close();
  });
});

describe('deleting records past retention', () => {
  it('removes every row of those people and nothing of anyone else, in one go, with one audit entry each', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const { ids, eventId } = await caseload(ctx);
    const gone = [ids.dayOver, ids.imported];
    const before = snapshot(ctx);

    // What belongs to them, worked out from the rows themselves.
    const rows = (t: string) => before[t] as Record<string, number>[];
    const episodeIds = new Set(rows('episodes').filter((e) => gone.includes(e.person_id)).map((e) => e.id));
    const goalIds = new Set(rows('goals').filter((g) => episodeIds.has(g.episode_id)).map((g) => g.id));
    const theirs = (t: string, r: Record<string, number>) =>
      (t === 'people' && gone.includes(r.id)) ||
      (t === 'goal_reviews' && goalIds.has(r.goal_id)) ||
      ('person_id' in r && gone.includes(r.person_id)) ||
      ('episode_id' in r && t !== 'audit_log' && episodeIds.has(r.episode_id));
    // The test means something only if they had rows in every table a deletion touches (but the
    // assessment schedule, which holds open episodes only: a record past retention has none).
    for (const { table } of PURGE_STATEMENTS.filter((p) => p.table !== 'assessment_schedule')) expect(rows(table).some((r) => theirs(table, r)), table).toBe(true);

    expect(await must(ctx, 'retention.purge', { ids: gone })).toEqual({ purged: 2 });

    const afterPurge = snapshot(ctx);
    for (const table of Object.keys(before).filter((t) => t !== 'audit_log')) {
      expect(afterPurge[table], table).toEqual(rows(table).filter((r) => !theirs(table, r)));
    }
    // The audit log only grew: one entry per person, their id and nothing else.
    const audit = afterPurge.audit_log as Record<string, unknown>[];
    expect(audit.slice(0, before.audit_log.length)).toEqual(before.audit_log);
    expect(audit.slice(before.audit_log.length).map((e) => [e.action, e.entity, e.entity_id, e.detail])).toEqual(gone.map((id) => ['person.purged', 'person', id, null]));
    expect(await must(ctx, 'audit.verify', {})).toMatchObject({ ok: true });

    const missing = await call(ctx, 'people.get', { id: ids.dayOver });
    expect(missing.ok ? 'found' : missing.error.code).toBe('NOT_FOUND');
    // The group stays, with the person who is still on the caseload.
    expect((await must(ctx, 'groups.get', { id: eventId })).participants.map((p) => p.personId)).toEqual([ids.open]);
    expect((await must(ctx, 'retention.list', {})).people).toEqual([]);
    close();
  });

  it('refuses the whole request when any record is not past retention (or not there), and changes nothing', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const { ids } = await caseload(ctx);
    const before = snapshot(ctx);
    for (const request of [[ids.dayOver, ids.exactly], [ids.open], [ids.oldButBack], [ids.laterClosure], [ids.dayOver, 99999]]) {
      const refused = await call(ctx, 'retention.purge', { ids: request });
      expect(refused.ok ? 'deleted' : refused.error.code, String(request)).toBe('CONFLICT');
      expect(refused.ok ? '' : refused.error.message).toMatch(/no longer past retention.*Nothing was deleted/);
      expect(snapshot(ctx)).toEqual(before);
    }
    // A new referral since the list was shown takes the record off it.
    await must(ctx, 'episodes.create', { personId: ids.dayOver, ...referral(ago(0, 1)) });
    const afterReferral = snapshot(ctx);
    const late = await call(ctx, 'retention.purge', { ids: [ids.dayOver] });
    expect(late.ok ? 'deleted' : late.error.code).toBe('CONFLICT');
    expect(snapshot(ctx)).toEqual(afterReferral);
    const empty = await call(ctx, 'retention.purge', { ids: [] });
    expect(empty.ok ? 'deleted' : empty.error.fields).toEqual({ ids: 'Choose the records to delete.' });
    close();
  });

  it('knows every table that refers to a person: the schema\u2019s foreign keys all lead to a deletion step', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const db = ctx.session!.db;
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    // Tables holding a person's rows: people, and whatever refers to one of those, transitively.
    const holding = new Set(['people']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of tables) {
        const refs = db.prepare(`SELECT "table" AS parent FROM pragma_foreign_key_list('${t}')`).all() as { parent: string }[];
        if (!holding.has(t) && refs.some((r) => holding.has(r.parent))) {
          holding.add(t);
          grew = true;
        }
      }
    }
    expect([...holding].sort()).toEqual(PURGE_STATEMENTS.map((s) => s.table).sort());
    close();
  });
});
