// Sealing keys derived from a wrong guess are zeroed, not left for the garbage collector: every
// Argon2id and HKDF output is watched, and after a failed attempt none still holds key bytes.
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { forget, newEnvelope, openWithPassphrase, openWithRecoveryKey, preparePassphrase, prepareRecoveryKey } from '../../db/keyEnvelope';
import { newRecoveryKey } from '../../db/recoveryKey';
import { TEST_ARGON2 } from '../support/workspace';

const derived = vi.hoisted(() => ({ argon2: [] as Buffer[], hkdf: [] as ArrayBuffer[] }));

vi.mock('@node-rs/argon2', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...actual,
    hashRaw: async (...args: Parameters<typeof actual.hashRaw>) => {
      const out = await actual.hashRaw(...args);
      derived.argon2.push(out);
      return out;
    },
  };
});

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return {
    ...actual,
    hkdfSync: (...args: Parameters<typeof actual.hkdfSync>) => {
      const out = actual.hkdfSync(...args);
      derived.hkdf.push(out);
      return out;
    },
  };
});

const zeroed = (b: Buffer | ArrayBuffer) => Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b).every((x) => x === 0);

async function envelope() {
  const recoveryKey = newRecoveryKey();
  const { envelope } = newEnvelope(randomUUID(), randomBytes(32), [
    { type: 'passphrase', memberId: 1, label: 'Sam', secret: await preparePassphrase('violet harbour tractor', TEST_ARGON2) },
    { type: 'passphrase', memberId: 2, label: 'Ade', secret: await preparePassphrase('copper lantern meadow', TEST_ARGON2) },
    { type: 'recovery', memberId: null, secret: prepareRecoveryKey(recoveryKey) },
  ]);
  derived.argon2.length = 0;
  derived.hkdf.length = 0;
  return { envelope, recoveryKey };
}

describe('keys derived from wrong guesses', () => {
  it('a wrong passphrase leaves no sealing key behind, for any slot it was tried on', async () => {
    const { envelope: e } = await envelope();
    expect(await openWithPassphrase(e, 'not the passphrase at all')).toBeNull();
    expect(derived.argon2).toHaveLength(2);
    expect(derived.argon2.every(zeroed)).toBe(true);
  });

  it('a passphrase that opens the second slot zeroes the first slot’s key, and keeps only its own', async () => {
    const { envelope: e } = await envelope();
    const opened = await openWithPassphrase(e, 'copper lantern meadow');
    expect(opened?.slot.memberId).toBe(2);
    expect(derived.argon2).toHaveLength(2);
    expect(zeroed(derived.argon2[0])).toBe(true);
    expect(zeroed(derived.argon2[1])).toBe(false);
    expect(derived.argon2[1]).toBe(opened!.secret.kek);
    forget(opened!);
    expect(zeroed(derived.argon2[1])).toBe(true);
  });

  it('a wrong recovery key leaves no sealing key (or HKDF output) behind', async () => {
    const { envelope: e } = await envelope();
    expect(openWithRecoveryKey(e, newRecoveryKey())).toBeNull();
    expect(derived.hkdf.length).toBeGreaterThan(0);
    expect(derived.hkdf.every(zeroed)).toBe(true);
  });
});
