// Which screen is showing. A small state machine rather than URL routing: the app has no
// address bar, and a person's record must never appear in a URL or a window title.
import { createContext, useContext } from 'react';
import type { PeopleListInput } from '../../../core/domain/person';

/** Caseload filters another screen may open the caseload with (My day's "and N more" links). */
export type CaseloadFilters = Pick<PeopleListInput, 'status' | 'referralStatus' | 'pathway' | 'siteId' | 'waiting' | 'inactive' | 'pastRetention' | 'sort'>;

export type Route =
  | { name: 'myDay' }
  | { name: 'caseload'; filters?: CaseloadFilters }
  | { name: 'person'; personId: number; tab?: string }
  | { name: 'groups'; eventId?: number }
  | { name: 'reports' }
  | { name: 'export' }
  | { name: 'combine' }
  | { name: 'import' }
  | { name: 'audit' }
  /** `section`: a Settings section's id to open at (SettingsScreen's sections), as Reports' "record it" does. */
  | { name: 'settings'; section?: string };

export interface Navigation {
  route: Route;
  go(route: Route): void;
}

export const NavigationContext = createContext<Navigation>({ route: { name: 'myDay' }, go: () => undefined });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
