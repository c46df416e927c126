import { randomBytes } from 'node:crypto';
import { count, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { newCaseId } from '../../core/domain/caseId';
import type { NewPerson, PeoplePage, PersonSummary } from '../../core/domain/person';
import { episodes, people } from '../schema';
import type { Orm } from '../workspace';

// Written out with table names: drizzle leaves columns unqualified in a single-table select,
// and an unqualified `id` inside this subquery would mean episodes.id.
const latestReferral = sql<string | null>`(SELECT max(e.referral_received_on) FROM episodes e WHERE e.person_id = "people"."id")`;

const summaryColumns = {
  id: people.id,
  caseId: people.caseId,
  preferredName: people.preferredName,
  nhsNumber: people.nhsNumber,
  dateOfBirth: people.dateOfBirth,
  referralReceivedOn: latestReferral,
};

export function createPerson(orm: Orm, input: NewPerson, memberId: number, now: Date = new Date()): PersonSummary {
  const at = now.toISOString();
  return orm.transaction((tx) => {
    // Case IDs are random: retry the rare collision rather than derive them from anything.
    let caseId = newCaseId(randomBytes);
    while (tx.select({ id: people.id }).from(people).where(eq(people.caseId, caseId)).get()) caseId = newCaseId(randomBytes);
    const { id } = tx
      .insert(people)
      .values({
        caseId,
        preferredName: input.preferredName,
        nhsNumber: input.nhsNumber,
        dateOfBirth: input.dateOfBirth,
        createdAt: at,
        createdBy: memberId,
        updatedAt: at,
      })
      .returning({ id: people.id })
      .get();
    tx.insert(episodes).values({ personId: id, referralReceivedOn: input.referralReceivedOn, createdAt: at, createdBy: memberId }).run();
    return tx.select(summaryColumns).from(people).where(eq(people.id, id)).get()!;
  });
}

/** Matches a case ID or name anywhere, and an NHS Number from its start, spaces ignored. */
function searchCondition(query: string | undefined): SQL | undefined {
  const q = query?.trim();
  if (!q) return undefined;
  const digits = q.replace(/[\s-]/g, '');
  const text = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return or(
    sql`${people.preferredName} LIKE ${text} ESCAPE '\\'`,
    sql`${people.caseId} LIKE ${text} ESCAPE '\\'`,
    /^\d+$/.test(digits) ? like(people.nhsNumber, `${digits}%`) : undefined,
  );
}

export function listPeople(orm: Orm, input: { query?: string; offset: number; limit: number }): PeoplePage {
  const where = searchCondition(input.query);
  const rows = orm.select(summaryColumns).from(people).where(where).orderBy(desc(people.id)).limit(input.limit).offset(input.offset).all();
  const total = orm.select({ n: count() }).from(people).where(where).get()?.n ?? 0;
  return { rows, total };
}
