import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, isWellFormedRecoveryKey, newRecoveryKey, normaliseRecoveryKey } from '../../db/recoveryKey';

describe('recovery key', () => {
  it('is eight groups of four readable characters, different every time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newRecoveryKey()));
    expect(keys.size).toBe(200);
    for (const k of keys) {
      expect(k).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(isWellFormedRecoveryKey(k)).toBe(true);
    }
  });

  it('forgives case, spaces and look-alike letters when retyped', () => {
    const k = newRecoveryKey();
    const typed = k.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normaliseRecoveryKey(typed)).toBe(normaliseRecoveryKey(k));
    expect(formatRecoveryKey(typed)).toBe(k);
  });

  it('rejects a key of the wrong length', () => {
    expect(isWellFormedRecoveryKey('ABCD-EFGH')).toBe(false);
  });
});
