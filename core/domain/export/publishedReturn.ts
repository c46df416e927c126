// The monthly return's figures as they may be published: small counts hidden, further cells
// hidden wherever arithmetic on the rest would give one back, the rest rounded if the settings
// say so. The exported file and a reporting-only member's Reports screen both show exactly this.
import type { CountGroup, ReturnInputs } from './returnInputs';
import { cellId, returnCells } from './returnRelations';
import { cellsToHide } from './secondarySuppression';
import type { MeanChange } from '../stats/meanChange';
import { roundFive, type Published, type SuppressionSettings } from './suppression';
import { publishedMedian } from './returnMeasures';

export interface PublishedReturn {
  groups: CountGroup<Published>[];
  attended: Published;
  dna: Published;
  /** Attended or not: published in its own right, so it may be hidden when its parts are not. */
  booked: Published;
  peopleSupported: Published;
  newlyDiagnosedOffered: Published;
  newlyDiagnosedEngaged: Published;
  /**
   * `withBaseline`: followed up (paired) and closed with only a baseline. Worked out from the two
   * published counts, like a rate: not given (null) when either is hidden, as a hidden sum of
   * small counts would pin each of them down.
   */
  wellbeing: { instrument: string; improved: Published; followedUp: Published; noFollowUp: Published; withBaseline: Published | null }[];
  /** The mean change of each instrument's pairs and its 95% CI; hidden ("*") with the count of pairs. */
  wellbeingChange: ({ instrument: string } & PublishedChange)[];
  /** Follow-ups after closure (sustained change), each paired with its baseline. */
  sustained: { instrument: string; improved: Published; followedUp: Published; change: PublishedChange }[];
  /** Median working days to first contact: hidden ("*") with the count of first contacts it is of. */
  firstContact?: { medianWorkingDays: Published | null; targetWorkingDays: number };
}

/** A mean change and its 95% confidence interval as published: null where there is none to give. */
export interface PublishedChange {
  mean: Published | null;
  lower: Published | null;
  upper: Published | null;
}

/**
 * A mean says nothing about one person once it is over enough of them, but it is of the same
 * people as its count: where the count of pairs is hidden, so is everything worked out from them.
 */
function publishedChange(pairs: Published, change: MeanChange): PublishedChange {
  if (pairs === '*') return { mean: '*', lower: change.lower === null ? null : '*', upper: change.upper === null ? null : '*' };
  return { mean: change.mean, lower: change.lower, upper: change.upper };
}

export function publishReturn(inputs: ReturnInputs, settings: SuppressionSettings): PublishedReturn {
  const { cells, relations } = returnCells(inputs);
  return publishWith(inputs, settings, cellsToHide(cells, relations, settings));
}

/**
 * The figures with the cells `hidden` names hidden (ids as returnCells gives them, after
 * `prefix`): the suppression may have been worked out over more than this one return, as when
 * several sites' returns and their total are published together.
 */
export function publishWith(inputs: ReturnInputs, settings: SuppressionSettings, hidden: ReadonlySet<string>, prefix = ''): PublishedReturn {
  const { cells, groupTotals } = returnCells(inputs);
  const values = new Map(cells.map((c) => [c.id, c.value]));
  const show = (id: string): Published => (hidden.has(prefix + id) ? '*' : settings.roundToFive ? roundFive(values.get(id)!) : values.get(id)!);
  const groups = inputs.groups.map((g, i) => {
      const categories = g.categories.map((c) => ({ category: c.category, count: show(cellId.category(g.measure, g.breakdown, c.category)) }));
      const total = show(groupTotals[i]);
      // Every cell hidden: the total alone, as listing the categories would say each has someone.
      const withheld = total === '*' && categories.every((c) => c.count === '*');
      return { measure: g.measure, breakdown: g.breakdown, total, categories: withheld ? [] : categories };
  });
  const contacted = groups.find((g) => g.measure === 'first_contact')?.total ?? 0;
  return {
    groups,
    ...(inputs.firstContact ? { firstContact: { ...inputs.firstContact, medianWorkingDays: publishedMedian(contacted, inputs.firstContact.medianWorkingDays) } } : {}),
    attended: show(cellId.attended),
    dna: show(cellId.notAttended),
    booked: show(cellId.booked),
    peopleSupported: show(cellId.peopleSupported),
    newlyDiagnosedOffered: show(cellId.offered),
    newlyDiagnosedEngaged: show(cellId.engaged),
    wellbeing: inputs.wellbeing.map((w) => {
      const followedUp = show(cellId.followedUp(w.instrument));
      const noFollowUp = show(cellId.noFollowUp(w.instrument));
      return {
        instrument: w.instrument,
        improved: show(cellId.improved(w.instrument)),
        followedUp,
        noFollowUp,
        withBaseline: followedUp === '*' || noFollowUp === '*' ? null : followedUp + noFollowUp,
      };
    }),
    wellbeingChange: inputs.wellbeingChange.map((c) => ({ instrument: c.instrument, ...publishedChange(show(cellId.followedUp(c.instrument)), c) })),
    sustained: inputs.sustained.map((w) => {
      const followedUp = show(cellId.sustainedFollowedUp(w.instrument));
      return { instrument: w.instrument, improved: show(cellId.sustainedImproved(w.instrument)), followedUp, change: publishedChange(followedUp, w.change) };
    }),
  };
}

/** The true figures in the same shape, for those who may see them (nothing hidden or rounded). */
export function exactReturn(inputs: ReturnInputs): PublishedReturn {
  return { ...inputs, booked: inputs.attended + inputs.dna, wellbeing: inputs.wellbeing.map((w) => ({ ...w, withBaseline: w.followedUp + w.noFollowUp })) };
}
