// The change in engagement with care over an episode, in the worker's words.
import { adherence, type EngagementChange, type EngagementReview } from '../../../../core/domain/assessment';

const VIRAL_LOAD: Record<EngagementChange['viralLoad'], string> = {
  became_undetectable: 'Viral load became undetectable',
  stayed_undetectable: 'Viral load stayed undetectable',
  became_detectable: 'Viral load became detectable',
  stayed_detectable: 'Viral load still detectable',
  unknown: 'Viral load: not known at both the first and the latest review',
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** One line per measure: the first review against the latest. */
export function engagementChangeLines(c: EngagementChange): string[] {
  const latest = c.latest;
  if (!latest) return [];
  const lines = [VIRAL_LOAD[c.viralLoad]];
  if (c.first.adherence && latest.adherence) {
    const from = adherence.label(c.first.adherence);
    const to = adherence.label(latest.adherence);
    lines.push(
      c.first.adherence === latest.adherence
        ? `ART adherence unchanged: ${to.toLowerCase()}`
        : `ART adherence ${c.adherenceImproved ? 'improved' : 'no better'}: ${from.toLowerCase()}, now ${to.toLowerCase()}`,
    );
  } else lines.push('ART adherence: not asked at both the first and the latest review');
  if (c.missedShareBefore !== null && c.missedShareAfter !== null) {
    lines.push(`Clinic appointments missed: ${percent(c.missedShareBefore)} at the first review, ${percent(c.missedShareAfter)} at the latest`);
  } else lines.push('Clinic appointments: not counted at both the first and the latest review');
  return lines;
}

export function yesNoUnknown(v: boolean | null): string {
  return v === null ? 'Not known' : v ? 'Yes' : 'No';
}

export function viralLoadText(r: EngagementReview): string {
  if (r.viralLoadUndetectable === null) return 'Not known';
  return r.viralLoadUndetectable ? 'Undetectable' : 'Detectable';
}
