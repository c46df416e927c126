// A start time typed the way people write times is read as the time they meant; anything else is
// refused with a reason rather than saved as no time.
import { describe, expect, it } from 'vitest';
import { readTypedTime } from '../../core/domain/typedTime';

describe('a typed time of day', () => {
  it.each([
    ['9:30', '09:30'],
    ['09:30', '09:30'],
    ['0930', '09:30'],
    ['930', '09:30'],
    ['9.30', '09:30'],
    [' 14:45 ', '14:45'],
    ['14', '14:00'],
    ['7', '07:00'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
  ])('"%s" is %s', (typed, time) => {
    expect(readTypedTime(typed)).toEqual({ ok: true, time });
  });

  it('left blank is no time', () => {
    expect(readTypedTime('')).toEqual({ ok: true, time: null });
    expect(readTypedTime('   ')).toEqual({ ok: true, time: null });
  });

  it.each(['9:3x', '9:5', '12:345', 'half nine', '9:30pm', '-1:00', ':30'])('"%s" is refused as not a time', (typed) => {
    const read = readTypedTime(typed);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toBe('Enter a time on the 24-hour clock, such as 09:30 or 14:45, or leave it blank.');
  });

  it.each(['25:00', '24:00', '12:60', '45', '9999'])('"%s" is refused as no time of day, naming what was typed', (typed) => {
    const read = readTypedTime(typed);
    expect(read).toEqual({ ok: false, message: `There is no ${typed} in a day: enter a time from 00:00 to 23:59.` });
  });
});
