// A person's whole record, cached under people.get's key; every change to it replaces the cache.
import { useQuery } from '@tanstack/react-query';
import { callQuery } from '../../shared/queryKeys';

export function usePerson(personId: number) {
  return useQuery(callQuery('people.get', { id: personId }));
}
