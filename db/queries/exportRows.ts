// Rows for the row-level exports, a chunk at a time in referral (episode id) order. Each chunk is a
// few set-based reads: the episodes with their person, then one grouped or ordered read per
// related table for just those episodes, merged in key order. No statement runs per row, rows are
// arrays (`.raw()`) named by `fields`, only the columns the profile asks for are read, and only a
// chunk is held at once, so memory stays flat whatever the number of rows.
//
// Where each column's value comes from is declared once per dataset, keyed by the catalogue's
// column ids (`sourcesOf`): read with the episode (its SQL), or worked out after the read by one
// of the dataset's fillers. The compiler refuses a catalogue column without a source, a source
// for no column, and a filler named but not written.
import type { Database } from 'better-sqlite3';
import { ageBand } from '../../core/domain/age';
import { REPORTED_SCORES, type ColumnId, type Dataset, type NamedColumnId, type ScoreColumnId, type ScoreMeasure } from '../../core/domain/export/catalogue';
import type { CellValue } from '../../core/domain/export/format';
import type { Period } from '../../core/domain/export/periods';
import { INSTRUMENTS } from '../../core/domain/instruments/definitions';
import { compareScores } from '../../core/domain/instruments/outcome';
import type { InstrumentId } from '../../core/domain/instruments/types';
import { workingDaysBetween } from '../../core/domain/workingDays';

/** One row's values, in the order of its source's `fields` (catalogue column ids). */
export type Row = CellValue[];

export interface RowSource {
  fields: readonly string[];
  total: number;
  chunks(): Generator<Row[]>;
}

export const CHUNK = 2_000;

/** A value read with the episode and its person: its SQL expression, and a join it needs. */
interface Read {
  sql: string;
  join?: string;
}
/** A value worked out once a chunk is read, by the dataset's filler `by`, from the read values it `needs`. */
interface Worked<F extends string = string, N extends string = string> {
  by: F;
  needs: readonly N[];
}
type Source = Read | Worked;

const read = (sql: string, join?: string): Read => (join ? { sql, join } : { sql });
const worked = <F extends string, N extends string = never>(by: F, needs: readonly N[] = []): Worked<F, N> => ({ by, needs });
const isRead = (s: Source): s is Read => 'sql' in s;

/**
 * A dataset's named columns with their sources: exactly the catalogue's (NamedColumnId), so a
 * column the catalogue offers with no source here, or a source here for a column the catalogue
 * lacks, does not compile; what a worked value needs must be a column too.
 */
export const sourcesOf =
  <D extends Dataset>() =>
  <S extends Record<NamedColumnId<D>, Read | Worked<string, NamedColumnId<D>>>>(sources: S & Record<Exclude<keyof S, NamedColumnId<D>>, never>): S =>
    sources;

/** The fillers a set of sources names. */
type FillerOf<S> = { [K in keyof S]: S[K] extends Worked<infer F> ? F : never }[keyof S];
/** Fills its columns in a chunk's rows, in place. */
type Filler = (rows: Row[]) => void;
/** A row's position of a column (of the values that are read, only those the profile needs). */
type Slot<D extends Dataset> = (id: ColumnId<D>) => number;

/** The person's columns, the same in every dataset; the age band is their age when referred. */
const PERSON = {
  case_id: read('p.case_id'),
  preferred_name: read('p.preferred_name'),
  nhs_number: read('p.nhs_number'),
  hospital_number: read('p.hospital_number'),
  date_of_birth: read('p.date_of_birth'),
  age_band: worked('ageBand', ['date_of_birth', 'referral_received_on']),
  gender_identity: read('p.gender_identity'),
  sexual_orientation: read('p.sexual_orientation'),
  ethnic_category: read('p.ethnic_category'),
  borough: read('p.borough'),
  site_ods: read('s.ods_code', 'LEFT JOIN sites s ON s.id = p.clinic_site_id'),
};

/** The episode's own columns. Its id is read first in every row: the chunk key. */
const EPISODE = {
  referral_id: read('e.id'),
  referral_received_on: read('e.referral_received_on'),
  referral_source: read('e.referral_source'),
  pathway: read('e.pathway'),
  newly_diagnosed: read('e.newly_diagnosed'),
  re_engaging: read('e.re_engaging'),
  referral_status: read('e.referral_status'),
  first_contact_on: read('e.first_contact_on'),
  closed_on: read('e.closed_on'),
};
const ID = 0;

export const REFERRAL_SOURCES = sourcesOf<'referrals'>()({
  ...PERSON,
  ...EPISODE,
  working_days_to_first_contact: worked('daysToFirstContact', ['referral_received_on', 'first_contact_on']),
  contacts_attended: worked('contacts'),
  contacts_missed: worked('contacts'),
  closure_reason: worked('closures'),
});

export const OUTCOME_SOURCES = sourcesOf<'outcomes'>()({
  ...PERSON,
  referral_id: EPISODE.referral_id,
  referral_received_on: EPISODE.referral_received_on,
  pathway: EPISODE.pathway,
  newly_diagnosed: EPISODE.newly_diagnosed,
  closed_on: EPISODE.closed_on,
  viral_load_first: worked('reviews'),
  viral_load_latest: worked('reviews'),
  appointments_missed_first: worked('reviews'),
  appointments_missed_latest: worked('reviews'),
  reengaged_in_care: worked('reviews'),
  goals_set: worked('goals'),
  goals_achieved: worked('goals'),
});

/** Every reported score's columns, from the list the catalogue makes them from. */
const SCORE_SOURCES: Record<ScoreColumnId, Worked<'scores'>> = Object.fromEntries(
  REPORTED_SCORES.flatMap((s) => Object.values(s.columns).map((id) => [id, worked('scores')])),
);

/** Every column each dataset has a source for, in row-source order (a test holds them against the catalogue). */
export const SOURCED_COLUMNS: Record<Dataset, string[]> = {
  referrals: Object.keys(REFERRAL_SOURCES),
  outcomes: Object.keys({ ...OUTCOME_SOURCES, ...SCORE_SOURCES }),
};

/** What one export reads and works out, in row order: the read values first (the id leading), then every worked one. */
function layout(sources: Record<string, Source>, wanted: ReadonlySet<string> | null) {
  const want = (id: string) => !wanted || wanted.has(id);
  const ids = Object.keys(sources);
  const workedIds = ids.filter((id) => !isRead(sources[id]));
  const wantedWorked = workedIds.filter(want).map((id) => sources[id] as Worked);
  const needed = new Set(wantedWorked.flatMap((w) => w.needs));
  const readIds = ['referral_id', ...ids.filter((id) => id !== 'referral_id' && isRead(sources[id]) && (want(id) || needed.has(id)))];
  const fields = [...readIds, ...workedIds];
  const index = new Map(fields.map((f, i) => [f, i]));
  return {
    fields,
    reads: readIds.map((id) => sources[id] as Read),
    workedCount: workedIds.length,
    fillersToRun: new Set(wantedWorked.map((w) => w.by)),
    slot: (id: string) => index.get(id)!,
  };
}

/**
 * The rows of one dataset: its episodes (`where`), the values read with them, then its fillers
 * run on each chunk, those a wanted column needs only. `fillers` gets each column's position.
 */
function rowSource<D extends Dataset, F extends string>(
  db: Database,
  sources: Record<string, Source>,
  wanted: ReadonlySet<string> | null,
  fillers: (slot: Slot<D>) => Record<F, Filler>,
  episodes: { where: string; params: unknown[]; total: number },
): RowSource {
  const { fields, reads, workedCount, fillersToRun, slot } = layout(sources, wanted);
  const fill = Object.entries<Filler>(fillers(slot)).filter(([name]) => fillersToRun.has(name)).map(([, f]) => f);
  const finish = (rows: Row[]) => fill.forEach((f) => f(rows));
  return { fields, total: episodes.total, chunks: () => episodeChunks(db, reads, workedCount, episodes.where, episodes.params, finish) };
}

/** `worked` values are filled in after the read: read as NULLs, so each row array comes at its full length. */
function* episodeChunks(db: Database, reads: Read[], worked: number, where: string, params: unknown[], finish: (rows: Row[]) => void): Generator<Row[]> {
  const joins = [...new Set(reads.flatMap((r) => (r.join ? [` ${r.join}`] : [])))].join('');
  const columns = [...reads.map((r) => r.sql), ...Array<string>(worked).fill('NULL')];
  const query = db.prepare(`SELECT ${columns.join(', ')} FROM episodes e JOIN people p ON p.id = e.person_id${joins} WHERE ${where} AND e.id > ? ORDER BY e.id LIMIT ${CHUNK}`).raw();
  let after = 0;
  for (;;) {
    const rows = query.all(...params, after) as Row[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1][ID] as number;
    finish(rows);
    yield rows;
  }
}

/**
 * A read of one related table for a chunk's episodes, ordered by episode id (its first value).
 * `sql` gets the filter on episode_id. A chunk whose ids run nearly consecutively (an export of
 * everything) is read as one index range; a sparse one (a month) by its own ids.
 */
function relatedReader(db: Database, sql: (episodeFilter: string) => string) {
  const byRange = db.prepare(sql('episode_id BETWEEN @first AND @last')).raw();
  const byIds = db.prepare(sql('episode_id IN (SELECT value FROM json_each(@ids))')).raw();
  return (rows: Row[], params: Record<string, unknown> = {}): unknown[][] => {
    const first = rows[0][ID] as number;
    const last = rows[rows.length - 1][ID] as number;
    if (last - first < rows.length * 2) return byRange.all({ ...params, first, last }) as unknown[][];
    return byIds.all({ ...params, ids: JSON.stringify(rows.map((r) => r[ID])) }) as unknown[][];
  };
}

/**
 * Walks `related` (ordered by episode id in its first value) alongside the chunk's rows (ordered
 * the same way), calling `take` with each row and the range of related rows for its episode.
 */
function mergeByEpisode(rows: Row[], related: unknown[][], take: (row: Row, from: number, to: number) => void): void {
  let i = 0;
  for (const row of rows) {
    const id = row[ID] as number;
    while (i < related.length && (related[i][0] as number) < id) i++;
    const from = i;
    while (i < related.length && related[i][0] === id) i++;
    take(row, from, i);
  }
}

/** The age band on the referral date, in either dataset. */
function ageBandFiller<D extends Dataset>(slot: Slot<D>): Filler {
  const [DOB, RECEIVED, AGE_BAND] = [slot('date_of_birth'), slot('referral_received_on'), slot('age_band')];
  return (rows) => {
    for (const row of rows) row[AGE_BAND] = ageBand(row[DOB] as string, row[RECEIVED] as string);
  };
}

/** Referrals received in the period, one row each, in referral order. `wanted`: the columns to fill (null: all). */
export function referralRows(db: Database, period: Period, wanted: ReadonlySet<string> | null = null): RowSource {
  const total = db.prepare('SELECT count(*) FROM episodes WHERE referral_received_on BETWEEN ? AND ?').pluck().get(period.start, period.end) as number;
  const fillers = (slot: Slot<'referrals'>): Record<FillerOf<typeof REFERRAL_SOURCES>, Filler> => {
    const [RECEIVED, FIRST_CONTACT, DAYS_TO_FIRST] = [slot('referral_received_on'), slot('first_contact_on'), slot('working_days_to_first_contact')];
    const [ATTENDED, MISSED, REASON] = [slot('contacts_attended'), slot('contacts_missed'), slot('closure_reason')];
    const contacts = relatedReader(db, (f) => `SELECT episode_id, coalesce(sum(attendance = 'attended'), 0), coalesce(sum(attendance = 'dna'), 0) FROM contacts WHERE ${f} GROUP BY episode_id ORDER BY episode_id`);
    // The latest closure not undone by a reopening (SQLite takes `reason` from the max(id) row).
    const closures = relatedReader(db, (f) => `SELECT episode_id, reason, max(id) FROM episode_closures WHERE ${f} AND reopened_at IS NULL GROUP BY episode_id ORDER BY episode_id`);
    return {
      contacts: (rows) => {
        const counted = contacts(rows);
        mergeByEpisode(rows, counted, (row, from, to) => {
          row[ATTENDED] = from < to ? (counted[from][1] as number) : 0;
          row[MISSED] = from < to ? (counted[from][2] as number) : 0;
        });
      },
      closures: (rows) => {
        const closed = closures(rows);
        mergeByEpisode(rows, closed, (row, from, to) => (row[REASON] = from < to ? (closed[from][1] as string) : null));
      },
      ageBand: ageBandFiller(slot),
      daysToFirstContact: (rows) => {
        for (const row of rows) row[DAYS_TO_FIRST] = row[FIRST_CONTACT] ? workingDaysBetween(row[RECEIVED] as string, row[FIRST_CONTACT] as string) : null;
      },
    };
  };
  return rowSource(db, REFERRAL_SOURCES, wanted, fillers, { where: 'e.referral_received_on BETWEEN ? AND ?', params: [period.start, period.end], total });
}

/** Instruments that report only their primary score: read from its column, not the scores JSON. */
const PRIMARY_ONLY = JSON.stringify(Object.values(INSTRUMENTS).filter((def) => REPORTED_SCORES.every((o) => o.instrument !== def.id || o.primary)).map((def) => def.id));

/** Episodes open at any time in the period: their outcomes up to the period's end. `wanted`: the columns to fill (null: all). */
export function outcomeRows(db: Database, period: Period, wanted: ReadonlySet<string> | null = null): RowSource {
  // Episodes open at some point in the period are most of the table: a plain scan beats a walk of
  // the referral-date index (episodes_referral_idx, for the monthly return) with a look-up per row.
  const total = db.prepare('SELECT count(*) FROM episodes NOT INDEXED WHERE referral_received_on <= ? AND (closed_on IS NULL OR closed_on >= ?)').pluck().get(period.end, period.start) as number;
  const fillers = (slot: Slot<'outcomes'>): Record<FillerOf<typeof OUTCOME_SOURCES> | 'scores', Filler> => ({
    ageBand: ageBandFiller(slot),
    scores: scoresFiller(db, period, slot),
    reviews: reviewsFiller(db, period, slot),
    goals: goalsFiller(db, slot),
  });
  return rowSource(db, { ...OUTCOME_SOURCES, ...SCORE_SOURCES }, wanted, fillers, {
    where: 'e.referral_received_on <= ? AND (e.closed_on IS NULL OR e.closed_on >= ?)',
    params: [period.end, period.start],
    total,
  });
}

/** Per reported score, baseline against latest (up to the period's end): each measure the catalogue lists. */
function scoresFiller(db: Database, period: Period, slot: Slot<'outcomes'>): Filler {
  const scores = REPORTED_SCORES.map((s) => ({ ...s, slots: Object.entries(s.columns).map(([measure, id]) => [measure as ScoreMeasure, slot(id)] as const) }));
  const scoresOf = new Map<string, typeof scores>();
  for (const s of scores) scoresOf.set(s.instrument, [...(scoresOf.get(s.instrument) ?? []), s]);
  // In index order (episode, instrument, completed_on, id), so each instrument's baseline and
  // latest are the ends of a run; the scores JSON is read only for ONS4's separate questions.
  const assessments = relatedReader(
    db,
    (f) => `SELECT episode_id, instrument, completed_on, primary_score, CASE WHEN instrument IN (SELECT value FROM json_each(@primaryOnly)) THEN NULL ELSE scores END
              FROM assessments WHERE ${f} AND completed_on <= @end ORDER BY episode_id, instrument, completed_on, id`,
  );
  const scoreOf = (a: unknown[], s: (typeof scores)[number]): number | undefined =>
    a[4] === null ? (s.primary ? (a[3] as number) : undefined) : (JSON.parse(a[4] as string) as Record<string, number>)[s.score.id];
  return (rows) => {
    const done = assessments(rows, { primaryOnly: PRIMARY_ONLY, end: period.end });
    mergeByEpisode(rows, done, (row, from, to) => {
      for (let start = from; start < to; ) {
        let end = start + 1;
        while (end < to && done[end][1] === done[start][1]) end++;
        const first = done[start];
        const last = done[end - 1];
        // Followed up: two or more of this instrument; the change needs the score in both.
        const followedUp = end - start > 1;
        for (const s of scoresOf.get(first[1] as InstrumentId) ?? []) {
          const baseline = scoreOf(first, s);
          const latest = followedUp ? scoreOf(last, s) : undefined;
          const change = followedUp && baseline !== undefined && latest !== undefined ? compareScores(s.score, baseline, latest) : null;
          // Every measure, so one added to the catalogue's list does not compile until it is worked out here.
          const values: Record<ScoreMeasure, CellValue> = {
            baseline,
            baseline_on: first[2] as string,
            latest: followedUp ? latest : null,
            latest_on: followedUp ? (last[2] as string) : null,
            change: change?.change ?? null,
            meaningful_improvement: change ? change.meaningfulImprovement : null,
            reliable_improvement: change?.reliableImprovement ?? null,
          };
          for (const [measure, at] of s.slots) row[at] = values[measure];
        }
        start = end;
      }
    });
  };
}

/** Engagement reviews up to the period's end: the first and latest, and the latest that said whether they re-engaged. */
function reviewsFiller(db: Database, period: Period, slot: Slot<'outcomes'>): Filler {
  const [VL_FIRST, VL_LATEST, MISSED_FIRST, MISSED_LATEST, REENGAGED] = (['viral_load_first', 'viral_load_latest', 'appointments_missed_first', 'appointments_missed_latest', 'reengaged_in_care'] as const).map(slot);
  const reviews = relatedReader(
    db,
    (f) => `SELECT episode_id, viral_load_undetectable, appointments_missed, reengaged_in_care FROM engagement_reviews WHERE ${f} AND reviewed_on <= @end ORDER BY episode_id, reviewed_on, id`,
  );
  const bool = (v: unknown) => (v === null || v === undefined ? null : v === 1);
  return (rows) => {
    const reviewed = reviews(rows, { end: period.end });
    mergeByEpisode(rows, reviewed, (row, from, to) => {
      const count = to - from;
      row[VL_FIRST] = count ? bool(reviewed[from][1]) : null;
      row[VL_LATEST] = count > 1 ? bool(reviewed[to - 1][1]) : null;
      row[MISSED_FIRST] = count ? ((reviewed[from][2] as number | null) ?? null) : null;
      row[MISSED_LATEST] = count > 1 ? ((reviewed[to - 1][2] as number | null) ?? null) : null;
      // The latest review that said either way.
      let reengaged: unknown = null;
      for (let i = to - 1; i >= from && reengaged === null; i--) reengaged = reviewed[i][3];
      row[REENGAGED] = bool(reengaged);
    });
  };
}

/** Goals set in the episode, and how many were achieved. */
function goalsFiller(db: Database, slot: Slot<'outcomes'>): Filler {
  const [GOALS_SET, GOALS_ACHIEVED] = [slot('goals_set'), slot('goals_achieved')];
  const goals = relatedReader(db, (f) => `SELECT episode_id, count(*), sum(status = 'achieved') FROM goals WHERE ${f} GROUP BY episode_id ORDER BY episode_id`);
  return (rows) => {
    const set = goals(rows);
    mergeByEpisode(rows, set, (row, from, to) => {
      row[GOALS_SET] = from < to ? (set[from][1] as number) : 0;
      row[GOALS_ACHIEVED] = from < to ? (set[from][2] as number) : 0;
    });
  };
}
