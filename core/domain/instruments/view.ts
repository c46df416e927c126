// What the renderer is told about each instrument: its definition, whether it is switched on,
// and its item wording only where no licence is needed or the licence is confirmed.
import type { Licences, Settings } from '../settings';
import { licenceFor } from '../settings';
import { INSTRUMENTS } from './definitions';
import type { InstrumentDefinition } from './types';

export interface InstrumentView extends InstrumentDefinition {
  enabled: boolean;
  /** False while a licence is needed and not yet confirmed: wording hidden, cannot be switched on. */
  licensed: boolean;
}

export function instrumentViews(settings: Settings, licences: Licences): InstrumentView[] {
  return Object.values(INSTRUMENTS).map((def) => {
    const licence = licenceFor(def.id);
    const licensed = !def.licence.requiresConfirmation || (licence !== null && !!licences[licence]);
    return {
      ...def,
      items: def.items.map((i) => ({ ...i, text: licensed ? i.text : null })),
      enabled: licensed && settings.enabledInstruments.includes(def.id),
      licensed,
    };
  });
}
