import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../core/domain/settings';
import { settings } from '../schema';
import type { Orm } from '../workspace';

export function getSettings(orm: Orm): Settings {
  const stored: Record<string, unknown> = {};
  for (const row of orm.select().from(settings).all()) stored[row.key] = JSON.parse(row.value);
  // A value that no longer passes (e.g. a limit tightened in a later version) falls back to the default.
  const merged = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const one = settingsSchema.shape[key].safeParse(stored[key]);
    if (one.success) merged[key] = one.data;
  }
  return merged;
}

export function updateSettings(orm: Orm, patch: Partial<Settings>): Settings {
  orm.transaction((tx) => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      tx.insert(settings)
        .values({ key, value: JSON.stringify(value) })
        .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value) } })
        .run();
    }
  });
  return getSettings(orm);
}
