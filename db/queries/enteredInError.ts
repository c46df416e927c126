// Marking a record "entered in error": the row (and for a referral, everything recorded in it)
// leaves the live tables for entered_in_error, kept whole with who marked it, when and why. Every
// figure, list and export reads the live tables only, so none can count it; the person's record
// and their subject access copy read it from here, marked.
import { desc, eq, inArray } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { noteOf, summaryOf, type CorrectableKind, type EnteredInErrorView, type MarkEnteredInErrorInput } from '../../core/domain/corrections';
import { DomainError } from '../../core/domain/result';
import {
  assessments,
  contactAttempts,
  contacts,
  engagementReviews,
  enteredInError,
  episodeClosures,
  episodes,
  goalReviews,
  goals,
  people,
  riskFlags,
  signposting,
} from '../schema';
import type { Orm, Queryable } from '../types';
import { appendAudit } from './audit';
import { keepingStatus } from './corrections';
import { memberNames, type Actor } from './stamps';

type Row = Record<string, unknown>;

/** Each kind's table, the column holding its own date, and its words when it cannot be found. */
const KINDS: Record<Exclude<CorrectableKind, 'referral'>, { table: SQLiteTable; date: string; missing: string }> = {
  attempt: { table: contactAttempts, date: 'attemptedOn', missing: 'That contact attempt no longer exists.' },
  contact: { table: contacts, date: 'contactOn', missing: 'That contact no longer exists.' },
  assessment: { table: assessments, date: 'completedOn', missing: 'That assessment no longer exists.' },
  engagement: { table: engagementReviews, date: 'reviewedOn', missing: 'That engagement review no longer exists.' },
  goal: { table: goals, date: 'setOn', missing: 'That goal no longer exists.' },
  signposting: { table: signposting, date: 'madeOn', missing: 'That signposting no longer exists.' },
  risk: { table: riskFlags, date: 'raisedOn', missing: 'That risk flag no longer exists.' },
};

// Drizzle's tables typed loosely, for the one generic read and delete by id below.
const idOf = (table: SQLiteTable) => (table as unknown as { id: Parameters<typeof eq>[0] }).id;
const episodeIdOf = (table: SQLiteTable) => (table as unknown as { episodeId: Parameters<typeof eq>[0] }).episodeId;

function episodePerson(tx: Queryable, episodeId: number): number {
  const e = tx.select({ personId: episodes.personId }).from(episodes).where(eq(episodes.id, episodeId)).get();
  if (!e) throw new DomainError('NOT_FOUND', 'That episode of support no longer exists.');
  return e.personId;
}

/** The person's newest remaining episode, as the caseload list joins it. */
export function refreshLatestEpisode(tx: Queryable, personId: number): void {
  const latest = tx.select({ id: episodes.id }).from(episodes).where(eq(episodes.personId, personId)).orderBy(desc(episodes.referralReceivedOn), desc(episodes.id)).get();
  tx.update(people).set({ latestEpisodeId: latest?.id ?? null }).where(eq(people.id, personId)).run();
}

/**
 * A referral and everything recorded in it, children first. Risk flags raised in it stay live (a
 * risk once raised is for a worker to resolve, not to vanish with a mistaken referral): they are
 * kept on the person without the episode, and which ones is noted with the kept referral.
 */
function takeReferral(tx: Queryable, episodeId: number): { row: Row; children: Record<string, Row[]> } {
  const row = tx.select().from(episodes).where(eq(episodes.id, episodeId)).get();
  if (!row) throw new DomainError('NOT_FOUND', 'That episode of support no longer exists.');
  const goalIds = tx.select({ id: goals.id }).from(goals).where(eq(goals.episodeId, episodeId)).all().map((g) => g.id);
  const children: Record<string, Row[]> = {
    goalReviews: goalIds.length ? tx.select().from(goalReviews).where(inArray(goalReviews.goalId, goalIds)).all() : [],
  };
  if (goalIds.length) tx.delete(goalReviews).where(inArray(goalReviews.goalId, goalIds)).run();
  const tables = { attempts: contactAttempts, contacts, goals, signposting, assessments, engagementReviews, closures: episodeClosures } as Record<string, SQLiteTable>;
  for (const [name, table] of Object.entries(tables)) {
    children[name] = tx.select().from(table).where(eq(episodeIdOf(table), episodeId)).all() as Row[];
    tx.delete(table).where(eq(episodeIdOf(table), episodeId)).run();
  }
  children.unlinkedRiskFlags = tx.select({ id: riskFlags.id }).from(riskFlags).where(eq(riskFlags.episodeId, episodeId)).all();
  tx.update(riskFlags).set({ episodeId: null }).where(eq(riskFlags.episodeId, episodeId)).run();
  tx.delete(episodes).where(eq(episodes.id, episodeId)).run();
  refreshLatestEpisode(tx, row.personId);
  return { row, children };
}

export function markEnteredInError(orm: Orm, input: MarkEnteredInErrorInput, actor: Actor): number {
  return orm.transaction((tx) => {
    let personId: number;
    let episodeId: number | null;
    let recordedOn: string;
    let record: { row: Row; children?: Record<string, Row[]> };
    if (input.kind === 'referral') {
      const taken = takeReferral(tx, input.id);
      record = taken;
      personId = taken.row.personId as number;
      episodeId = input.id;
      recordedOn = taken.row.referralReceivedOn as string;
    } else {
      const kind = KINDS[input.kind];
      const row = tx.select().from(kind.table).where(eq(idOf(kind.table), input.id)).get() as Row | undefined;
      if (!row) throw new DomainError('NOT_FOUND', kind.missing);
      episodeId = (row.episodeId as number | null) ?? null;
      personId = input.kind === 'risk' ? (row.personId as number) : episodePerson(tx, episodeId!);
      recordedOn = row[kind.date] as string;
      const children: Record<string, Row[]> = {};
      const take = () => {
        if (input.kind === 'goal') {
          children.goalReviews = tx.select().from(goalReviews).where(eq(goalReviews.goalId, input.id)).all();
          tx.delete(goalReviews).where(eq(goalReviews.goalId, input.id)).run();
        }
        tx.delete(kind.table).where(eq(idOf(kind.table), input.id)).run();
      };
      // An attempt or a contact moves the referral's status and contact dates: keep them in step.
      if (input.kind === 'attempt' || input.kind === 'contact') keepingStatus(tx, episodeId!, take);
      else take();
      record = { row, ...(Object.keys(children).length ? { children } : {}) };
    }
    tx.insert(enteredInError)
      .values({ personId, episodeId, kind: input.kind, recordId: input.id, recordedOn, record, reason: input.reason, markedAt: actor.now.toISOString(), markedBy: actor.memberId })
      .run();
    // The reason is free text: it stays with the record, never in the log.
    appendAudit(tx, {
      at: actor.now.toISOString(),
      memberId: actor.memberId,
      action: 'records.markEnteredInError',
      entity: 'person',
      entityId: personId,
      detail: { kind: input.kind, recordId: input.id, episodeId },
    });
    return personId;
  });
}

/** The person's records marked in error, newest record first. */
export function enteredInErrorFor(orm: Queryable, personId: number, name = memberNames(orm)): EnteredInErrorView[] {
  return orm
    .select()
    .from(enteredInError)
    .where(eq(enteredInError.personId, personId))
    .orderBy(desc(enteredInError.recordedOn), desc(enteredInError.id))
    .all()
    .map((r) => ({
      id: r.id,
      kind: r.kind as CorrectableKind,
      recordId: r.recordId,
      episodeId: r.episodeId,
      recordedOn: r.recordedOn,
      summary: summaryOf(r.kind as CorrectableKind, r.record.row),
      note: noteOf(r.kind as CorrectableKind, r.record.row),
      recordsWithIt: Object.entries(r.record.children ?? {})
        .filter(([k]) => k !== 'unlinkedRiskFlags')
        .reduce((n, [, rows]) => n + rows.length, 0),
      reason: r.reason,
      markedAt: r.markedAt,
      markedByName: name(r.markedBy),
    }));
}
