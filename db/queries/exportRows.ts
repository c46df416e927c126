// Rows for the row-level exports, a chunk at a time in referral (episode id) order. Each chunk is a
// few set-based reads: the episodes with their person, then one grouped or ordered read per
// related table for just those episodes, merged in key order. No statement runs per row, rows are
// arrays (`.raw()`) named by `fields`, only the columns the profile asks for are read, and only a
// chunk is held at once, so memory stays flat whatever the number of rows.
import type { Database } from 'better-sqlite3';
import { ageBand } from '../../core/domain/age';
import { CATALOGUE } from '../../core/domain/export/catalogue';
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

/** The episode and its person, by export column id; the episode id is always first (the chunk key). */
const EPISODE_COLUMNS = {
  referral_id: 'e.id',
  case_id: 'p.case_id',
  preferred_name: 'p.preferred_name',
  given_name: 'p.given_name',
  family_name: 'p.family_name',
  nhs_number: 'p.nhs_number',
  hospital_number: 'p.hospital_number',
  date_of_birth: 'p.date_of_birth',
  gender_identity: 'p.gender_identity',
  sexual_orientation: 'p.sexual_orientation',
  ethnic_category: 'p.ethnic_category',
  borough: 'p.borough',
  site_ods: 's.ods_code',
  referral_received_on: 'e.referral_received_on',
  referral_source: 'e.referral_source',
  pathway: 'e.pathway',
  // Blank, not "N", where no diagnosis month is recorded: not known (newlyDiagnosedKnown in core/domain/episode.ts).
  newly_diagnosed: 'CASE WHEN p.diagnosis_month IS NULL THEN NULL ELSE e.newly_diagnosed END',
  re_engaging: 'e.re_engaging',
  referral_status: 'e.referral_status',
  first_contact_on: 'e.first_contact_on',
  closed_on: 'e.closed_on',
} as const;
type EpisodeField = keyof typeof EPISODE_COLUMNS;
const ID = 0;

/** The episode columns to read: those wanted (all when `wanted` is null), those others are worked out from, and the id. */
function episodeFields(wanted: ReadonlySet<string> | null, needed: (string | EpisodeField)[]): EpisodeField[] {
  return (Object.keys(EPISODE_COLUMNS) as EpisodeField[]).filter((f) => f === 'referral_id' || !wanted || wanted.has(f) || needed.includes(f));
}

/** `worked` values are filled in after the read: read as NULLs, so each row array comes at its full length. */
function* episodeChunks(db: Database, fields: EpisodeField[], worked: number, where: string, params: unknown[], finish: (rows: Row[]) => void): Generator<Row[]> {
  const site = fields.includes('site_ods') ? ' LEFT JOIN sites s ON s.id = p.clinic_site_id' : '';
  const columns = [...fields.map((f) => EPISODE_COLUMNS[f]), ...Array<string>(worked).fill('NULL')];
  const read = db.prepare(`SELECT ${columns.join(', ')} FROM episodes e JOIN people p ON p.id = e.person_id${site} WHERE ${where} AND e.id > ? ORDER BY e.id LIMIT ${CHUNK}`).raw();
  let after = 0;
  for (;;) {
    const rows = read.all(...params, after) as Row[];
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

/** Referrals received in the period, one row each, in referral order. `wanted`: the columns to fill (null: all). */
export function referralRows(db: Database, period: Period, wanted: ReadonlySet<string> | null = null): RowSource {
  const want = (f: string) => !wanted || wanted.has(f);
  const base = episodeFields(wanted, [...(want('age_band') ? ['date_of_birth', 'referral_received_on'] : []), ...(want('working_days_to_first_contact') ? ['referral_received_on', 'first_contact_on'] : [])]);
  const fields: string[] = [...base, 'contacts_attended', 'contacts_missed', 'closure_reason', 'age_band', 'working_days_to_first_contact'];
  const slot = (f: string) => fields.indexOf(f);
  const [DOB, RECEIVED, FIRST_CONTACT] = [slot('date_of_birth'), slot('referral_received_on'), slot('first_contact_on')];
  const [ATTENDED, MISSED, REASON, AGE_BAND, DAYS_TO_FIRST] = [slot('contacts_attended'), slot('contacts_missed'), slot('closure_reason'), slot('age_band'), slot('working_days_to_first_contact')];
  const contacts = relatedReader(db, (f) => `SELECT episode_id, coalesce(sum(attendance = 'attended'), 0), coalesce(sum(attendance = 'dna'), 0) FROM contacts WHERE ${f} GROUP BY episode_id ORDER BY episode_id`);
  // The latest closure not undone by a reopening (SQLite takes `reason` from the max(id) row).
  const closures = relatedReader(db, (f) => `SELECT episode_id, reason, max(id) FROM episode_closures WHERE ${f} AND reopened_at IS NULL GROUP BY episode_id ORDER BY episode_id`);
  const total = db.prepare('SELECT count(*) FROM episodes WHERE referral_received_on BETWEEN ? AND ?').pluck().get(period.start, period.end) as number;
  const finish = (rows: Row[]) => {
    if (want('contacts_attended') || want('contacts_missed')) {
      const counted = contacts(rows);
      mergeByEpisode(rows, counted, (row, from, to) => {
        row[ATTENDED] = from < to ? (counted[from][1] as number) : 0;
        row[MISSED] = from < to ? (counted[from][2] as number) : 0;
      });
    }
    if (want('closure_reason')) {
      const closed = closures(rows);
      mergeByEpisode(rows, closed, (row, from, to) => (row[REASON] = from < to ? (closed[from][1] as string) : null));
    }
    if (want('age_band')) for (const row of rows) row[AGE_BAND] = ageBand(row[DOB] as string, row[RECEIVED] as string);
    if (want('working_days_to_first_contact')) {
      for (const row of rows) row[DAYS_TO_FIRST] = row[FIRST_CONTACT] ? workingDaysBetween(row[RECEIVED] as string, row[FIRST_CONTACT] as string) : null;
    }
  };
  return { fields, total, chunks: () => episodeChunks(db, base, fields.length - base.length, 'e.referral_received_on BETWEEN ? AND ?', [period.start, period.end], finish) };
}

// Outcome columns: per instrument, its primary score (every score for ONS4, whose four questions
// are reported separately), as baseline against latest.
const OUTCOME_SCORES = Object.values(INSTRUMENTS).flatMap((def) =>
  def.scores
    .filter((s) => def.id === 'ons4' || s.id === def.primaryScore)
    .map((score) => ({ instrument: def.id, score, key: def.id === 'ons4' ? `${def.id}_${score.id}` : def.id, primary: score.id === def.primaryScore })),
);
/** Instruments that report only their primary score: read from its column, not the scores JSON. */
const PRIMARY_ONLY = JSON.stringify(Object.values(INSTRUMENTS).filter((def) => OUTCOME_SCORES.every((o) => o.instrument !== def.id || o.primary)).map((def) => def.id));
const REVIEW_FIELDS = ['viral_load_first', 'viral_load_latest', 'appointments_missed_first', 'appointments_missed_latest', 'reengaged_in_care'];

/** Episodes open at any time in the period: their outcomes up to the period's end. `wanted`: the columns to fill (null: all). */
export function outcomeRows(db: Database, period: Period, wanted: ReadonlySet<string> | null = null): RowSource {
  const want = (f: string) => !wanted || wanted.has(f);
  const base = episodeFields(wanted, want('age_band') ? ['date_of_birth', 'referral_received_on'] : []);
  const extra = CATALOGUE.outcomes.map((c) => c.id).filter((id) => !(id in EPISODE_COLUMNS));
  const fields: string[] = [...base, ...extra];
  const index = new Map(fields.map((f, i) => [f, i]));
  const slot = (name: string) => index.get(name)!;
  const [DOB, RECEIVED, AGE_BAND] = [slot('date_of_birth'), slot('referral_received_on'), slot('age_band')];
  const scores = OUTCOME_SCORES.map((o) => ({
    ...o,
    baseline: slot(`${o.key}_baseline`),
    baselineOn: slot(`${o.key}_baseline_on`),
    latest: slot(`${o.key}_latest`),
    latestOn: slot(`${o.key}_latest_on`),
    change: slot(`${o.key}_change`),
    meaningful: slot(`${o.key}_meaningful_improvement`),
    reliable: index.get(`${o.key}_reliable_improvement`),
  }));
  const scoresOf = new Map<string, typeof scores>();
  for (const s of scores) scoresOf.set(s.instrument, [...(scoresOf.get(s.instrument) ?? []), s]);
  const [VL_FIRST, VL_LATEST, MISSED_FIRST, MISSED_LATEST, REENGAGED] = REVIEW_FIELDS.map(slot);
  const [GOALS_SET, GOALS_ACHIEVED] = [slot('goals_set'), slot('goals_achieved')];

  // In index order (episode, instrument, completed_on, id), so each instrument's baseline and
  // latest are the ends of a run; the scores JSON is read only for ONS4's separate questions.
  const assessments = relatedReader(
    db,
    (f) => `SELECT episode_id, instrument, completed_on, primary_score, CASE WHEN instrument IN (SELECT value FROM json_each(@primaryOnly)) THEN NULL ELSE scores END
              FROM assessments WHERE ${f} AND completed_on <= @end ORDER BY episode_id, instrument, completed_on, id`,
  );
  const reviews = relatedReader(
    db,
    (f) => `SELECT episode_id, viral_load_undetectable, appointments_missed, reengaged_in_care FROM engagement_reviews WHERE ${f} AND reviewed_on <= @end ORDER BY episode_id, reviewed_on, id`,
  );
  const goals = relatedReader(db, (f) => `SELECT episode_id, count(*), sum(status = 'achieved') FROM goals WHERE ${f} GROUP BY episode_id ORDER BY episode_id`);
  const wantsScores = scores.some((s) => [s.baseline, s.baselineOn, s.latest, s.latestOn, s.change, s.meaningful, s.reliable].some((i) => i !== undefined && want(fields[i])));
  const bool = (v: unknown) => (v === null || v === undefined ? null : v === 1);
  const scoreOf = (a: unknown[], s: (typeof scores)[number]): number | undefined =>
    a[4] === null ? (s.primary ? (a[3] as number) : undefined) : (JSON.parse(a[4] as string) as Record<string, number>)[s.score.id];
  // Episodes open at some point in the period are most of the table: a plain scan beats a walk of
  // the referral-date index (episodes_referral_idx, for the monthly return) with a look-up per row.
  const total = db.prepare('SELECT count(*) FROM episodes NOT INDEXED WHERE referral_received_on <= ? AND (closed_on IS NULL OR closed_on >= ?)').pluck().get(period.end, period.start) as number;

  const finish = (rows: Row[]) => {
    if (want('age_band')) for (const row of rows) row[AGE_BAND] = ageBand(row[DOB] as string, row[RECEIVED] as string);
    if (wantsScores) {
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
            row[s.baseline] = baseline;
            row[s.baselineOn] = first[2] as string;
            row[s.latest] = followedUp ? latest : null;
            row[s.latestOn] = followedUp ? (last[2] as string) : null;
            row[s.change] = change?.change ?? null;
            row[s.meaningful] = change ? change.meaningfulImprovement : null;
            if (s.reliable !== undefined) row[s.reliable] = change?.reliableImprovement ?? null;
          }
          start = end;
        }
      });
    }
    if (REVIEW_FIELDS.some(want)) {
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
    }
    if (want('goals_set') || want('goals_achieved')) {
      const set = goals(rows);
      mergeByEpisode(rows, set, (row, from, to) => {
        row[GOALS_SET] = from < to ? (set[from][1] as number) : 0;
        row[GOALS_ACHIEVED] = from < to ? (set[from][2] as number) : 0;
      });
    }
  };
  return {
    fields,
    total,
    chunks: () => episodeChunks(db, base, fields.length - base.length, 'e.referral_received_on <= ? AND (e.closed_on IS NULL OR e.closed_on >= ?)', [period.end, period.start], finish),
  };
}
