// The instrument list and licence confirmations, shared by everything under outcomes/. Changing
// which instruments are on (or the interval) changes what is due on every record and on My day.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { callQuery, refresh } from '../../shared/queryKeys';

export function useInstruments() {
  return useQuery(callQuery('instruments.list', {}));
}

export function useLicences() {
  return useQuery(callQuery('licences.get', {}));
}

/** After instruments, licences or the interval change: what is offered and what is due. */
export function refreshAfterOutcomeSettings(queryClient: QueryClient): void {
  refresh(queryClient, 'instruments', 'myDay', 'people');
}
