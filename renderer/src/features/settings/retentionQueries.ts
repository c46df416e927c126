// The records past retention, shared by the Retention panel and whatever changes the setting.
export const RETENTION_KEY = ['retention'] as const;
