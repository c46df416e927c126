// Query keys for the settings screen's member panels.
export const MEMBERS_KEY = ['members'] as const;
