// Several sites' returns and their total, suppressed as one set. Publishing each alone is not
// safe: a reader holding the whole caseload's return and one site's works the other site's hidden
// count back by subtraction (all − this site). So every figure of the total is related to the
// same figure at each site (total = Σ sites + what no site holds) and the secondary suppression
// hides cells across the set until no hidden count can be worked out from any of its files.
// Used for one caseload's sites (one site's return beside all sites') and for a return combined
// from several workstations' files.
import type { ReturnInputs } from './returnInputs';
import { returnCells } from './returnRelations';
import { cellsToHide, type Cell, type SumRelation } from './secondarySuppression';
import type { SuppressionSettings } from './suppressionSettings';

export interface SiteInputs {
  /** The site's ODS code. */
  site: string;
  inputs: ReturnInputs;
}

/** The prefix of one site's cell ids in the set; the total's cells keep their own ids. */
export const sitePrefix = (site: string) => `${site}|`;
/**
 * People and events on no site (none recorded): never published as a return, but anyone can work
 * their figures out as the total minus the sites, so a small one is protected like a hidden count.
 */
const NO_SITE = sitePrefix('\u0000no-site');

export interface SiteSetCells {
  cells: Cell[];
  relations: SumRelation[];
}

/** The total's cells (unprefixed), each site's (prefixed), and how they add up. */
export function siteSetCells(sites: readonly SiteInputs[], total: ReturnInputs): SiteSetCells {
  const whole = returnCells(total);
  // Sites first, the total's after: where cells cost the same to hide, the earlier is hidden.
  const cells: Cell[] = [];
  const relations: SumRelation[] = [];
  const partsOf = new Map<string, { ids: string[]; sum: number }>(whole.cells.map((c) => [c.id, { ids: [], sum: 0 }]));
  for (const s of sites) {
    const own = returnCells(s.inputs);
    const p = sitePrefix(s.site);
    for (const c of own.cells) {
      cells.push({ ...c, id: p + c.id });
      const parts = partsOf.get(c.id);
      if (parts) {
        parts.ids.push(p + c.id);
        parts.sum += c.value;
      }
    }
    for (const r of own.relations) relations.push({ ...r, total: p + r.total, parts: r.parts.map((id) => p + id) });
  }
  // The whole caseload's figures are kept where a site's can be hidden instead.
  cells.push(...whole.cells.map((c) => ({ ...c, keep: true })));
  relations.push(...whole.relations);
  for (const c of whole.cells) {
    const parts = partsOf.get(c.id)!;
    const rest = c.value - parts.sum;
    if (rest > 0) {
      cells.push({ id: NO_SITE + c.id, value: rest, implicit: true });
      parts.ids.push(NO_SITE + c.id);
    }
    if (parts.ids.length > 0) relations.push({ total: c.id, parts: parts.ids });
  }
  return { cells, relations };
}

export interface SiteSetSuppression extends SiteSetCells {
  /** The cells hidden, ids as in `cells` (a site's prefixed by sitePrefix). */
  hidden: ReadonlySet<string>;
}

/**
 * The set's cells and those hidden across it. Where one site holds everything its return is the
 * total's: both are suppressed as the total alone always was.
 */
export function suppressAcrossSites(sites: readonly SiteInputs[], total: ReturnInputs, settings: SuppressionSettings): SiteSetSuppression {
  const set = siteSetCells(sites, total);
  const holding = sites.filter((s) => returnCells(s.inputs).cells.some((c) => c.value !== 0));
  const onNoSite = set.cells.some((c) => c.id.startsWith(NO_SITE));
  if (holding.length === 1 && !onNoSite) {
    const whole = returnCells(total);
    const alone = cellsToHide(whole.cells, whole.relations, settings);
    const hidden = new Set([...alone, ...[...alone].map((id) => sitePrefix(holding[0].site) + id)]);
    return { cells: whole.cells, relations: whole.relations, hidden };
  }
  return { ...set, hidden: cellsToHide(set.cells, set.relations, settings) };
}
