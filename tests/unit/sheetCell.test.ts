// A workbook cell's type, from a value and its column: what Excel will show the person.
import { describe, expect, it } from 'vitest';
import { columnById } from '../../core/domain/export/catalogue';
import { dateCell, sheetCell, sheetCellWriter } from '../../core/domain/export/sheetCell';

const column = (id: string) => columnById('referrals', id)!;
const codes = { codeStyle: 'both' as const };

describe('workbook cells', () => {
  it('keeps identifiers as text, leading zeros and all, even when stored as a number', () => {
    expect(sheetCell('00123456', column('hospital_number'), codes)).toEqual({ text: '00123456' });
    expect(sheetCell(42, column('referral_id'), codes)).toEqual({ text: '42' });
    expect(sheetCell('-0042', column('hospital_number'), codes)).toEqual({ text: '-0042' });
  });

  it('writes text that a spreadsheet would run as it is, as text (a workbook cell never runs)', () => {
    expect(sheetCell('=1+1', column('preferred_name'), codes)).toEqual({ text: '=1+1' });
    expect(sheetCell('@SUM(A1)', column('preferred_name'), codes)).toEqual({ text: '@SUM(A1)' });
  });

  it('makes real dates of ISO dates and keeps anything else as recorded', () => {
    expect(sheetCell('2026-10-31', column('referral_received_on'), codes)).toEqual({ date: '2026-10-31' });
    expect(sheetCell('2026-10-31T09:15:00Z', column('referral_received_on'), codes)).toEqual({ date: '2026-10-31' });
    expect(dateCell('2026-02-30')).toEqual({ text: '2026-02-30' });
    expect(dateCell('31/10/2026')).toEqual({ text: '31/10/2026' });
  });

  it('writes counts as numbers, Y/N as text, codes in the profile’s style, and blanks as empty cells', () => {
    expect(sheetCell(3, column('contacts_attended'), codes)).toEqual({ number: 3 });
    expect(sheetCell('n/a', column('contacts_attended'), codes)).toEqual({ text: 'n/a' });
    expect(sheetCell(1, column('newly_diagnosed'), codes)).toEqual({ text: 'Y' });
    expect(sheetCell(0, column('newly_diagnosed'), codes)).toEqual({ text: 'N' });
    expect(sheetCell('self', column('referral_source'), { codeStyle: 'code' })).toEqual({ text: 'self' });
    expect(sheetCell('self', column('referral_source'), codes)).toEqual({ text: `self ${column('referral_source').codes!.label('self')}` });
    for (const blank of [null, undefined, '']) expect(sheetCell(blank, column('hospital_number'), codes)).toBeNull();
  });

  it('remembers a code’s cell, blanks included, without mixing values up', () => {
    const write = sheetCellWriter(column('referral_received_on'), codes);
    expect([write('2026-10-01'), write(null), write('2026-10-02'), write('2026-10-01'), write(null)]).toEqual([{ date: '2026-10-01' }, null, { date: '2026-10-02' }, { date: '2026-10-01' }, null]);
  });
});
