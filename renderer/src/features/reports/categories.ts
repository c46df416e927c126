// Category codes in the return's breakdowns, as people read them, in the order of their code
// set (so "this period" and "previous period" line up bar for bar).
import type { Code } from '../../../../core/domain/codes';
import { AGE_BANDS, attendance, borough, ethnicCategory, genderIdentity, goalArea, pathway, sexualOrientation, signpostingOutcome } from '../../../../core/domain/codes';
import type { CountGroup } from '../../../../core/domain/export/monthlyReturn';
import type { Published } from '../../../../core/domain/export/suppression';
import { LIST_DEFINITIONS, type ListKey, type ProgrammeList } from '../../../../core/domain/programmeLists';
import { listChoices } from '../../shared/useProgrammeLists';

/**
 * The breakdowns whose categories are codes of a programme list: labelled and ordered as the
 * caseload's list (the seed's until the lists arrive). Events by mode are charted as "event_mode",
 * as "mode" is the contacts' breakdown.
 */
const PROGRAMME_BREAKDOWNS: Record<string, ListKey> = {
  source: 'referral_source',
  type: 'contact_type',
  mode: 'contact_mode',
  event_type: 'event_type',
  // Issue 15's breakdowns.
  support_type: 'contact_type',
  event_mode: 'event_mode',
  category: 'signposting_category',
  reason: 'closure_reason',
};

function setFor(breakdown: string, lists: ProgrammeList[] | undefined): Labels | undefined {
  const key = Object.hasOwn(PROGRAMME_BREAKDOWNS, breakdown) ? PROGRAMME_BREAKDOWNS[breakdown] : undefined;
  if (!key) return SETS[breakdown];
  const choices = listChoices(lists, key);
  return { list: lists?.find((l) => l.key === key)?.items ?? LIST_DEFINITIONS[key].seed, label: (c) => choices.label(c) };
}

interface Labels {
  list: readonly Code[];
  label: (code: string) => string;
}

const ages: Labels = { list: AGE_BANDS.map((a) => ({ code: a.code, label: a.code.replace('-', ' to ') })), label: (c) => c.replace('-', ' to ') };
const newOrContinuing: Labels = {
  list: [
    { code: 'new', label: 'New' },
    { code: 'continuing', label: 'Continuing' },
  ],
  label: (c) => (c === 'new' ? 'New' : c === 'continuing' ? 'Continuing' : c),
};

const SETS: Record<string, Labels> = {
  pathway,
  gender_identity: genderIdentity,
  ethnic_category: ethnicCategory,
  sexual_orientation: sexualOrientation,
  borough,
  age_band: ages,
  new_or_continuing: newOrContinuing,
  // Issue 15's breakdowns; "site" shows the ODS code as it is.
  borough_at_referral: borough,
  by: attendance,
  signposting_outcome: signpostingOutcome,
  area: goalArea,
  registration_outcome: fixedLabels([['attended', 'Came'], ['dropped_out', 'Registered, did not come']]),
  target: fixedLabels([['within_target', 'Within the target'], ['beyond_target', 'Beyond the target']]),
  outcome_at_period_end: fixedLabels([['accepted', 'Accepted'], ['declined', 'Declined'], ['not_contactable', 'Not contactable'], ['no_outcome_yet', 'No outcome yet']]),
  clinic_appointments: fixedLabels([['kept_all', 'Kept every appointment'], ['missed_some', 'Missed one or more']]),
};

function fixedLabels(pairs: [string, string][]): Labels {
  const list = pairs.map(([code, label]) => ({ code, label }));
  return { list, label: (c) => list.find((x) => x.code === c)?.label ?? c };
}

/** Where the return counts a missing answer (returns.ts names it so). */
const NOT_RECORDED = 'not_recorded';

export function categoryLabel(breakdown: string, category: string, lists?: ProgrammeList[]): string {
  if (category === NOT_RECORDED) return 'Not recorded';
  return setFor(breakdown, lists)?.label(category) ?? category;
}

export interface ChartRow {
  category: string;
  label: string;
  values: Record<string, number>;
  /** Series whose count is hidden ("*"): drawn as no bar, shown as "*" in the table. */
  hidden: Record<string, boolean>;
}

/**
 * One row per category found in any of the groups, in code-set order with "not recorded" last.
 * `groups` maps a series key (e.g. "current") to its group, which may be missing (nothing counted).
 */
export function chartRows(breakdown: string, groups: Record<string, CountGroup<Published> | undefined>, lists?: ProgrammeList[]): ChartRow[] {
  const keys = Object.keys(groups);
  const seen = new Set<string>();
  for (const g of Object.values(groups)) g?.categories.forEach((c) => seen.add(c.category));
  const order = setFor(breakdown, lists)?.list.map((c) => c.code) ?? [];
  const rank = (c: string) => (c === NOT_RECORDED ? Number.MAX_SAFE_INTEGER : order.indexOf(c) === -1 ? order.length : order.indexOf(c));
  return [...seen]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((category) => {
      const count = (k: string) => groups[k]?.categories.find((c) => c.category === category)?.count ?? 0;
      return {
        category,
        label: categoryLabel(breakdown, category, lists),
        values: Object.fromEntries(keys.map((k) => { const c = count(k); return [k, c === '*' ? 0 : c]; })),
        hidden: Object.fromEntries(keys.map((k) => [k, count(k) === '*'])),
      };
    });
}
