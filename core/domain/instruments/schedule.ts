// When assessments are due: a baseline at the start of an episode, follow-ups at an interval,
// and one at closure. Due from the day; overdue two weeks after.
import type { InstrumentId } from './types';

export const OVERDUE_AFTER_DAYS = 14;

export interface DueAssessment {
  instrument: InstrumentId;
  kind: 'baseline' | 'follow_up';
  dueOn: string;
  overdue: boolean;
}

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Assessments due on or before `today` for one open episode that has started (first contact). */
export function dueAssessments(
  episode: { firstContactOn: string | null; open: boolean },
  enabled: InstrumentId[],
  done: { instrument: InstrumentId; completedOn: string }[],
  intervalWeeks: number,
  today: string,
): DueAssessment[] {
  if (!episode.open || !episode.firstContactOn) return [];
  const due: DueAssessment[] = [];
  for (const instrument of enabled) {
    const last = done.filter((d) => d.instrument === instrument).map((d) => d.completedOn).sort().at(-1);
    const dueOn = last ? addDays(last, intervalWeeks * 7) : episode.firstContactOn;
    if (dueOn <= today) due.push({ instrument, kind: last ? 'follow_up' : 'baseline', dueOn, overdue: addDays(dueOn, OVERDUE_AFTER_DAYS) < today });
  }
  return due;
}
