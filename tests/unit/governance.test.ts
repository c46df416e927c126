// Retention dates (exactly N years, leap days) and the text rule of the PDF copy.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPastRetention, retentionCutoff, retentionEnds, yearsSince } from '../../core/domain/retention';
import { settingsSchema, DEFAULT_SETTINGS } from '../../core/domain/settings';
import { subjectAccessFileName } from '../../core/domain/subjectAccess';
import { drawableText, hasRightToLeft } from '../../core/domain/drawableText';

describe('retention', () => {
  it('keeps a record through the last day of its period and lists it from the day after', () => {
    expect(retentionEnds('2018-06-15', 8)).toBe('2026-06-15');
    expect(isPastRetention('2018-06-15', 8, '2026-06-15')).toBe(false);
    expect(isPastRetention('2018-06-15', 8, '2026-06-16')).toBe(true);
    expect(isPastRetention('2018-06-16', 8, '2026-06-16')).toBe(false);
  });

  it('care ending on 29 February is kept until 1 March in a year without one, and 29 February in a year with one', () => {
    expect(retentionEnds('2020-02-29', 1)).toBe('2021-03-01');
    expect(isPastRetention('2020-02-29', 1, '2021-03-01')).toBe(false);
    expect(isPastRetention('2020-02-29', 1, '2021-03-02')).toBe(true);
    expect(retentionEnds('2016-02-29', 8)).toBe('2024-02-29');
    expect(isPastRetention('2016-02-29', 8, '2024-03-01')).toBe(true);
    // 28 February is an ordinary day.
    expect(isPastRetention('2020-02-28', 1, '2021-03-01')).toBe(true);
  });

  it('the cutoff a query compares with agrees with the rule on every date, leap days included', () => {
    const day = fc.date({ min: new Date('1990-01-01T12:00:00Z'), max: new Date('2060-12-31T12:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 30 }), (today, back, years) => {
        const cutoff = retentionCutoff(today, years);
        // Dates near the boundary: `back` days either side of the same day `years` ago.
        const d = new Date(`${today}T12:00:00Z`);
        d.setUTCFullYear(d.getUTCFullYear() - years);
        d.setUTCDate(d.getUTCDate() - 400 + back);
        const ended = d.toISOString().slice(0, 10);
        return isPastRetention(ended, years, today) === ended < cutoff;
      }),
      { numRuns: 3000 },
    );
    for (const today of ['2024-02-29', '2024-03-01', '2025-02-28', '2025-03-01', '2025-03-02']) {
      for (const ended of ['2016-02-28', '2016-02-29', '2016-03-01', '2017-02-28', '2017-03-01', '2024-02-29', '2024-03-01']) {
        for (const years of [1, 8, 9]) expect(ended < retentionCutoff(today, years), `${ended} +${years} on ${today}`).toBe(isPastRetention(ended, years, today));
      }
    }
  });

  it('counts whole years since care ended', () => {
    expect(yearsSince('2017-11-21', '2026-11-21')).toBe(9);
    expect(yearsSince('2017-11-22', '2026-11-21')).toBe(8);
  });

  it('is a setting from 1 to 30 years, 8 unless changed', () => {
    expect(DEFAULT_SETTINGS.retentionYears).toBe(8);
    expect(settingsSchema.shape.retentionYears.safeParse(0).success).toBe(false);
    expect(settingsSchema.shape.retentionYears.safeParse(31).success).toBe(false);
    expect(settingsSchema.shape.retentionYears.safeParse(30).success).toBe(true);
    expect(settingsSchema.shape.retentionYears.safeParse(7.5).success).toBe(false);
  });
});

describe('subject access copy', () => {
  it('names the file by case ID and day only', () => {
    expect(subjectAccessFileName('PS-7K2M-Q9XD', 'pdf', '2026-11-21')).toBe('subject-access-PS-7K2M-Q9XD-2026-11-21.pdf');
  });

  it('keeps what the PDF font can draw, simplifies accented letters it lacks, marks the rest, and says when it did', () => {
    // A font with Latin letters (but no ễ), digits, punctuation and spaces, and nothing else.
    const font = (ch: string) => /[\p{Script=Latin}\p{N}\p{P}\p{Zs}£€]/u.test(ch) && ch !== 'ễ';
    expect(drawableText('Łucja Öztürk – “quoted” £5 €', font)).toEqual({ text: 'Łucja Öztürk – “quoted” £5 €', changed: false });
    expect(drawableText('Nguyễn Жуков', font)).toEqual({ text: 'Nguyen ?????', changed: true });
    // Combining accents become the composed letter where the font has it.
    expect(drawableText('Jose\u0301', font)).toEqual({ text: 'José', changed: false });
    expect(drawableText('名前 ok 🙂', font)).toEqual({ text: '?? ok ?', changed: true });
    expect(drawableText('line one\r\nline\ttwo', font)).toEqual({ text: 'line one\nline two', changed: false });
    // A control character is dropped, never drawn, even by a font that claims to have it.
    expect(drawableText('bell\u0007', () => true)).toEqual({ text: 'bell', changed: true });
  });

  it('knows text whose right-to-left letters the PDF may not order as typed', () => {
    expect(hasRightToLeft('محمد')).toBe(true);
    expect(hasRightToLeft('Miriam מרים')).toBe(true);
    expect(hasRightToLeft('Łucja Ψάρρας Жуков 12')).toBe(false);
  });
});
