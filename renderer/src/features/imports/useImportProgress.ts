// Progress of the import step under way: imports.check and imports.run stay pending until done,
// so the screen reads imports.progress meanwhile, as the export screen does.
import { useQuery } from '@tanstack/react-query';
import { callQuery } from '../../shared/queryKeys';

export function useImportProgress(running: boolean) {
  const progress = useQuery({ ...callQuery('imports.progress', {}), enabled: running, refetchInterval: 250, staleTime: 0, gcTime: 0 });
  return running && progress.data?.running && progress.data.total > 0 ? Math.round((100 * progress.data.done) / progress.data.total) : null;
}
