import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNhsNumber, isValidNhsNumber, nhsCheckDigit, nhsNumberProblem, normaliseNhsNumber } from '../../core/domain/nhsNumber';

const nineDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((d) => d.join(''));

describe('NHS Number', () => {
  it('accepts the Data Dictionary example, typed with or without spaces', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943-476-5919')).toBe(true);
  });

  it('refuses a wrong check digit, the wrong length, and letters', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    expect(isValidNhsNumber('943476591X')).toBe(false);
  });

  it('every nine-digit start has exactly one valid last digit, unless the check would be 10', () => {
    fc.assert(
      fc.property(nineDigits, (first) => {
        const check = nhsCheckDigit(first);
        const valid = [...'0123456789'].filter((d) => isValidNhsNumber(first + d));
        expect(valid).toEqual(check === null ? [] : [String(check)]);
      }),
    );
  });

  it('a single mistyped digit is always caught', () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (first, pos, delta) => {
        const check = nhsCheckDigit(first);
        fc.pre(check !== null);
        const good = first + check;
        const digits = [...good];
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        expect(isValidNhsNumber(digits.join(''))).toBe(false);
      }),
    );
  });

  it('is shown 3-3-4 and stored as ten digits', () => {
    fc.assert(
      fc.property(nineDigits, (first) => {
        const check = nhsCheckDigit(first);
        fc.pre(check !== null);
        const shown = formatNhsNumber(first + check);
        expect(shown).toMatch(/^\d{3} \d{3} \d{4}$/);
        expect(normaliseNhsNumber(shown)).toBe(first + check);
      }),
    );
  });

  it('explains what is wrong in the worker’s words', () => {
    expect(nhsNumberProblem('12345')).toBe('An NHS Number has 10 digits; this has 5.');
    expect(nhsNumberProblem('94347659A9')).toBe('An NHS Number has digits only.');
    expect(nhsNumberProblem('9434765918')).toMatch(/not a valid NHS Number/);
    expect(nhsNumberProblem('943 476 5919')).toBeNull();
  });
});
