// Running an export and watching it: exports.run stays pending until the file is complete, so
// progress is read from exports.progress every quarter second meanwhile. Both are ordinary
// async calls, so the page keeps responding however long the export takes; it can be cancelled.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RunExportInput } from '../../../../core/domain/export/request';
import { call } from '../../shared/api';
import { callQuery, refresh } from '../../shared/queryKeys';

export const POLL_MS = 250;

export function useExportRun() {
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: (input: RunExportInput) => call('exports.run', input),
    // A finished export, and only a finished one, adds a line to the log.
    onSuccess: () => refresh(queryClient, 'exports.log'),
  });
  const progress = useQuery({
    ...callQuery('exports.progress', {}),
    enabled: run.isPending,
    refetchInterval: POLL_MS,
    staleTime: 0,
    gcTime: 0,
  });
  // Figures left from an earlier export are not this one's: only a running export counts.
  const live = run.isPending && progress.data?.running ? progress.data : null;
  // exports.run then answers CANCELLED, which the page shows as "Export cancelled".
  const cancel = () => void call('exports.cancel', {});
  return { run, progress: live, cancel };
}
