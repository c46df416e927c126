import { randomBytes } from 'node:crypto';
import { desc, eq, like, or, sql } from 'drizzle-orm';
import { newCaseId } from '../../core/domain/caseId';
import type { NewPerson, PersonSummary } from '../../core/domain/person';
import { episodes, people } from '../schema';
import type { Orm } from '../workspace';

const latestReferral = sql<string | null>`(SELECT max(${episodes.referralReceivedOn}) FROM ${episodes} WHERE ${episodes.personId} = ${people.id})`;

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

export function listPeople(orm: Orm, query?: string): PersonSummary[] {
  const q = query?.trim();
  const base = orm.select(summaryColumns).from(people);
  if (!q) return base.orderBy(desc(people.id)).all();
  const digits = q.replace(/[\s-]/g, '');
  const text = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return base
    .where(
      or(
        sql`${people.preferredName} LIKE ${text} ESCAPE '\\'`,
        sql`${people.caseId} LIKE ${text} ESCAPE '\\'`,
        /^\d+$/.test(digits) ? like(people.nhsNumber, `${digits}%`) : undefined,
      ),
    )
    .orderBy(desc(people.id))
    .all();
}
