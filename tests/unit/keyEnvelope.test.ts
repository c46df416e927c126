import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  passphraseSlot,
  readEnvelope,
  recoverySlot,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  writeEnvelope,
  type KeyEnvelope,
} from '../../db/keyEnvelope';
import { newRecoveryKey } from '../../db/recoveryKey';
import { tempDir, TEST_ARGON2 } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('envelope-')));
afterEach(() => cleanup());

async function envelopeFor(dataKey: Buffer, passphrase: string, recoveryKey: string): Promise<KeyEnvelope> {
  const workspaceId = randomUUID();
  return {
    format: 'peer-caseload-key-envelope',
    version: 1,
    workspaceId,
    slots: [await passphraseSlot(dataKey, workspaceId, passphrase, 1, TEST_ARGON2), recoverySlot(dataKey, workspaceId, recoveryKey)],
  };
}

describe('key envelope', () => {
  it('round-trips the data key by passphrase and by recovery key, through the file', async () => {
    const dataKey = randomBytes(32);
    const recovery = newRecoveryKey();
    const path = join(dir, 'caseload.keys');
    writeEnvelope(path, await envelopeFor(dataKey, 'violet harbour tractor', recovery));
    const envelope = readEnvelope(path);
    expect((await unlockWithPassphrase(envelope, 'violet harbour tractor'))?.dataKey.equals(dataKey)).toBe(true);
    expect(unlockWithRecoveryKey(envelope, recovery)?.equals(dataKey)).toBe(true);
  });

  it('never holds the data key in the clear, and records the Argon2id cost it used', async () => {
    const dataKey = randomBytes(32);
    const path = join(dir, 'caseload.keys');
    writeEnvelope(path, await envelopeFor(dataKey, 'violet harbour tractor', newRecoveryKey()));
    const text = readFileSync(path, 'utf8');
    expect(text.includes(dataKey.toString('base64'))).toBe(false);
    expect(text.includes(dataKey.toString('hex'))).toBe(false);
    const slot = readEnvelope(path).slots[0];
    expect(slot.kdf).toMatchObject({ name: 'argon2id', memoryKiB: TEST_ARGON2.memoryKiB, iterations: TEST_ARGON2.iterations });
  });

  it('opens nothing with a wrong passphrase or recovery key', async () => {
    const envelope = await envelopeFor(randomBytes(32), 'violet harbour tractor', newRecoveryKey());
    expect(await unlockWithPassphrase(envelope, 'violet harbour tracker')).toBeNull();
    expect(unlockWithRecoveryKey(envelope, newRecoveryKey())).toBeNull();
  });

  it('detects a tampered wrapped key, and a slot moved from another workspace', async () => {
    const a = await envelopeFor(randomBytes(32), 'violet harbour tractor', newRecoveryKey());
    const tampered = structuredClone(a);
    const bytes = Buffer.from(tampered.slots[0].wrappedKey, 'base64');
    bytes[0] ^= 1;
    tampered.slots[0].wrappedKey = bytes.toString('base64');
    expect(await unlockWithPassphrase(tampered, 'violet harbour tractor')).toBeNull();
    const moved = { ...a, workspaceId: randomUUID() };
    expect(await unlockWithPassphrase(moved, 'violet harbour tractor')).toBeNull();
  });

  it('reports a damaged file as damaged, and a newer format as needing a newer app', async () => {
    const path = join(dir, 'caseload.keys');
    writeFileSync(path, '{"format":"peer-caseload-key-envelope","version":1,"slo');
    expect(() => readEnvelope(path)).toThrow(expect.objectContaining({ code: 'ENVELOPE_DAMAGED' }));
    writeFileSync(path, JSON.stringify({ format: 'peer-caseload-key-envelope', version: 2, workspaceId: randomUUID(), slots: [] }));
    expect(() => readEnvelope(path)).toThrow(expect.objectContaining({ code: 'SCHEMA_TOO_NEW' }));
    expect(() => readEnvelope(join(dir, 'missing.keys'))).toThrow(expect.objectContaining({ code: 'NO_WORKSPACE' }));
  });

  it('writes atomically: no temporary file is left, and a refused write keeps the old file', async () => {
    const path = join(dir, 'caseload.keys');
    const good = await envelopeFor(randomBytes(32), 'violet harbour tractor', newRecoveryKey());
    writeEnvelope(path, good);
    expect(readdirSync(dir)).toEqual(['caseload.keys']);
    expect(() => writeEnvelope(path, { ...good, slots: [] })).toThrow();
    expect(readEnvelope(path)).toEqual(good);
    expect(existsSync(`${path}.${process.pid}.tmp`)).toBe(false);
  });

  it('refuses Argon2id settings weaker than OWASP’s minimum', async () => {
    const dataKey = randomBytes(32);
    const workspaceId = randomUUID();
    const weak = await passphraseSlot(dataKey, workspaceId, 'violet harbour tractor', 1, { memoryKiB: 1024, iterations: 1, parallelism: 1 });
    const path = join(dir, 'caseload.keys');
    expect(() => writeEnvelope(path, { format: 'peer-caseload-key-envelope', version: 1, workspaceId, slots: [weak] })).toThrow();
  });
});
