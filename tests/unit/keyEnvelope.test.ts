import { createCipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashRaw } from '@node-rs/argon2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  newEnvelope,
  openWithPassphrase,
  openWithRecoveryKey,
  preparePassphrase,
  prepareRecoveryKey,
  readEnvelope,
  settledOn,
  signInChoices,
  withoutSlots,
  withPending,
  withSlot,
  writeEnvelope,
} from '../../db/keyEnvelope';
import { newRecoveryKey, normaliseRecoveryKey } from '../../db/recoveryKey';
import { tempDir, TEST_ARGON2 } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('envelope-')));
afterEach(() => cleanup());

const SAM = 'violet harbour tractor';
const ADE = 'copper lantern meadow';

async function envelopeFor(dataKey: Buffer, recoveryKey: string) {
  return newEnvelope(randomUUID(), dataKey, [
    { type: 'passphrase', memberId: 1, label: 'Sam Coordinator', secret: await preparePassphrase(SAM, TEST_ARGON2) },
    { type: 'passphrase', memberId: 2, label: 'Ade Worker', secret: await preparePassphrase(ADE, TEST_ARGON2) },
    { type: 'recovery', memberId: null, secret: prepareRecoveryKey(recoveryKey) },
  ]);
}

const keysOf = (opened: Awaited<ReturnType<typeof openWithPassphrase>>) => opened?.keys.map((k) => k.dataKey.toString('hex'));

describe('key envelope', () => {
  it('round-trips the data key by each passphrase and by the recovery key, through the file', async () => {
    const dataKey = randomBytes(32);
    const recovery = newRecoveryKey();
    const path = join(dir, 'caseload.keys');
    writeEnvelope(path, (await envelopeFor(dataKey, recovery)).envelope);
    const envelope = readEnvelope(path);
    expect(keysOf(await openWithPassphrase(envelope, SAM))).toEqual([dataKey.toString('hex')]);
    expect(keysOf(await openWithPassphrase(envelope, ADE))).toEqual([dataKey.toString('hex')]);
    expect((await openWithPassphrase(envelope, ADE))?.slot.memberId).toBe(2);
    expect(openWithRecoveryKey(envelope, recovery.toLowerCase())?.keys[0].dataKey.equals(dataKey)).toBe(true);
  });

  it('tries only the chosen member’s slot when one is chosen', async () => {
    const { envelope } = await envelopeFor(randomBytes(32), newRecoveryKey());
    expect((await openWithPassphrase(envelope, ADE, 2))?.slot.memberId).toBe(2);
    // The right passphrase for the wrong person opens nothing.
    expect(await openWithPassphrase(envelope, ADE, 1)).toBeNull();
  });

  it('never holds the data key or a private key in the clear, and records the Argon2id cost it used', async () => {
    const dataKey = randomBytes(32);
    const path = join(dir, 'caseload.keys');
    writeEnvelope(path, (await envelopeFor(dataKey, newRecoveryKey())).envelope);
    const text = readFileSync(path, 'utf8');
    expect(text.includes(dataKey.toString('base64'))).toBe(false);
    expect(text.includes(dataKey.toString('hex'))).toBe(false);
    expect(text).not.toMatch(/PRIVATE KEY/);
    const slot = readEnvelope(path).slots[0];
    expect(slot.kdf).toMatchObject({ name: 'argon2id', memoryKiB: TEST_ARGON2.memoryKiB, iterations: TEST_ARGON2.iterations });
  });

  it('opens nothing with a wrong passphrase or recovery key', async () => {
    const { envelope } = await envelopeFor(randomBytes(32), newRecoveryKey());
    expect(await openWithPassphrase(envelope, 'violet harbour tracker')).toBeNull();
    expect(openWithRecoveryKey(envelope, newRecoveryKey())).toBeNull();
  });

  it('detects a tampered key, a slot moved to another member, and an envelope moved to another workspace', async () => {
    const { envelope: a } = await envelopeFor(randomBytes(32), newRecoveryKey());
    const tampered = structuredClone(a);
    const bytes = Buffer.from(tampered.keys[0].wraps[tampered.slots[0].id].data, 'base64');
    bytes[0] ^= 1;
    tampered.keys[0].wraps[tampered.slots[0].id].data = bytes.toString('base64');
    expect(await openWithPassphrase(tampered, SAM)).toBeNull();
    // A worker who edits their slot to say it is the coordinator's gains nothing.
    const impersonating = structuredClone(a);
    impersonating.slots[1].memberId = 1;
    expect(await openWithPassphrase(impersonating, ADE)).toBeNull();
    const moved = { ...a, workspaceId: randomUUID() };
    expect(await openWithPassphrase(moved, SAM)).toBeNull();
  });

  it('re-keys without anyone’s passphrase: a new key reaches every remaining slot and no removed one', async () => {
    const oldKey = randomBytes(32);
    const recovery = newRecoveryKey();
    const { envelope } = await envelopeFor(oldKey, recovery);
    const withoutAde = withoutSlots(envelope, (s) => s.memberId === 2);
    const newKey = randomBytes(32);
    const { envelope: both, generationId } = withPending(withoutAde, newKey);
    // While both generations are kept, each secret yields the old key, then the new one.
    expect(keysOf(await openWithPassphrase(both, SAM))).toEqual([oldKey.toString('hex'), newKey.toString('hex')]);
    const settled = settledOn(both, generationId);
    expect(keysOf(await openWithPassphrase(settled, SAM))).toEqual([newKey.toString('hex')]);
    expect(openWithRecoveryKey(settled, recovery)?.keys[0].dataKey.equals(newKey)).toBe(true);
    expect(await openWithPassphrase(settled, ADE)).toBeNull();
    // The removed member's slot, pasted back from an old copy, has no wrap of the new key.
    const pasted = { ...settled, slots: [...settled.slots, envelope.slots[1]] };
    expect(() => writeEnvelope(join(dir, 'x.keys'), pasted)).toThrow();
  });

  it('adds a member’s slot with the session’s key, and lists the names for the sign-in choice', async () => {
    const dataKey = randomBytes(32);
    const { envelope, generationId } = await envelopeFor(dataKey, newRecoveryKey());
    const added = withSlot(envelope, { type: 'passphrase', memberId: 3, label: 'Kim Reports', secret: await preparePassphrase('orbit pebble saffron', TEST_ARGON2) }, dataKey, generationId);
    expect(keysOf(await openWithPassphrase(added, 'orbit pebble saffron', 3))).toEqual([dataKey.toString('hex')]);
    expect(signInChoices(added)).toEqual([
      { memberId: 1, name: 'Sam Coordinator' },
      { memberId: 2, name: 'Ade Worker' },
      { memberId: 3, name: 'Kim Reports' },
    ]);
    // Not while a re-key is unfinished: the new slot could miss the key that opens the file.
    const { envelope: both } = withPending(envelope, randomBytes(32));
    const secret = await preparePassphrase('quartz willow ember', TEST_ARGON2);
    expect(() => withSlot(both, { type: 'passphrase', memberId: 4, secret }, dataKey, generationId)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
  });

  it('reports a damaged file as damaged, and a newer format as needing a newer app', async () => {
    const path = join(dir, 'caseload.keys');
    writeFileSync(path, '{"format":"peer-caseload-key-envelope","version":2,"slo');
    expect(() => readEnvelope(path)).toThrow(expect.objectContaining({ code: 'ENVELOPE_DAMAGED' }));
    writeFileSync(path, JSON.stringify({ format: 'peer-caseload-key-envelope', version: 3, workspaceId: randomUUID(), slots: [] }));
    expect(() => readEnvelope(path)).toThrow(expect.objectContaining({ code: 'SCHEMA_TOO_NEW' }));
    expect(() => readEnvelope(join(dir, 'missing.keys'))).toThrow(expect.objectContaining({ code: 'NO_WORKSPACE' }));
  });

  it('writes atomically: no temporary file is left, and a refused write keeps the old file', async () => {
    const path = join(dir, 'caseload.keys');
    const { envelope: good } = await envelopeFor(randomBytes(32), newRecoveryKey());
    writeEnvelope(path, good);
    expect(readdirSync(dir)).toEqual(['caseload.keys']);
    expect(() => writeEnvelope(path, { ...good, slots: [] })).toThrow();
    expect(() => writeEnvelope(path, { ...good, keys: [] })).toThrow();
    expect(readEnvelope(path)).toEqual(good);
    expect(existsSync(`${path}.${process.pid}.tmp`)).toBe(false);
  });

  it('refuses Argon2id settings weaker than OWASP’s minimum', async () => {
    const { envelope } = newEnvelope(randomUUID(), randomBytes(32), [{ type: 'passphrase', memberId: 1, secret: await preparePassphrase(SAM, { memoryKiB: 1024, iterations: 1, parallelism: 1 }) }]);
    expect(() => writeEnvelope(join(dir, 'caseload.keys'), envelope)).toThrow();
  });
});

describe('a key file from version 1', () => {
  // Version 1 wrapped the data key itself under each secret's key (AES-256-GCM).
  async function v1File(dataKey: Buffer, passphrase: string, recoveryKey: string) {
    const workspaceId = randomUUID();
    const slot = (type: string, kek: Buffer, kdf: object, memberId: number | null) => {
      const id = randomUUID();
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', kek, iv);
      cipher.setAAD(Buffer.from(`peer-caseload-key-envelope|${workspaceId}|${type}|${id}`));
      const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
      return { id, type, memberId, kdf, iv: iv.toString('base64'), wrappedKey: wrapped.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
    };
    const salt = randomBytes(16);
    const argon = { name: 'argon2id', ...TEST_ARGON2, salt: salt.toString('base64') };
    const kek = await hashRaw(passphrase, { algorithm: 2, memoryCost: TEST_ARGON2.memoryKiB, timeCost: TEST_ARGON2.iterations, parallelism: 1, outputLen: 32, salt });
    const rsalt = randomBytes(16);
    const rkek = Buffer.from(hkdfSync('sha256', Buffer.from(normaliseRecoveryKey(recoveryKey)), rsalt, 'peer-caseload recovery v1', 32));
    const path = join(dir, 'v1.keys');
    writeFileSync(path, JSON.stringify({ format: 'peer-caseload-key-envelope', version: 1, workspaceId, slots: [slot('passphrase', kek, argon, 1), slot('recovery', rkek, { name: 'hkdf-sha256', salt: rsalt.toString('base64') }, null)] }));
    return path;
  }

  it('still opens by passphrase and recovery key, and is not re-keyed until its slots are upgraded', async () => {
    const dataKey = randomBytes(32);
    const recovery = newRecoveryKey();
    const envelope = readEnvelope(await v1File(dataKey, SAM, recovery));
    const opened = await openWithPassphrase(envelope, SAM);
    expect(opened?.slot).toMatchObject({ memberId: 1, legacy: true });
    expect(opened?.keys[0].dataKey.equals(dataKey)).toBe(true);
    expect(openWithRecoveryKey(envelope, recovery)?.keys[0].dataKey.equals(dataKey)).toBe(true);
    expect(await openWithPassphrase(envelope, ADE)).toBeNull();
    expect(() => withPending(envelope, randomBytes(32))).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});
