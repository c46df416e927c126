import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { newPersonSchema } from '../../core/domain/person';
import { fieldErrors } from '../../core/domain/validation';

const base = { preferredName: 'Jo', nhsNumber: '', dateOfBirth: '1990-02-03', referralReceivedOn: '2026-01-05', referralSource: 'self', pathway: 'other' };
const errors = (input: object) => {
  const r = newPersonSchema.safeParse({ ...base, ...input });
  return r.success ? {} : fieldErrors(r.error);
};

describe('a new person', () => {
  it('is accepted with no NHS Number, and stores a typed one as ten digits', () => {
    expect(newPersonSchema.parse(base).nhsNumber).toBeNull();
    expect(newPersonSchema.parse({ ...base, nhsNumber: ' 943 476 5919 ' }).nhsNumber).toBe('9434765919');
  });

  it('needs a name, and explains each refused field beside it', () => {
    expect(errors({ preferredName: '   ' })).toEqual({ preferredName: 'Enter the name the person likes to be called.' });
    expect(errors({ nhsNumber: '9434765918' })).toEqual({ nhsNumber: expect.stringMatching(/not a valid NHS Number/) });
  });

  it('refuses dates that cannot be right', () => {
    const tomorrow = dayjs().add(1, 'day').format('YYYY-MM-DD');
    expect(errors({ dateOfBirth: tomorrow })).toEqual({ dateOfBirth: 'The date of birth cannot be in the future.' });
    expect(errors({ referralReceivedOn: tomorrow })).toEqual({ referralReceivedOn: 'The referral date cannot be in the future.' });
    expect(errors({ referralReceivedOn: '1989-12-31' })).toEqual({ referralReceivedOn: 'The referral date cannot be before the date of birth.' });
    expect(errors({ dateOfBirth: '2023-02-29' })).toEqual({ dateOfBirth: 'Enter a real date, as DD/MM/YYYY.' });
    expect(errors({ dateOfBirth: '1850-01-01' })).toEqual({ dateOfBirth: 'Check the year of birth: it is before 1900.' });
  });

  it('accepts a leap day that exists', () => {
    expect(errors({ dateOfBirth: '2024-02-29' })).toEqual({});
  });
});
