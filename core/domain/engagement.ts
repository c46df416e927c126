// Engagement with care over an episode: the first review against the latest.
import type { EngagementChange, EngagementReview } from './assessment';

const ADHERENCE_RANK: Record<string, number> = { all_doses: 0, missed_few: 1, missed_many: 2, stopped: 3, not_started: 3 };

function missedShare(r: EngagementReview): number | null {
  if (r.appointmentsKept === null || r.appointmentsMissed === null) return null;
  const total = r.appointmentsKept + r.appointmentsMissed;
  return total === 0 ? null : Math.round((r.appointmentsMissed / total) * 1000) / 1000;
}

export function engagementChange(reviews: EngagementReview[]): EngagementChange | null {
  if (reviews.length === 0) return null;
  const sorted = [...reviews].sort((a, b) => (a.reviewedOn < b.reviewedOn ? -1 : a.reviewedOn > b.reviewedOn ? 1 : a.id - b.id));
  const first = sorted[0];
  const latest = sorted.length > 1 ? sorted[sorted.length - 1] : null;
  const vlBefore = first.viralLoadUndetectable;
  const vlAfter = latest?.viralLoadUndetectable ?? null;
  const viralLoad =
    vlBefore === null || vlAfter === null
      ? 'unknown'
      : vlBefore && vlAfter
        ? 'stayed_undetectable'
        : !vlBefore && vlAfter
          ? 'became_undetectable'
          : vlBefore && !vlAfter
            ? 'became_detectable'
            : 'stayed_detectable';
  const a = first.adherence ? ADHERENCE_RANK[first.adherence] : undefined;
  const b = latest?.adherence ? ADHERENCE_RANK[latest.adherence] : undefined;
  return {
    first,
    latest,
    viralLoad,
    adherenceImproved: a === undefined || b === undefined ? null : b < a,
    missedShareBefore: missedShare(first),
    missedShareAfter: latest ? missedShare(latest) : null,
  };
}
