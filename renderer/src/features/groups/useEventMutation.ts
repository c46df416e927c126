// Changes to an event's participants answer with the whole event: put it straight in the cache
// and let the lists recount.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GroupEvent } from '../../../../core/domain/group';

export function useEventMutation<I>(fn: (input: I) => Promise<GroupEvent>, onDone?: (event: GroupEvent, input: I) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (event, input) => {
      queryClient.setQueryData(['group', event.id], event);
      void queryClient.invalidateQueries({ queryKey: ['groups'] });
      onDone?.(event, input);
    },
  });
}
