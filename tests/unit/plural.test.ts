import { describe, expect, it } from 'vitest';
import { countOf, pluralWord } from '../../core/domain/plural';

describe('counts in words', () => {
  it('says "1 contact, 1 person" and "2 contacts, 3 people"', () => {
    expect(`${countOf(1, 'contact')}, ${countOf(1, 'person', 'people')}`).toBe('1 contact, 1 person');
    expect(`${countOf(2, 'contact')}, ${countOf(3, 'person', 'people')}`).toBe('2 contacts, 3 people');
  });

  it('takes the plural for none, for fractions and for a hidden count', () => {
    expect(countOf(0, 'record')).toBe('0 records');
    expect(countOf(1.5, 'week')).toBe('1.5 weeks');
    expect(countOf('*', 'person', 'people')).toBe('* people');
  });

  it('shows thousands with a separator', () => {
    expect(countOf(1250, 'person', 'people')).toBe('1,250 people');
    expect(countOf(1_000_001, 'entry', 'entries')).toBe('1,000,001 entries');
  });

  it('gives the word alone, for sentences that put the count elsewhere', () => {
    expect(`1 ${pluralWord(1, 'person matches', 'people match')}`).toBe('1 person matches');
    expect(`4 ${pluralWord(4, 'person matches', 'people match')}`).toBe('4 people match');
    expect(pluralWord(1, 'is', 'are')).toBe('is');
    expect(pluralWord(2, 'is', 'are')).toBe('are');
  });
});
