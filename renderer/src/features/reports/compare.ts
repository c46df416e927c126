// A figure compared with the period before, in words: the arrow beside it is decoration, so the
// sentence alone must say which way and by how much (for screen readers, and for print).

export type Unit = 'count' | 'percent' | 'decimal';
export type Direction = 'up' | 'down' | 'same' | 'none';

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en-GB', { maximumFractionDigits: 1 });

/** A figure on screen: a number, none (null), or hidden as the published return hides it. */
export type Shown = number | '*' | null;

export function formatValue(value: Shown, unit: Unit): string {
  if (value === null) return '–';
  if (value === '*') return '*';
  if (unit === 'percent') return `${oneDecimal(value)}%`;
  if (unit === 'decimal') return oneDecimal(value);
  return value.toLocaleString('en-GB');
}

export interface Comparison {
  direction: Direction;
  text: string;
}

export function compare(current: Shown, previous: Shown, unit: Unit, previousLabel: string): Comparison {
  if (current === '*') return { direction: 'none', text: 'Hidden (*): a small number, or one that would give a small number away' };
  if (previous === '*') return { direction: 'none', text: `Not compared: the figure for ${previousLabel} is hidden (*)` };
  if (current === null) return { direction: 'none', text: `Nothing to work this out from; ${formatValue(previous, unit)} in ${previousLabel}` };
  if (previous === null) return { direction: 'none', text: `No figure for ${previousLabel} to compare with` };
  const diff = Math.round((current - previous) * 10) / 10;
  const was = formatValue(previous, unit);
  if (diff === 0) return { direction: 'same', text: `Same as ${previousLabel} (${was})` };
  const by = unit === 'percent' ? `${oneDecimal(Math.abs(diff))} percentage points` : unit === 'decimal' ? oneDecimal(Math.abs(diff)) : Math.abs(diff).toLocaleString('en-GB');
  return { direction: diff > 0 ? 'up' : 'down', text: `${diff > 0 ? 'Up' : 'Down'} ${by} from ${was} in ${previousLabel}` };
}
