// Cache keys for the export screen, in one place so a change to one list refreshes the others.
export const PROFILES_KEY = ['exports', 'profiles'] as const;
export const LOG_KEY = ['exports', 'log'] as const;
export const PROGRESS_KEY = ['exports', 'progress'] as const;
