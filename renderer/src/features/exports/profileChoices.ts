// What the profile picker offers: the aggregate return first (what most managers send), then the
// built-in row-level profiles, then the workspace's own.
import type { ExportProfile } from '../../../../core/domain/export/profile';
import { BUILT_IN_PROFILES } from '../../../../core/domain/export/profile';
import type { ReturnLayout } from '../../../../core/domain/export/returnLayout';
import { MONTHLY_RETURN_ID } from '../../../../core/domain/export/request';

export const MONTHLY_RETURN_LABEL = 'Monthly activity return';

const isBuiltIn = (id: string) => BUILT_IN_PROFILES.some((b) => b.id === id);

export function profileLabel(p: ExportProfile): string {
  return p.identifiable ? `${p.name} (identifiable)` : p.name;
}

/** `layouts`: the trust's layouts of the same return (its column names, its codes, long or wide). */
export function profileChoices(profiles: ExportProfile[], layouts: readonly ReturnLayout[] = []) {
  const custom = profiles.filter((p) => !isBuiltIn(p.id));
  return [
    {
      group: 'Aggregate return',
      items: [
        { value: MONTHLY_RETURN_ID, label: `${MONTHLY_RETURN_LABEL} (small numbers hidden)` },
        ...layouts.map((l) => ({ value: l.id, label: `${l.name} (monthly return, ${l.layout === 'wide' ? 'one row per period' : 'one row per figure'})` })),
      ],
    },
    { group: 'Built-in, one row each', items: profiles.filter((p) => isBuiltIn(p.id)).map((p) => ({ value: p.id, label: profileLabel(p) })) },
    { group: 'Custom profiles', items: custom.map((p) => ({ value: p.id, label: profileLabel(p) })) },
  ].filter((g) => g.items.length > 0);
}

export { isBuiltIn };
