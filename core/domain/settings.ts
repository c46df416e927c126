// Workspace settings with their defaults and limits, in one place.
import { z } from 'zod';

export const settingsSchema = z.object({
  /** Lock after this many idle minutes: clinical systems lock at 5–15. */
  idleLockMinutes: z
    .number({ error: 'Enter a number of minutes.' })
    .int({ error: 'Enter a whole number of minutes.' })
    .min(1, { error: 'Lock after at least 1 minute.' })
    .max(15, { error: 'Lock after 15 minutes at most: the caseload must not stay open on an empty desk.' }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { idleLockMinutes: 5 };

export const settingsPatchSchema = settingsSchema.partial();
