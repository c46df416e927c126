// A person's whole record, cached under ['person', id]; every change to it replaces the cache.
import { useQuery } from '@tanstack/react-query';
import { call } from '../../shared/api';
import { personKey } from '../../shared/useSaveRecord';

export function usePerson(personId: number) {
  return useQuery({ queryKey: personKey(personId), queryFn: () => call('people.get', { id: personId }) });
}
