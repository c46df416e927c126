// Workspace settings, shared by the settings screen and the screens whose wording depends on
// them ("no contact for 6 weeks").
import { useQuery } from '@tanstack/react-query';
import { callQuery } from './queryKeys';

export function useSettings() {
  return useQuery(callQuery('settings.get', {}));
}
