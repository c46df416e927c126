// The caseload's search, filters and sort as the worker left them, so coming back from a record
// (or from another screen) shows the same list rather than starting again. Held by the signed-in
// workspace in memory only: locking forgets it, and it is never stored or put in a title.
import { createContext, useContext } from 'react';
import type { FilterState } from './filters';

export interface CaseloadView {
  search: string;
  filters: FilterState;
}

/** A React ref's shape, so the workspace can hand its own useRef straight in. */
export interface RememberedView {
  current: CaseloadView | null;
}

export const CaseloadViewContext = createContext<RememberedView>({ current: null });

export function useRememberedView(): RememberedView {
  return useContext(CaseloadViewContext);
}
