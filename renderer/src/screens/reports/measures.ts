// The monthly return's headline measures, worked out from the report's raw counts the same way
// the published return works them out (monthlyReturn.ts), so the screen and the file agree.
import type { CountGroup, ReturnInputs } from '../../../../core/domain/export/monthlyReturn';

export interface WellbeingMeasure {
  instrument: string;
  improved: number;
  followedUp: number;
  noFollowUp: number;
  percent: number | null;
}

export interface Measures {
  referrals: number;
  supported: number;
  supportedNew: number;
  supportedContinuing: number;
  attended: number;
  dna: number;
  booked: number;
  /** Percentage of booked contacts not attended; null when none were booked. */
  dnaRate: number | null;
  /** Attended contacts per person supported, to one decimal place. */
  average: number | null;
  newlyDiagnosedOffered: number;
  newlyDiagnosedEngaged: number;
  newlyDiagnosedPercent: number | null;
  wellbeing: WellbeingMeasure[];
  groupRegistered: number;
  groupAttended: number;
  /** Registered but did not attend, as a percentage of registrations. */
  groupDropOut: number | null;
}

export function findGroup(inputs: ReturnInputs, measure: string, breakdown: string): CountGroup | undefined {
  return inputs.groups.find((g) => g.measure === measure && g.breakdown === breakdown);
}

const countIn = (g: CountGroup | undefined, category: string) => g?.categories.find((c) => c.category === category)?.count ?? 0;
/** One decimal place, as the return publishes percentages. */
export const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export function measuresOf(inputs: ReturnInputs): Measures {
  const supported = findGroup(inputs, 'people_supported', 'new_or_continuing');
  const registered = findGroup(inputs, 'group_registrations', 'event_type')?.total ?? 0;
  const cameToGroups = findGroup(inputs, 'group_attendance', 'event_type')?.total ?? 0;
  const booked = inputs.attended + inputs.dna;
  return {
    referrals: findGroup(inputs, 'referrals_received', 'source')?.total ?? 0,
    supported: inputs.peopleSupported,
    supportedNew: countIn(supported, 'new'),
    supportedContinuing: countIn(supported, 'continuing'),
    attended: inputs.attended,
    dna: inputs.dna,
    booked,
    dnaRate: percent(inputs.dna, booked),
    average: inputs.peopleSupported === 0 ? null : Math.round((inputs.attended / inputs.peopleSupported) * 10) / 10,
    newlyDiagnosedOffered: inputs.newlyDiagnosedOffered,
    newlyDiagnosedEngaged: inputs.newlyDiagnosedEngaged,
    newlyDiagnosedPercent: percent(inputs.newlyDiagnosedEngaged, inputs.newlyDiagnosedOffered),
    wellbeing: inputs.wellbeing.map((w) => ({ ...w, percent: percent(w.improved, w.followedUp) })),
    groupRegistered: registered,
    groupAttended: cameToGroups,
    groupDropOut: registered === 0 ? null : percent(Math.max(registered - cameToGroups, 0), registered),
  };
}

/** Nothing at all happened in the period: the screen says so instead of a wall of zeros. */
export function isEmpty(m: Measures): boolean {
  return m.referrals === 0 && m.supported === 0 && m.booked === 0 && m.newlyDiagnosedOffered === 0 && m.groupRegistered === 0 && m.wellbeing.every((w) => w.followedUp === 0 && w.noFollowUp === 0);
}
