// The key envelope: a small versioned JSON file beside the database holding the random data key,
// wrapped (AES-256-GCM) once per way in: by each passphrase (Argon2id) and by the recovery key
// (HKDF: it is already 160 random bits, so a slow KDF adds nothing). The data key itself is
// never written anywhere in the clear.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { DomainError } from '../core/domain/result';
import { normaliseRecoveryKey } from './recoveryKey';

export const ENVELOPE_FORMAT = 'peer-caseload-key-envelope';
export const ENVELOPE_VERSION = 1;

/** Argon2id cost: above OWASP's minimum (19 MiB, t=2); ~160 ms on a clinic PC-class core. */
export const DEFAULT_ARGON2 = { memoryKiB: 65536, iterations: 3, parallelism: 1 } as const;

const b64 = z.string().regex(/^[A-Za-z0-9+/]+=*$/);

const argon2Kdf = z.object({
  name: z.literal('argon2id'),
  memoryKiB: z.number().int().min(19456).max(4194304),
  iterations: z.number().int().min(2).max(100),
  parallelism: z.number().int().min(1).max(16),
  salt: b64,
});
const hkdfKdf = z.object({ name: z.literal('hkdf-sha256'), salt: b64 });

const slotSchema = z.object({
  id: z.string().min(1),
  type: z.enum(['passphrase', 'recovery']),
  memberId: z.number().int().nullable(),
  kdf: z.discriminatedUnion('name', [argon2Kdf, hkdfKdf]),
  iv: b64,
  wrappedKey: b64,
  tag: b64,
});
export type KeySlot = z.infer<typeof slotSchema>;

const envelopeSchema = z.object({
  format: z.literal(ENVELOPE_FORMAT),
  version: z.literal(ENVELOPE_VERSION),
  workspaceId: z.string().uuid(),
  slots: z.array(slotSchema).min(1),
});
export type KeyEnvelope = z.infer<typeof envelopeSchema>;

export type Argon2Params = { memoryKiB: number; iterations: number; parallelism: number };

async function passphraseKey(passphrase: string, kdf: z.infer<typeof argon2Kdf>): Promise<Buffer> {
  return hashRaw(passphrase.normalize('NFC'), {
    algorithm: 2, // Argon2id (the package's const enum cannot be imported under isolatedModules)
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.iterations,
    parallelism: kdf.parallelism,
    outputLen: 32,
    salt: Buffer.from(kdf.salt, 'base64'),
  });
}

function recoveryWrappingKey(recoveryKey: string, kdf: z.infer<typeof hkdfKdf>): Buffer {
  const ikm = Buffer.from(normaliseRecoveryKey(recoveryKey), 'utf8');
  return Buffer.from(hkdfSync('sha256', ikm, Buffer.from(kdf.salt, 'base64'), 'peer-caseload recovery v1', 32));
}

function aad(workspaceId: string, slot: Pick<KeySlot, 'id' | 'type'>): Buffer {
  // Binds each wrapped key to its workspace and slot, so slots cannot be swapped between files.
  return Buffer.from(`${ENVELOPE_FORMAT}|${workspaceId}|${slot.type}|${slot.id}`, 'utf8');
}

function wrap(dataKey: Buffer, wrappingKey: Buffer, workspaceId: string, slot: Pick<KeySlot, 'id' | 'type'>) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(aad(workspaceId, slot));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { iv: iv.toString('base64'), wrappedKey: wrapped.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** The data key, or null when the wrapping key is wrong (GCM tag mismatch). */
function unwrap(slot: KeySlot, wrappingKey: Buffer, workspaceId: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(aad(workspaceId, slot));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrappedKey, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export async function passphraseSlot(
  dataKey: Buffer,
  workspaceId: string,
  passphrase: string,
  memberId: number | null,
  params: Argon2Params = DEFAULT_ARGON2,
): Promise<KeySlot> {
  const kdf = { name: 'argon2id' as const, ...params, salt: randomBytes(16).toString('base64') };
  const slot = { id: randomUUID(), type: 'passphrase' as const };
  return { ...slot, memberId, kdf, ...wrap(dataKey, await passphraseKey(passphrase, kdf), workspaceId, slot) };
}

export function recoverySlot(dataKey: Buffer, workspaceId: string, recoveryKey: string): KeySlot {
  const kdf = { name: 'hkdf-sha256' as const, salt: randomBytes(16).toString('base64') };
  const slot = { id: randomUUID(), type: 'recovery' as const };
  return { ...slot, memberId: null, kdf, ...wrap(dataKey, recoveryWrappingKey(recoveryKey, kdf), workspaceId, slot) };
}

/** Tries every passphrase slot; the data key and the slot that opened it, or null. */
export async function unlockWithPassphrase(
  envelope: KeyEnvelope,
  passphrase: string,
): Promise<{ dataKey: Buffer; slot: KeySlot } | null> {
  for (const slot of envelope.slots) {
    if (slot.type !== 'passphrase' || slot.kdf.name !== 'argon2id') continue;
    const dataKey = unwrap(slot, await passphraseKey(passphrase, slot.kdf), envelope.workspaceId);
    if (dataKey) return { dataKey, slot };
  }
  return null;
}

export function unlockWithRecoveryKey(envelope: KeyEnvelope, recoveryKey: string): Buffer | null {
  for (const slot of envelope.slots) {
    if (slot.type !== 'recovery' || slot.kdf.name !== 'hkdf-sha256') continue;
    const dataKey = unwrap(slot, recoveryWrappingKey(recoveryKey, slot.kdf), envelope.workspaceId);
    if (dataKey) return dataKey;
  }
  return null;
}

const DAMAGED =
  'The key file for this caseload is damaged, so it cannot be unlocked here. Nothing has been changed or deleted: ask your IT service or coordinator to restore it from a backup.';

export function readEnvelope(path: string): KeyEnvelope {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new DomainError('NO_WORKSPACE', 'No caseload has been set up on this computer yet.');
    throw new DomainError('ENVELOPE_DAMAGED', DAMAGED);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DomainError('ENVELOPE_DAMAGED', DAMAGED);
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { version?: unknown } | null)?.version;
    if ((json as { format?: unknown } | null)?.format === ENVELOPE_FORMAT && typeof version === 'number' && version > ENVELOPE_VERSION) {
      throw new DomainError('SCHEMA_TOO_NEW', 'This caseload was set up by a newer version of the app. Install the latest version to open it.');
    }
    throw new DomainError('ENVELOPE_DAMAGED', DAMAGED);
  }
  return parsed.data;
}

/** Atomic: a crash leaves either the old file or the new one, never half of either. */
export function writeEnvelope(path: string, envelope: KeyEnvelope): void {
  envelopeSchema.parse(envelope);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(envelope, null, 2), { mode: 0o600 });
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDir(dirname(path));
}

function fsyncDir(dir: string): void {
  // Makes the rename itself durable; not possible on Windows, where rename is already journaled.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
