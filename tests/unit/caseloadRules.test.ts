import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBand, ageOn } from '../../core/domain/age';
import { borough, ethnicCategory, genderIdentity, sexualOrientation } from '../../core/domain/codes';
import { isNewlyDiagnosed, statusAfterAttempt } from '../../core/domain/episode';
import type { PersonRecord } from '../../core/domain/record';
import { timeline } from '../../core/domain/timeline';
import { isWorkingDay, workingDaysBetween } from '../../core/domain/workingDays';

describe('working days', () => {
  it('skips weekends and England and Wales bank holidays', () => {
    expect(isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-25')).toBe(false); // Christmas Day
    expect(isWorkingDay('2026-12-28')).toBe(false); // Boxing Day substitute
    expect(isWorkingDay('2026-12-29')).toBe(true);
  });

  it('counts the days after the referral up to first contact', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-20')).toBe(0); // same day
    expect(workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1); // Friday → Monday
    expect(workingDaysBetween('2026-12-24', '2026-12-29')).toBe(1); // over Christmas
    expect(workingDaysBetween('2026-11-02', '2026-11-16')).toBe(10);
    expect(workingDaysBetween('2026-11-16', '2026-11-02')).toBe(0);
  });
});

describe('newly diagnosed', () => {
  it('means diagnosed within the set number of months before the referral', () => {
    expect(isNewlyDiagnosed('2026-01', '2026-03-10', 12)).toBe(true);
    expect(isNewlyDiagnosed('2025-03', '2026-03-10', 12)).toBe(true); // exactly 12 months
    expect(isNewlyDiagnosed('2025-02', '2026-03-10', 12)).toBe(false);
    expect(isNewlyDiagnosed('2026-04', '2026-03-10', 12)).toBe(false); // after the referral
    expect(isNewlyDiagnosed(null, '2026-03-10', 12)).toBe(false);
    expect(isNewlyDiagnosed('2025-02', '2026-03-10', 13)).toBe(true);
  });
});

describe('referral status after an attempt', () => {
  it('follows received → contact attempted → engaged | declined', () => {
    expect(statusAfterAttempt('received', 'no_answer')).toBe('contact_attempted');
    expect(statusAfterAttempt('contact_attempted', 'left_message')).toBe('contact_attempted');
    expect(statusAfterAttempt('contact_attempted', 'spoke_engaged')).toBe('engaged');
    expect(statusAfterAttempt('received', 'spoke_declined')).toBe('declined');
    expect(statusAfterAttempt('not_contactable', 'no_answer')).toBe('not_contactable');
  });
});

describe('age', () => {
  it('is whole years on the day, banded as returns ask', () => {
    expect(ageOn('2000-03-01', '2026-02-28')).toBe(25);
    expect(ageOn('2000-03-01', '2026-03-01')).toBe(26);
    expect(ageBand('2000-03-01', '2026-03-01')).toBe('25-34');
    expect(ageBand('2008-11-22', '2026-11-21')).toBe('0-17');
    expect(ageBand('1950-01-01', '2026-11-21')).toBe('65+');
    expect(ageBand(null, '2026-11-21')).toBe('Not known');
  });

  it('counts a birthday as reached on the day, leap days included, for any pair of dates', () => {
    expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
    expect(ageOn('2000-02-29', '2027-03-01')).toBe(27);
    // The calendar's own count: how many birthdays (month and day reached) since birth.
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map(iso);
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [birth, on] = a <= b ? [a, b] : [b, a];
        const [by, bm, bd] = birth.split('-').map(Number);
        const [y, m, d] = on.split('-').map(Number);
        expect(ageOn(birth, on)).toBe(y - by - (m < bm || (m === bm && d < bd) ? 1 : 0));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('code sets', () => {
  it('hold the NHS Data Dictionary codes', () => {
    expect(ethnicCategory.codes).toHaveLength(18);
    expect(ethnicCategory.label('N')).toBe('Black African');
    expect(genderIdentity.label('X')).toBe('Not known');
    expect(sexualOrientation.label('U')).toBe('Asked, does not know or is not sure');
    expect(borough.codes.filter((c) => c.startsWith('E09'))).toHaveLength(33);
    expect(borough.label('E09000033')).toBe('Westminster');
  });
});

describe('timeline', () => {
  it('lists everything newest first, keeping the recorded order on the same day', () => {
    const record = {
      episodes: [
        {
          id: 1,
          referralReceivedOn: '2026-01-01',
          pathway: 'opt_out_new_diagnosis',
          referralReasons: null,
          attempts: [{ attemptedOn: '2026-01-02', method: 'phone', outcome: 'no_answer', note: null }],
          contacts: [{ contactOn: '2026-01-05', type: 'one_to_one', mode: 'phone', attendance: 'dna', note: null }],
          goals: [{ setOn: '2026-01-05', description: 'Walk daily', reviews: [] }],
          signposting: [],
          closures: [],
        },
      ],
      riskFlags: [],
      groups: [],
      enteredInError: [
        { id: 1, kind: 'contact', recordId: 9, episodeId: 1, recordedOn: '2026-01-03', summary: '1-to-1 peer support, phone: Attended', note: null, recordsWithIt: 0, reason: 'Wrong person', markedAt: '2026-02-01T10:00:00Z', markedByName: 'Sam Peer' },
      ],
    } as unknown as PersonRecord;
    const items = timeline(record);
    expect(items.map((i) => i.title)).toEqual([
      'Goal set: Walk daily',
      '1-to-1 peer support, phone: Did not attend',
      '1-to-1 peer support, phone: Attended',
      'Contact attempt (phone call): No answer',
      'Referral received: Opt-out: new diagnosis',
    ]);
    // A record entered in error keeps its place by its own date, marked, with why and no actions.
    expect(items[2]).toMatchObject({ kind: 'entered_in_error', enteredInError: { kind: 'contact', reason: 'Wrong person' } });
    expect(items[2].record).toBeUndefined();
    expect(items.filter((i) => !i.enteredInError).every((i) => i.record)).toBe(true);
  });
});

describe('working days, counted the long way', () => {
  it('agrees with a day-by-day count over every pair of dates in a year', () => {
    const dates: string[] = [];
    for (let d = new Date(Date.UTC(2026, 0, 1)); d.getUTCFullYear() === 2026; d.setUTCDate(d.getUTCDate() + 1)) dates.push(d.toISOString().slice(0, 10));
    const slow = (from: string, to: string) => dates.filter((d) => d > from && d <= to && isWorkingDay(d)).length;
    for (let i = 0; i < dates.length; i += 3) {
      for (let j = i; j < dates.length; j += 5) expect(workingDaysBetween(dates[i], dates[j])).toBe(slow(dates[i], dates[j]));
    }
  });

  it('agrees across years, holidays at either end included', () => {
    const days: string[] = [];
    for (let d = new Date(Date.UTC(2023, 11, 20)); d.getUTCFullYear() < 2029; d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
    const slow = (from: string, to: string) => days.filter((d) => d > from && d <= to && isWorkingDay(d)).length;
    const day = fc.constantFrom(...days, '2024-12-25', '2025-12-26', '2027-01-01', '2028-12-26');
    fc.assert(
      fc.property(day, day, (from, to) => {
        expect(workingDaysBetween(from, to)).toBe(slow(from, to));
      }),
      { numRuns: 400 },
    );
  });
});
