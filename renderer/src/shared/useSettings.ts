// Workspace settings, shared by the settings screen and the screens whose wording depends on
// them ("no contact for 6 weeks").
import { useQuery } from '@tanstack/react-query';
import { call } from './api';

export const SETTINGS_KEY = ['settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => call('settings.get', {}) });
}
