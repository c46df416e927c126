// People: creating with their first referral, editing, finding likely duplicates, the caseload
// list (filtered, sorted, paged) and the whole record.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { newCaseId } from '../../core/domain/caseId';
import { isNewlyDiagnosed } from '../../core/domain/episode';
import { foldedNames, foldName, nameKey, type PersonNames } from '../../core/domain/nameFolding';
import { checkPersonDetails, personFields, type LikelyDuplicate, type NewPerson, type PeopleListQuery, type PeoplePage, type PersonPatch, type PersonSummary } from '../../core/domain/person';
import { editableKeys, pick, sentFields } from '../../core/domain/recordFields';
import { DomainError } from '../../core/domain/result';
import type { Settings } from '../../core/domain/settings';
import { retentionCutoff } from '../../core/domain/retention';
import { episodes, people } from '../schema';
import type { Orm } from '../types';
import { insertEpisode } from './episodes';
import { refuseProblems } from './patches';
import { PAST_RETENTION_SQL } from './retention';
import { created, updated, type Actor } from './stamps';

/** The details a form enters, as their columns (the declaration's keys: core/domain/person.ts). */
const DETAILS = editableKeys(personFields);

/**
 * A new or changed name is stored with the folded form of every name the person goes by (nameKey:
 * preferred, given and family, one to a line), which search, the duplicate check and the sort by
 * name read. `whole`: the person's names after the change.
 */
const NAME_KEYS = ['preferredName', 'givenName', 'familyName'] as const;
export const withFoldedNames = <T extends object>(changes: T, whole: PersonNames) => (NAME_KEYS.some((k) => k in changes) ? { ...changes, nameFolded: nameKey(whole) } : changes);

/**
 * Someone already on the caseload who may be this person: the same NHS Number, or the same date of
 * birth and a name in common: any name either goes by (preferred, given and family, preferred and
 * family), folded, so case, accents, decomposed letters and typographic apostrophes do not count.
 */
export function findDuplicates(
  orm: Orm,
  input: { nhsNumber?: string | null; preferredName: string; givenName?: string | null; familyName?: string | null; dateOfBirth?: string | null; excludeId?: number },
): LikelyDuplicate[] {
  const nhs = input.nhsNumber?.replace(/[\s-]/g, '') || null;
  const dob = input.dateOfBirth || null;
  // Each name as a whole line of name_folded: the stored names are wrapped in line breaks too.
  const names = foldedNames(input).map((n) => `\n${n}\n`);
  // Only the tests that can match, so each is a look-up in its own index (NHS Number, date of
  // birth): with an unused test left in, the planner may read every person instead.
  const tests: string[] = [];
  if (nhs) tests.push('nhs_number = @nhs');
  if (dob && names.length > 0) tests.push(`(date_of_birth = @dob AND (${names.map((_, i) => `instr(char(10) || name_folded || char(10), @name${i}) > 0`).join(' OR ')}))`);
  if (tests.length === 0) return [];
  const rows = orm.$client
    .prepare(
      `SELECT id, case_id AS caseId, preferred_name AS preferredName, date_of_birth AS dateOfBirth,
              CASE WHEN @nhs IS NOT NULL AND nhs_number = @nhs THEN 'nhs_number' ELSE 'name_and_birth' END AS reason
         FROM people
        WHERE (${tests.join(' OR ')}) AND id IS NOT @exclude
        ORDER BY id LIMIT 10`,
    )
    .all({ nhs, dob, exclude: input.excludeId ?? null, ...Object.fromEntries(names.map((n, i) => [`name${i}`, n])) });
  return rows as LikelyDuplicate[];
}

/**
 * findDuplicates' rule for many people at once (an import of a whole caseload): the caseload's NHS
 * Numbers and its (date of birth, folded name) pairs read once into memory, then each person is
 * looked up there. Same NHS Number, or same date of birth and a name in common, as above; a query
 * per row cost more than the rest of a 50,000-row import together.
 */
export function duplicateMatcher(orm: Orm): (input: { nhsNumber?: string | null; preferredName: string; givenName?: string | null; familyName?: string | null; dateOfBirth: string }) => LikelyDuplicate | null {
  const byNhs = new Map<string, Omit<LikelyDuplicate, 'reason'>>();
  const byBirthAndName = new Map<string, Omit<LikelyDuplicate, 'reason'>>();
  const rows = orm.$client
    .prepare('SELECT id, case_id AS caseId, preferred_name AS preferredName, date_of_birth AS dateOfBirth, nhs_number AS nhs, name_folded AS folded FROM people ORDER BY id')
    .all() as (Omit<LikelyDuplicate, 'reason'> & { nhs: string | null; folded: string | null })[];
  for (const { nhs, folded, ...person } of rows) {
    if (nhs && !byNhs.has(nhs)) byNhs.set(nhs, person);
    for (const name of (folded ?? '').split('\n')) {
      const key = `${person.dateOfBirth}|${name}`;
      if (name && !byBirthAndName.has(key)) byBirthAndName.set(key, person);
    }
  }
  return (input) => {
    const nhs = input.nhsNumber?.replace(/[\s-]/g, '') || null;
    const sameNhs = nhs ? byNhs.get(nhs) : undefined;
    if (sameNhs) return { ...sameNhs, reason: 'nhs_number' };
    const sameName = foldedNames(input)
      .map((n) => byBirthAndName.get(`${input.dateOfBirth}|${n}`))
      .filter((p) => p !== undefined)
      .sort((a, b) => a.id - b.id)[0];
    return sameName ? { ...sameName, reason: 'name_and_birth' } : null;
  };
}

export function createPerson(orm: Orm, input: NewPerson, settings: Settings, actor: Actor): number {
  return orm.transaction((tx) => {
    if (!input.allowDuplicate) {
      const dupes = findDuplicates(orm, input);
      if (dupes.length > 0) {
        const ids = dupes.map((d) => d.caseId).join(', ');
        throw new DomainError('CONFLICT', `This may be someone already on the caseload (${ids}). Check their record before adding a new person.`);
      }
    }
    // Case IDs are random: retry the rare collision rather than derive them from anything.
    let caseId = newCaseId(randomBytes);
    while (tx.select({ id: people.id }).from(people).where(eq(people.caseId, caseId)).get()) caseId = newCaseId(randomBytes);
    const { id } = tx
      .insert(people)
      .values({ caseId, ...withFoldedNames(pick(input, DETAILS), input), ...created(actor) })
      .returning({ id: people.id })
      .get();
    insertEpisode(tx, id, input, input.diagnosisMonth, settings, actor);
    return id;
  });
}

/** Writes only the details sent; the rules that tie details together are checked on the whole record. */
export function updatePerson(orm: Orm, id: number, patch: PersonPatch, settings: Settings, actor: Actor): number {
  return orm.transaction((tx) => {
    const row = tx.select().from(people).where(eq(people.id, id)).get();
    if (!row) throw new DomainError('NOT_FOUND', 'That person is no longer on the caseload.');
    const changes = sentFields(patch);
    const whole = { ...pick(row, DETAILS), ...changes };
    refuseProblems(whole, checkPersonDetails);
    const own = tx.select({ id: episodes.id, referralReceivedOn: episodes.referralReceivedOn }).from(episodes).where(eq(episodes.personId, id)).all();
    const earliest = own.map((e) => e.referralReceivedOn).sort()[0];
    if (earliest && whole.dateOfBirth > earliest) {
      throw new DomainError('VALIDATION', 'The date of birth cannot be after a referral.', { dateOfBirth: 'The date of birth cannot be after the person was referred.' });
    }
    tx.update(people)
      .set({ ...withFoldedNames(changes, whole), ...updated(actor) })
      .where(eq(people.id, id))
      .run();
    // "Newly diagnosed" depends on the diagnosis month: keep each episode's fact in step.
    for (const e of own) {
      tx.update(episodes)
        .set({ newlyDiagnosed: isNewlyDiagnosed(whole.diagnosisMonth, e.referralReceivedOn, settings.newlyDiagnosedMonths) })
        .where(eq(episodes.id, e.id))
        .run();
    }
    return id;
  });
}

const SORTS: Record<PeopleListQuery['sort'], string> = {
  recent: 'p.id DESC',
  // Folded, so case and accents do not count ("Ábel" with the As); the order of people_search_idx,
  // so a page is read in order from the index, not sorted from the whole caseload.
  name: 'p.name_folded, p.case_id',
  caseId: 'p.case_id',
  referred: 'e.referral_received_on DESC, p.id DESC',
  // Who has waited longest first: the order a worker clears a waiting list in.
  waitingLongest: 'e.referral_received_on IS NULL, e.referral_received_on, p.id',
  lastContact: 'e.last_contact_on IS NULL, e.last_contact_on DESC, p.id DESC',
};

/** The latest episode of each person: people see their current support first. */
const LATEST_EPISODE = 'LEFT JOIN episodes e ON e.id = p.latest_episode_id';

export function listPeople(orm: Orm, q: PeopleListQuery, today: string, settings: Settings): PeoplePage {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const text = q.query?.trim();
  if (text) {
    params.like = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    // Names match folded on both sides ("zoe", "ĐẶNG" and "dang" find Zoë Nguyễn-Đặng): a
    // substring, as LIKE was; instr needs no escaping and compares exactly, the folding having done the rest.
    const folded = foldName(text);
    const digits = text.replace(/[\s-]/g, '');
    const clauses = ["p.case_id LIKE @like ESCAPE '\\'", "p.hospital_number LIKE @like ESCAPE '\\'"];
    // A query of accents alone folds to nothing, which instr would find in every name.
    if (folded) {
      params.folded = folded;
      clauses.unshift('instr(p.name_folded, @folded) > 0');
    }
    if (/^\d+$/.test(digits)) {
      params.nhs = `${digits}%`;
      clauses.push('p.nhs_number LIKE @nhs');
    }
    where.push(`(${clauses.join(' OR ')})`);
  }
  if (q.status === 'open') where.push('e.id IS NOT NULL AND e.closed_on IS NULL');
  if (q.status === 'closed') where.push('e.closed_on IS NOT NULL');
  if (q.referralStatus) {
    where.push('e.referral_status = @referralStatus');
    params.referralStatus = q.referralStatus;
  }
  if (q.pathway) {
    where.push('e.pathway = @pathway');
    params.pathway = q.pathway;
  }
  if (q.siteId) {
    where.push('p.clinic_site_id = @siteId');
    params.siteId = q.siteId;
  }
  if (q.waiting) where.push(WAITING_SQL);
  if (q.inactive) {
    where.push(INACTIVE_SQL);
    params.inactiveBefore = inactiveCutoff(today, settings.inactiveWeeks);
  }
  if (q.pastRetention) {
    where.push(PAST_RETENTION_SQL);
    params.retentionCutoff = retentionCutoff(today, settings.retentionYears);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = orm.$client
    .prepare(
      `SELECT p.id, p.case_id AS caseId, p.preferred_name AS preferredName, p.nhs_number AS nhsNumber,
              p.hospital_number AS hospitalNumber, p.date_of_birth AS dateOfBirth,
              e.referral_received_on AS referralReceivedOn, e.referral_status AS referralStatus, e.pathway AS pathway,
              (e.id IS NOT NULL AND e.closed_on IS NULL) AS episodeOpen, e.last_contact_on AS lastContactOn,
              s.name AS siteName,
              EXISTS (SELECT 1 FROM risk_flags r WHERE r.person_id = p.id AND r.resolved_on IS NULL) AS openRisk
         FROM people p ${LATEST_EPISODE}
         LEFT JOIN sites s ON s.id = p.clinic_site_id
         ${whereSql}
        ORDER BY ${SORTS[q.sort]}
        LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset }) as (Omit<PersonSummary, 'episodeOpen' | 'openRisk'> & { episodeOpen: number; openRisk: number })[];
  // Without filters on the episode the join is not needed to count.
  const needsEpisode = /\be\./.test(whereSql);
  const total = (
    orm.$client.prepare(`SELECT count(*) AS n FROM people p ${needsEpisode ? LATEST_EPISODE : ''} ${whereSql}`).get(params) as { n: number }
  ).n;
  return { rows: rows.map((r) => ({ ...r, episodeOpen: r.episodeOpen === 1, openRisk: r.openRisk === 1 })), total };
}

/** Open, not yet contacted, and still being tried. */
export const WAITING_SQL = "e.closed_on IS NULL AND e.first_contact_on IS NULL AND e.referral_status IN ('received', 'contact_attempted')";
/** Open, contacted at some point, and no attended contact since the cut-off. */
export const INACTIVE_SQL = 'e.closed_on IS NULL AND e.first_contact_on IS NOT NULL AND coalesce(e.last_contact_on, e.first_contact_on) < @inactiveBefore';

export function inactiveCutoff(today: string, weeks: number): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - weeks * 7);
  return d.toISOString().slice(0, 10);
}
