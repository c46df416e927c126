// How the monthly return's figures add up, as a reader of the file can see: every breakdown of
// a measure sums to the same total (referrals by source and by pathway; people supported by new
// or continuing and by each demographic), the return repeats those totals beside the average,
// booked = attended + not attended, and two differences are there for anyone to take:
// offered − engaged (not engaged) and followed up − improved (not improved), after closure too.
// Group registrations and attendance are not related: someone may attend without registering.
import type { ReturnInputs } from './returnInputs';
import type { Cell, SumRelation } from './secondarySuppression';

/** Cell ids, one per distinct quantity (a total published twice is one cell). */
export const cellId = {
  total: (measure: string) => `${measure}/total`,
  category: (measure: string, breakdown: string, category: string) => `${measure}/${breakdown}/${category}`,
  /** A breakdown whose total differs from the measure's others (never, from the database). */
  ownTotal: (measure: string, breakdown: string) => `${measure}/${breakdown}/total`,
  attended: 'contacts_attended/total',
  peopleSupported: 'people_supported/total',
  notAttended: 'dna_rate/not_attended',
  booked: 'dna_rate/attended_or_not',
  offered: 'newly_diagnosed/offered',
  engaged: 'newly_diagnosed/engaged',
  notEngaged: 'newly_diagnosed/not_engaged',
  improved: (instrument: string) => `improved_wellbeing/${instrument}/improved`,
  followedUp: (instrument: string) => `improved_wellbeing/${instrument}/followed_up`,
  notImproved: (instrument: string) => `improved_wellbeing/${instrument}/not_improved`,
  noFollowUp: (instrument: string) => `improved_wellbeing/${instrument}/no_follow_up`,
  sustainedImproved: (instrument: string) => `sustained_wellbeing/${instrument}/improved`,
  sustainedFollowedUp: (instrument: string) => `sustained_wellbeing/${instrument}/followed_up_after_closure`,
  sustainedNotImproved: (instrument: string) => `sustained_wellbeing/${instrument}/not_improved`,
};

export interface ReturnCells {
  cells: Cell[];
  relations: SumRelation[];
  /** The cell that holds each group's total, in the order of `inputs.groups`. */
  groupTotals: string[];

}

export function returnCells(inputs: ReturnInputs): ReturnCells {
  const cells = new Map<string, Cell>();
  const relations: SumRelation[] = [];
  const cell = (id: string, value: number, implicit = false) => {
    if (!cells.has(id)) cells.set(id, { id, value, implicit });
    return id;
  };
  // The totals every breakdown of them repeats.
  cell(cellId.attended, inputs.attended);
  cell(cellId.peopleSupported, inputs.peopleSupported);
  const groupTotals = inputs.groups.map((g) => {
    const shared = cells.get(cellId.total(g.measure));
    const total = shared === undefined || shared.value === g.total ? cell(cellId.total(g.measure), g.total) : cell(cellId.ownTotal(g.measure, g.breakdown), g.total);
    const parts = g.categories.map((c) => cell(cellId.category(g.measure, g.breakdown, c.category), c.count));
    // Categories that overlap do not add up: no sum for a reader to work a hidden one back from.
    if (!g.overlapping) relations.push({ total, parts, listed: true });
    return total;
  });
  cell(cellId.notAttended, inputs.dna);
  cell(cellId.booked, inputs.attended + inputs.dna);
  relations.push({ total: cellId.booked, parts: [cellId.attended, cellId.notAttended] });
  cell(cellId.offered, inputs.newlyDiagnosedOffered);
  cell(cellId.engaged, inputs.newlyDiagnosedEngaged);
  cell(cellId.notEngaged, inputs.newlyDiagnosedOffered - inputs.newlyDiagnosedEngaged, true);
  relations.push({ total: cellId.offered, parts: [cellId.engaged, cellId.notEngaged] });
  for (const w of inputs.wellbeing) {
    cell(cellId.improved(w.instrument), w.improved);
    cell(cellId.followedUp(w.instrument), w.followedUp);
    cell(cellId.notImproved(w.instrument), w.followedUp - w.improved, true);
    cell(cellId.noFollowUp(w.instrument), w.noFollowUp);
    relations.push({ total: cellId.followedUp(w.instrument), parts: [cellId.improved(w.instrument), cellId.notImproved(w.instrument)] });
  }
  for (const w of inputs.sustained) {
    cell(cellId.sustainedImproved(w.instrument), w.improved);
    cell(cellId.sustainedFollowedUp(w.instrument), w.followedUp);
    cell(cellId.sustainedNotImproved(w.instrument), w.followedUp - w.improved, true);
    relations.push({ total: cellId.sustainedFollowedUp(w.instrument), parts: [cellId.sustainedImproved(w.instrument), cellId.sustainedNotImproved(w.instrument)] });
  }
  return { cells: [...cells.values()], relations, groupTotals };
}
