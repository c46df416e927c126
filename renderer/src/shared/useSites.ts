// Clinic sites, fetched once and shared by every screen with a site picker.
import { useQuery } from '@tanstack/react-query';
import type { Site } from '../../../core/domain/site';
import { callQuery } from './queryKeys';

export function useSites() {
  return useQuery(callQuery('sites.list', {}));
}

/** Options for a site picker: active sites, plus the one already chosen even if now inactive. */
export function siteOptions(sites: Site[] | undefined, chosen?: number | null) {
  return (sites ?? [])
    .filter((s) => s.active || s.id === chosen)
    .map((s) => ({ value: String(s.id), label: s.active ? `${s.name} (${s.odsCode})` : `${s.name} (${s.odsCode}, no longer used)` }));
}
