// How an import reads a spreadsheet's cells: dates as clinics in England write them (day first),
// Excel's day numbers, "nothing" written many ways, and codes as codes, labels or shorthand.
import { describe, expect, it } from 'vitest';
import { fieldById } from '../../core/domain/import/fields';
import { cellText, excelSerialToIso, readDate, readMonth, recogniseCode } from '../../core/domain/import/values';

const TODAY = '2026-12-07';
const date = (cell: string | number) => readDate(cell, TODAY);

describe('dates', () => {
  it.each([
    ['03/04/1985', '1985-04-03'],
    ['3/4/1985', '1985-04-03'],
    ['03-04-1985', '1985-04-03'],
    ['03.04.1985', '1985-04-03'],
    ['3/4/85', '1985-04-03'],
    ['1/2/24', '2024-02-01'],
    ['1/2/27', '1927-02-01'],
    ['1985-04-03', '1985-04-03'],
    ['1985-04-03T00:00:00.000Z', '1985-04-03'],
    ['03/04/1985 00:00', '1985-04-03'],
    ['15 Mar 2024', '2024-03-15'],
    ['15-Mar-24', '2024-03-15'],
    ['1 September 2020', '2020-09-01'],
    ['45366', '2024-03-15'],
    [45366, '2024-03-15'],
    [36526, '2000-01-01'],
  ])('%s is %s', (cell, iso) => {
    expect(date(cell)).toEqual({ ok: true, value: iso });
  });

  it('refuses dates that do not exist, month-first dates past the 12th, and words, saying why', () => {
    expect(date('31/02/1990')).toEqual({ ok: false, problem: '“31/02/1990” is not a real date: dates are read day first, as DD/MM/YYYY.' });
    expect(date('04/31/2024')).toMatchObject({ ok: false });
    expect(date('1985-02-30')).toEqual({ ok: false, problem: '“1985-02-30” is not a real date.' });
    expect(date('next week')).toEqual({ ok: false, problem: '“next week” is not a date this import understands: use DD/MM/YYYY.' });
    expect(date(12)).toMatchObject({ ok: false });
  });

  it('counts Excel days from 1899-12-30, past its 29 February 1900', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45366.75)).toBe('2024-03-15');
    expect(excelSerialToIso(60)).toBeNull();
  });

  it('reads a diagnosis month as a month, or the month of a whole date; a year alone is not enough', () => {
    expect(readMonth('Mar 2019', TODAY)).toEqual({ ok: true, value: '2019-03' });
    expect(readMonth('03/2019', TODAY)).toEqual({ ok: true, value: '2019-03' });
    expect(readMonth('2019-3', TODAY)).toEqual({ ok: true, value: '2019-03' });
    expect(readMonth('14/03/2019', TODAY)).toEqual({ ok: true, value: '2019-03' });
    expect(readMonth(43538, TODAY)).toEqual({ ok: true, value: '2019-03' });
    expect(readMonth('2019', TODAY)).toEqual({ ok: false, problem: '“2019” is a year only: the diagnosis needs a month and year.' });
    expect(readMonth('13/2019', TODAY)).toMatchObject({ ok: false });
  });
});

describe('blanks', () => {
  it('treats N/A, dashes, NULL and spaces as nothing, and trims what is there', () => {
    for (const nothing of ['', '   ', 'N/A', ' n/a ', 'NA', '-', '—', 'NULL', 'none', '#N/A', '\u00a0']) expect(cellText(nothing), JSON.stringify(nothing)).toBeNull();
    expect(cellText('  Ben Carter \u00a0')).toBe('Ben Carter');
    expect(cellText('Not known')).toBe('Not known');
    expect(cellText(null)).toBeNull();
  });
});

describe('codes', () => {
  const code = (field: Parameters<typeof fieldById>[0], text: string) => recogniseCode(fieldById(field), text);
  it('knows a code by its code, its label in any case and spacing, or the shorthand clinics use', () => {
    expect(code('genderIdentity', 'F')).toBe('2');
    expect(code('genderIdentity', 'male')).toBe('1');
    expect(code('genderIdentity', 'Non-binary')).toBe('3');
    expect(code('ethnicCategory', 'Black African')).toBe('N');
    expect(code('ethnicCategory', 'BLACK  african')).toBe('N');
    expect(code('ethnicCategory', 'n')).toBe('N');
    expect(code('ethnicCategory', '99')).toBe('99');
    expect(code('ethnicCategory', 'Prefer not to say')).toBe('Z');
    expect(code('borough', 'Hammersmith & Fulham')).toBe('E09000013');
    expect(code('borough', 'e09000022')).toBe('E09000022');
    expect(code('sexualOrientation', 'Straight')).toBe('1');
    expect(code('referralSource', 'Self referral')).toBe('self');
    expect(code('pathway', 'Re-engaging in care')).toBe('opt_out_reengagement');
  });

  it('leaves a word it does not know for the coordinator to say', () => {
    expect(code('ethnicCategory', 'Afr.')).toBeNull();
    expect(code('genderIdentity', 'X-ray')).toBeNull();
  });
});
