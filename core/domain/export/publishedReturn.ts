// The monthly return's figures as they may be published: small counts hidden, further cells
// hidden wherever arithmetic on the rest would give one back, the rest rounded if the settings
// say so. The exported file and a reporting-only member's Reports screen both show exactly this.
import type { CountGroup, ReturnInputs } from './returnInputs';
import { cellId, returnCells } from './returnRelations';
import { cellsToHide } from './secondarySuppression';
import { roundFive, type Published, type SuppressionSettings } from './suppression';

export interface PublishedReturn {
  groups: CountGroup<Published>[];
  attended: Published;
  dna: Published;
  /** Attended or not: published in its own right, so it may be hidden when its parts are not. */
  booked: Published;
  peopleSupported: Published;
  newlyDiagnosedOffered: Published;
  newlyDiagnosedEngaged: Published;
  wellbeing: { instrument: string; improved: Published; followedUp: Published; noFollowUp: Published }[];
}

export function publishReturn(inputs: ReturnInputs, settings: SuppressionSettings): PublishedReturn {
  const { cells, relations, groupTotals } = returnCells(inputs);
  const hidden = cellsToHide(cells, relations, settings);
  const values = new Map(cells.map((c) => [c.id, c.value]));
  const show = (id: string): Published => (hidden.has(id) ? '*' : settings.roundToFive ? roundFive(values.get(id)!) : values.get(id)!);
  return {
    groups: inputs.groups.map((g, i) => {
      const categories = g.categories.map((c) => ({ category: c.category, count: show(cellId.category(g.measure, g.breakdown, c.category)) }));
      const total = show(groupTotals[i]);
      // Every cell hidden: the total alone, as listing the categories would say each has someone.
      const withheld = total === '*' && categories.every((c) => c.count === '*');
      return { measure: g.measure, breakdown: g.breakdown, total, categories: withheld ? [] : categories };
    }),
    attended: show(cellId.attended),
    dna: show(cellId.notAttended),
    booked: show(cellId.booked),
    peopleSupported: show(cellId.peopleSupported),
    newlyDiagnosedOffered: show(cellId.offered),
    newlyDiagnosedEngaged: show(cellId.engaged),
    wellbeing: inputs.wellbeing.map((w) => ({
      instrument: w.instrument,
      improved: show(cellId.improved(w.instrument)),
      followedUp: show(cellId.followedUp(w.instrument)),
      noFollowUp: show(cellId.noFollowUp(w.instrument)),
    })),
  };
}

/** The true figures in the same shape, for those who may see them (nothing hidden or rounded). */
export function exactReturn(inputs: ReturnInputs): PublishedReturn {
  return { ...inputs, booked: inputs.attended + inputs.dna };
}
