// The caseload's filter state: what the worker has chosen, its defaults, and how it becomes a
// people.list query. Kept apart from the controls so My day's links can build the same thing.
import type { PeopleListInput } from '../../../../core/domain/person';
import type { PeopleFilter } from './CaseloadTable';
import type { CaseloadFilters } from '../../shared/navigation';

export type EpisodeStatus = 'open' | 'closed' | 'all';
export type Sort = NonNullable<PeopleListInput['sort']>;

export interface FilterState {
  status: EpisodeStatus;
  referralStatus: string | null;
  pathway: string | null;
  siteId: number | null;
  waiting: boolean;
  inactive: boolean;
  /** Closed records kept longer than the retention setting (Settings → Retention). */
  pastRetention: boolean;
  sort: Sort;
}

export const DEFAULT_FILTERS: FilterState = {
  status: 'all',
  referralStatus: null,
  pathway: null,
  siteId: null,
  waiting: false,
  inactive: false,
  pastRetention: false,
  sort: 'recent',
};

export const SORT_OPTIONS: { value: Sort; label: string }[] = [
  { value: 'recent', label: 'Most recently added' },
  { value: 'name', label: 'Name (A to Z)' },
  { value: 'caseId', label: 'Case ID' },
  { value: 'referred', label: 'Referral date (newest first)' },
  { value: 'waitingLongest', label: 'Referral date (oldest first)' },
  { value: 'lastContact', label: 'Last contact (newest first)' },
];

export function fromRoute(filters: CaseloadFilters | undefined): FilterState {
  return {
    status: filters?.status ?? DEFAULT_FILTERS.status,
    referralStatus: filters?.referralStatus ?? null,
    pathway: filters?.pathway ?? null,
    siteId: filters?.siteId ?? null,
    waiting: filters?.waiting ?? false,
    inactive: filters?.inactive ?? false,
    pastRetention: filters?.pastRetention ?? false,
    sort: filters?.sort ?? DEFAULT_FILTERS.sort,
  };
}

/** Only what differs from the defaults goes in the query (and in its cache key). */
export function toQuery(f: FilterState): PeopleFilter {
  return {
    ...(f.status !== 'all' ? { status: f.status } : {}),
    ...(f.referralStatus ? { referralStatus: f.referralStatus } : {}),
    ...(f.pathway ? { pathway: f.pathway } : {}),
    ...(f.siteId ? { siteId: f.siteId } : {}),
    ...(f.waiting ? { waiting: true } : {}),
    ...(f.inactive ? { inactive: true } : {}),
    ...(f.pastRetention ? { pastRetention: true } : {}),
    ...(f.sort !== 'recent' ? { sort: f.sort } : {}),
  };
}

/** True when any filter (not the sort order) narrows the list. */
export function isFiltered(f: FilterState): boolean {
  return f.status !== 'all' || !!f.referralStatus || !!f.pathway || !!f.siteId || f.waiting || f.inactive || f.pastRetention;
}

export function clearFilters(f: FilterState): FilterState {
  return { ...DEFAULT_FILTERS, sort: f.sort };
}
