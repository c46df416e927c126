import { describe, expect, it, vi } from 'vitest';
import { checkPassphrase, suggestPassphrase } from '../../core/domain/passphrase';

describe('passphrase policy', () => {
  it('refuses anything shorter than 12 characters', () => {
    const r = checkPassphrase('Xq7!vB2#kL');
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/at least 12 characters/);
  });

  it('refuses common passwords even when long enough', () => {
    for (const common of ['password1234', 'qwertyuiop123', '123456789012']) {
      expect(checkPassphrase(common).ok, common).toBe(false);
    }
    expect(checkPassphrase('password1234').problem).toMatch(/commonly used|easy to guess/);
  });

  it('refuses long but guessable patterns', () => {
    expect(checkPassphrase('aaaaaaaaaaaaaaaa').ok).toBe(false);
    expect(checkPassphrase('abcdefghijklmnop').ok).toBe(false);
  });

  it('accepts three random words', () => {
    const r = checkPassphrase('violet harbour tractor');
    expect(r).toEqual({ ok: true, score: expect.any(Number), problem: null });
    expect(r.score).toBeGreaterThanOrEqual(3);
  });

  it('suggests three words that pass the policy', () => {
    let seed = 7;
    const random = (max: number) => (seed = (seed * 16807) % 2147483647) % max;
    for (let i = 0; i < 20; i++) {
      const s = suggestPassphrase(random);
      expect(s.split(' ')).toHaveLength(3);
      expect(checkPassphrase(s).ok, s).toBe(true);
    }
  });
});

describe('long passphrases', () => {
  it('only the first 100 characters are scored by zxcvbn, so a 1,024-character passphrase is checked at once', async () => {
    const { ZxcvbnFactory } = await import('@zxcvbn-ts/core');
    const check = vi.spyOn(ZxcvbnFactory.prototype, 'check');
    try {
      const words = 'violet harbour tractor sunrise quietly meadow copper lantern ';
      const long = words.repeat(20).slice(0, 1024);
      const result = checkPassphrase(long);
      expect(result.ok).toBe(true);
      expect(check).toHaveBeenCalled();
      for (const [scored] of check.mock.calls) expect(scored.length).toBeLessThanOrEqual(100);
      expect(check.mock.calls[0][0]).toBe(long.slice(0, 100));
      // The same answer as for its first 100 characters.
      expect(result).toEqual(checkPassphrase(long.slice(0, 100)));
      expect(checkPassphrase('x'.repeat(1024))).toEqual(checkPassphrase('x'.repeat(100)));
      // Characters beyond one code unit are never cut in half.
      const emoji = '🦊'.repeat(600);
      check.mockClear();
      checkPassphrase(emoji);
      expect(check.mock.calls[0][0]).toBe('🦊'.repeat(100));
    } finally {
      check.mockRestore();
    }
  });
});
