// When a group of pairs is too small to compare with another: kept apart from the statistics so
// the renderer can say so without loading them.

/**
 * The SWEMWBS authors' rule of thumb: compare groups (sites, years, programmes) only on 30 pairs
 * or more. Below that the figures describe the people counted, not a difference between groups.
 */
export const PAIRS_FOR_GROUP_COMPARISON = 30;

export const fewPairs = (paired: number) => paired > 0 && paired < PAIRS_FOR_GROUP_COMPARISON;
