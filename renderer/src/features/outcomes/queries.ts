// The instrument list and licence confirmations, shared by everything under outcomes/. Changing
// which instruments are on (or the interval) changes what is due on every record and on My day.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { call } from '../../shared/api';

export const INSTRUMENTS_KEY = ['instruments'] as const;
export const LICENCES_KEY = ['licences'] as const;

export function useInstruments() {
  return useQuery({ queryKey: INSTRUMENTS_KEY, queryFn: () => call('instruments.list', {}) });
}

export function useLicences() {
  return useQuery({ queryKey: LICENCES_KEY, queryFn: () => call('licences.get', {}) });
}

/** After instruments, licences or the interval change: what is offered and what is due. */
export function refreshAfterOutcomeSettings(queryClient: QueryClient): void {
  for (const queryKey of [INSTRUMENTS_KEY, ['myDay'], ['people'], ['person']]) void queryClient.invalidateQueries({ queryKey });
}
