// Changes to an event's participants answer with the whole event: put it straight in the cache
// and let the lists recount.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GroupEvent } from '../../../../core/domain/group';
import { refresh, setAnswer } from '../../shared/queryKeys';

export function useEventMutation<I>(fn: (input: I) => Promise<GroupEvent>, onDone?: (event: GroupEvent, input: I) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (event, input) => {
      setAnswer(queryClient, 'groups.get', { id: event.id }, event);
      refresh(queryClient, 'groups.list');
      onDone?.(event, input);
    },
  });
}
