// Settings and licence confirmations, stored as JSON values under their keys.
import { eq } from 'drizzle-orm';
import { DEFAULT_SETTINGS, LICENCES, settingsSchema, type LicenceId, type Licences, type Settings } from '../../core/domain/settings';
import { todayIso } from '../../core/domain/dates';
import { DomainError } from '../../core/domain/result';
import { settings } from '../schema';
import type { Orm, Queryable } from '../types';
import type { Actor } from './stamps';
import { memberNames } from './stamps';

export function getSettings(orm: Queryable): Settings {
  const stored: Record<string, unknown> = {};
  for (const row of orm.select().from(settings).all()) stored[row.key] = JSON.parse(row.value);
  // A value that no longer passes (e.g. a limit tightened in a later version) falls back to the default.
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const one = settingsSchema.shape[key].safeParse(stored[key]);
    if (one.success) merged[key] = one.data;
  }
  return merged as Settings;
}

function put(orm: Queryable, key: string, value: unknown) {
  orm.insert(settings)
    .values({ key, value: JSON.stringify(value) })
    .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value) } })
    .run();
}

export function getLicences(orm: Queryable): Licences {
  const row = orm.select().from(settings).where(eq(settings.key, 'licences')).get();
  return row ? (JSON.parse(row.value) as Licences) : {};
}

export function updateSettings(orm: Orm, patch: Partial<Settings>): Settings {
  if (patch.enabledInstruments) {
    const licences = getLicences(orm);
    const unlicensed = patch.enabledInstruments.filter((i) => Object.entries(LICENCES).some(([id, l]) => (l.instruments as readonly string[]).includes(i) && !licences[id as LicenceId]));
    if (unlicensed.length > 0) {
      throw new DomainError('VALIDATION', 'Confirm your organisation’s licence before switching these on.', {
        enabledInstruments: `Confirm your organisation’s licence first for: ${unlicensed.map((i) => i.toUpperCase()).join(', ')}.`,
      });
    }
  }
  orm.transaction((tx) => {
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) put(tx, key, value);
  });
  return getSettings(orm);
}

/** Records (or withdraws) a licence; withdrawing also switches its instruments off. */
export function confirmLicence(orm: Orm, licence: LicenceId, confirmed: boolean, actor: Actor): Licences {
  orm.transaction((tx) => {
    const licences = getLicences(tx);
    if (confirmed) licences[licence] = { confirmedOn: todayIso(actor.now), confirmedByName: memberNames(tx)(actor.memberId) };
    else {
      delete licences[licence];
      const current = getSettings(tx);
      put(tx, 'enabledInstruments', current.enabledInstruments.filter((i) => !(LICENCES[licence].instruments as readonly string[]).includes(i)));
    }
    put(tx, 'licences', licences);
  });
  return getLicences(orm);
}
