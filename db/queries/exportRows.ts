// Rows for the row-level exports, read a chunk at a time by key so a long export never holds
// the connection in one statement (other calls can run between chunks).
import { ageBand } from '../../core/domain/age';
import type { CellValue } from '../../core/domain/export/format';
import type { Period } from '../../core/domain/export/periods';
import { INSTRUMENTS } from '../../core/domain/instruments/definitions';
import { episodeOutcomes } from '../../core/domain/instruments/outcome';
import type { InstrumentId } from '../../core/domain/instruments/types';
import { workingDaysBetween } from '../../core/domain/workingDays';
import type { Orm } from '../workspace';

export type Row = Record<string, CellValue>;

export const CHUNK = 2_000;

const EPISODE_ROW = `
  SELECT e.id AS episodeId, p.case_id, p.preferred_name, p.nhs_number, p.hospital_number, p.date_of_birth,
         p.gender_identity, p.sexual_orientation, p.ethnic_category, p.borough, s.ods_code AS site_ods,
         e.id AS referral_id, e.referral_received_on, e.referral_source, e.pathway, e.newly_diagnosed, e.re_engaging,
         e.referral_status, e.first_contact_on, e.closed_on,
         (SELECT count(*) FROM contacts c WHERE c.episode_id = e.id AND c.attendance = 'attended') AS contacts_attended,
         (SELECT count(*) FROM contacts c WHERE c.episode_id = e.id AND c.attendance = 'dna') AS contacts_missed,
         (SELECT x.reason FROM episode_closures x WHERE x.episode_id = e.id AND x.reopened_at IS NULL ORDER BY x.id DESC LIMIT 1) AS closure_reason
    FROM episodes e JOIN people p ON p.id = e.person_id LEFT JOIN sites s ON s.id = p.clinic_site_id`;

/** Referrals received in the period, one row each, in referral order. */
export function countReferrals(orm: Orm, period: Period): number {
  return (orm.$client.prepare('SELECT count(*) AS n FROM episodes WHERE referral_received_on BETWEEN ? AND ?').get(period.start, period.end) as { n: number }).n;
}

export function referralRows(orm: Orm, period: Period, afterId: number, today: string): Row[] {
  const rows = orm.$client
    .prepare(`${EPISODE_ROW} WHERE e.referral_received_on BETWEEN ? AND ? AND e.id > ? ORDER BY e.id LIMIT ${CHUNK}`)
    .all(period.start, period.end, afterId) as Row[];
  return rows.map((r) => finishEpisodeRow(r, today));
}

function finishEpisodeRow(r: Row, today: string): Row {
  const received = r.referral_received_on as string;
  return {
    ...r,
    age_band: ageBand(r.date_of_birth as string, received),
    newly_diagnosed: r.newly_diagnosed === 1,
    re_engaging: r.re_engaging === 1,
    working_days_to_first_contact: r.first_contact_on ? workingDaysBetween(received, r.first_contact_on as string) : null,
    ...(r.first_contact_on ? {} : { working_days_waiting: workingDaysBetween(received, today) }),
  };
}

/** Episodes open at any time in the period: their outcomes up to the period's end. */
export function countOutcomeEpisodes(orm: Orm, period: Period): number {
  return (
    orm.$client.prepare('SELECT count(*) AS n FROM episodes WHERE referral_received_on <= ? AND (closed_on IS NULL OR closed_on >= ?)').get(period.end, period.start) as { n: number }
  ).n;
}

export function outcomeRows(orm: Orm, period: Period, afterId: number, today: string): Row[] {
  const db = orm.$client;
  const base = db
    .prepare(`${EPISODE_ROW} WHERE e.referral_received_on <= ? AND (e.closed_on IS NULL OR e.closed_on >= ?) AND e.id > ? ORDER BY e.id LIMIT ${CHUNK}`)
    .all(period.end, period.start, afterId) as Row[];
  if (base.length === 0) return [];
  const ids = base.map((r) => r.episodeId as number);
  const marks = ids.map(() => '?').join(',');
  const assessments = db
    .prepare(`SELECT episode_id AS episodeId, instrument, completed_on AS completedOn, scores FROM assessments WHERE episode_id IN (${marks}) AND completed_on <= ? ORDER BY completed_on, id`)
    .all(...ids, period.end) as { episodeId: number; instrument: InstrumentId; completedOn: string; scores: string }[];
  const reviews = db
    .prepare(`SELECT episode_id AS episodeId, viral_load_undetectable AS vl, appointments_missed AS missed, reengaged_in_care AS reengaged FROM engagement_reviews WHERE episode_id IN (${marks}) AND reviewed_on <= ? ORDER BY reviewed_on, id`)
    .all(...ids, period.end) as { episodeId: number; vl: number | null; missed: number | null; reengaged: number | null }[];
  const goals = db
    .prepare(`SELECT episode_id AS episodeId, count(*) AS setCount, sum(status = 'achieved') AS achieved FROM goals WHERE episode_id IN (${marks}) GROUP BY episode_id`)
    .all(...ids) as { episodeId: number; setCount: number; achieved: number }[];
  const bool = (v: number | null | undefined) => (v === null || v === undefined ? null : v === 1);
  // Grouped once per chunk: filtering the whole chunk's rows per episode would be quadratic.
  const byEpisode = <T extends { episodeId: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of list) m.set(x.episodeId, [...(m.get(x.episodeId) ?? []), x]);
    return (id: number) => m.get(id) ?? [];
  };
  const assessmentsOf = byEpisode(assessments);
  const reviewsOf = byEpisode(reviews);
  const goalsOf = new Map(goals.map((g) => [g.episodeId, g]));
  return base.map((r) => {
    const id = r.episodeId as number;
    const row = finishEpisodeRow(r, today);
    const points = assessmentsOf(id).map((a) => ({ instrument: a.instrument, completedOn: a.completedOn, scores: JSON.parse(a.scores) as Record<string, number> }));
    for (const o of episodeOutcomes(points)) {
      const def = INSTRUMENTS[o.instrument];
      const first = points.find((p) => p.instrument === o.instrument)!;
      const last = [...points].reverse().find((p) => p.instrument === o.instrument)!;
      for (const s of def.scores) {
        if (def.id !== 'ons4' && s.id !== def.primaryScore) continue;
        const key = def.id === 'ons4' ? `${def.id}_${s.id}` : def.id;
        const change = o.changes.find((c) => c.scoreId === s.id);
        row[`${key}_baseline`] = first.scores[s.id];
        row[`${key}_baseline_on`] = first.completedOn;
        row[`${key}_latest`] = o.followedUp ? last.scores[s.id] : null;
        row[`${key}_latest_on`] = o.followedUp ? last.completedOn : null;
        row[`${key}_change`] = change?.change ?? null;
        row[`${key}_meaningful_improvement`] = change ? change.meaningfulImprovement : null;
        row[`${key}_reliable_improvement`] = change?.reliableImprovement ?? null;
      }
    }
    const own = reviewsOf(id);
    row.viral_load_first = bool(own[0]?.vl);
    row.viral_load_latest = own.length > 1 ? bool(own.at(-1)?.vl) : null;
    row.appointments_missed_first = own[0]?.missed ?? null;
    row.appointments_missed_latest = own.length > 1 ? (own.at(-1)?.missed ?? null) : null;
    row.reengaged_in_care = bool([...own].reverse().find((x) => x.reengaged !== null)?.reengaged);
    const g = goalsOf.get(id);
    row.goals_set = g?.setCount ?? 0;
    row.goals_achieved = g?.achieved ?? 0;
    return row;
  });
}
