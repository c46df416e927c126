// The monthly return's headline measures, worked out from the report's counts the same way the
// published return works them out (monthlyReturn.ts), so the screen and the file agree. For a
// reporting-only member the counts arrive suppressed: a hidden one ("*") hides what uses it.
import type { CountGroup } from '../../../../core/domain/export/monthlyReturn';
import type { PublishedReturn } from '../../../../core/domain/export/publishedReturn';
import { publishedAverage, publishedPercent, type Published } from '../../../../core/domain/export/suppression';

export interface WellbeingMeasure {
  instrument: string;
  improved: Published;
  followedUp: Published;
  noFollowUp: Published;
  withBaseline: Published | null;
  percent: Published | null;
}

export interface Measures {
  referrals: Published;
  supported: Published;
  supportedNew: Published;
  supportedContinuing: Published;
  attended: Published;
  dna: Published;
  booked: Published;
  /** Percentage of booked contacts not attended; null when none were booked. */
  dnaRate: Published | null;
  /** Attended contacts per person supported, to one decimal place. */
  average: Published | null;
  newlyDiagnosedOffered: Published;
  newlyDiagnosedEngaged: Published;
  newlyDiagnosedPercent: Published | null;
  wellbeing: WellbeingMeasure[];
  groupRegistered: Published;
  groupAttended: Published;
  /** Registered but did not attend, as a percentage of registrations. */
  groupDropOut: Published | null;
}

export function findGroup(inputs: PublishedReturn, measure: string, breakdown: string): CountGroup<Published> | undefined {
  return inputs.groups.find((g) => g.measure === measure && g.breakdown === breakdown);
}

/** A category's count; with every cell of a breakdown hidden, its categories are not listed at all. */
const countIn = (g: CountGroup<Published> | undefined, category: string): Published => g?.categories.find((c) => c.category === category)?.count ?? (g?.total === '*' ? '*' : 0);
/** One decimal place, as the return publishes percentages. */
export const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export function measuresOf(inputs: PublishedReturn): Measures {
  const supported = findGroup(inputs, 'people_supported', 'new_or_continuing');
  const registered = findGroup(inputs, 'group_registrations', 'event_type')?.total ?? 0;
  const cameToGroups = findGroup(inputs, 'group_attendance', 'event_type')?.total ?? 0;
  return {
    referrals: findGroup(inputs, 'referrals_received', 'source')?.total ?? 0,
    supported: inputs.peopleSupported,
    supportedNew: countIn(supported, 'new'),
    supportedContinuing: countIn(supported, 'continuing'),
    attended: inputs.attended,
    dna: inputs.dna,
    booked: inputs.booked,
    dnaRate: publishedPercent(inputs.dna, inputs.booked),
    average: publishedAverage(inputs.attended, inputs.peopleSupported),
    newlyDiagnosedOffered: inputs.newlyDiagnosedOffered,
    newlyDiagnosedEngaged: inputs.newlyDiagnosedEngaged,
    newlyDiagnosedPercent: publishedPercent(inputs.newlyDiagnosedEngaged, inputs.newlyDiagnosedOffered),
    wellbeing: inputs.wellbeing.map((w) => ({ ...w, percent: publishedPercent(w.improved, w.followedUp) })),
    groupRegistered: registered,
    groupAttended: cameToGroups,
    groupDropOut: registered === '*' || cameToGroups === '*' ? '*' : registered === 0 ? null : percent(Math.max(registered - cameToGroups, 0), registered),
  };
}

/** Nothing at all happened in the period: the screen says so instead of a wall of zeros. */
export function isEmpty(m: Measures): boolean {
  return m.referrals === 0 && m.supported === 0 && m.booked === 0 && m.newlyDiagnosedOffered === 0 && m.groupRegistered === 0 && m.wellbeing.every((w) => w.followedUp === 0 && w.noFollowUp === 0);
}
