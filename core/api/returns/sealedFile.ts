// A return data file as it travels between PCs: its JSON sealed with AES-256-GCM under a key made
// from a passphrase by Argon2id (as the caseload's own key envelope does), so a file lost on the
// way, on a USB stick or in e-mail, tells nobody anything, and a file changed on the way does not
// open. Its SHA-256 is the fingerprint both sides read out to each other by phone.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { DEFAULT_ARGON2, type Argon2Params } from '../../../db/keyEnvelope';
import { RETURN_DATA_FORMAT, RETURN_DATA_VERSION, returnDataSchema, type ReturnData } from '../../domain/export/returnData';
import { DomainError } from '../../domain/result';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*=*$/).max(10_000_000);

const sealedSchema = z.object({
  format: z.literal(RETURN_DATA_FORMAT),
  version: z.literal(RETURN_DATA_VERSION),
  kdf: z.object({
    name: z.literal('argon2id'),
    memoryKiB: z.number().int().min(19456).max(1048576),
    iterations: z.number().int().min(2).max(20),
    parallelism: z.number().int().min(1).max(16),
    salt: b64,
  }),
  iv: b64,
  tag: b64,
  data: b64,
});
type Sealed = z.infer<typeof sealedSchema>;

/** Everything outside the ciphertext is bound to it: a changed cost or salt fails as surely as a changed byte. */
const aadOf = (s: Pick<Sealed, 'format' | 'version' | 'kdf'>) => Buffer.from(JSON.stringify([s.format, s.version, s.kdf]), 'utf8');

async function keyOf(passphrase: string, kdf: Sealed['kdf']): Promise<Buffer> {
  return hashRaw(passphrase.normalize('NFC'), {
    algorithm: 2, // Argon2id
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.iterations,
    parallelism: kdf.parallelism,
    outputLen: 32,
    salt: Buffer.from(kdf.salt, 'base64'),
  });
}

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export async function sealReturnData(data: ReturnData, passphrase: string, params: Argon2Params = DEFAULT_ARGON2): Promise<Buffer> {
  const kdf = { name: 'argon2id' as const, ...params, salt: randomBytes(16).toString('base64') };
  const key = await keyOf(passphrase, kdf);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aadOf({ format: RETURN_DATA_FORMAT, version: RETURN_DATA_VERSION, kdf }));
    const sealed = Buffer.concat([cipher.update(Buffer.from(JSON.stringify(data), 'utf8')), cipher.final()]);
    const file: Sealed = { format: RETURN_DATA_FORMAT, version: RETURN_DATA_VERSION, kdf, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: sealed.toString('base64') };
    return Buffer.from(JSON.stringify(file, null, 1), 'utf8');
  } finally {
    key.fill(0);
  }
}

/** Opens a file or says plainly why not, naming the file (its name is the worker's own choice, never a person's). */
export async function openReturnData(fileName: string, bytes: Buffer, passphrase: string): Promise<ReturnData> {
  let outer: unknown;
  try {
    outer = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new DomainError('VALIDATION', `“${fileName}” is not a return data file, or it has been damaged. Nothing was combined.`);
  }
  const format = (outer as { format?: unknown } | null)?.format;
  const version = (outer as { version?: unknown } | null)?.version;
  if (format === RETURN_DATA_FORMAT && typeof version === 'number' && version > RETURN_DATA_VERSION) {
    throw new DomainError('VALIDATION', `“${fileName}” was made by a newer version of the app. Update this app, then combine again. Nothing was combined.`);
  }
  const parsed = sealedSchema.safeParse(outer);
  if (!parsed.success) throw new DomainError('VALIDATION', `“${fileName}” is not a return data file, or it has been damaged. Nothing was combined.`);
  const s = parsed.data;
  const key = await keyOf(passphrase, s.kdf);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64'));
    decipher.setAAD(aadOf(s));
    decipher.setAuthTag(Buffer.from(s.tag, 'base64'));
    plain = Buffer.concat([decipher.update(Buffer.from(s.data, 'base64')), decipher.final()]);
  } catch {
    // GCM cannot tell a wrong passphrase from a changed file, so neither does the message.
    throw new DomainError(
      'WRONG_PASSPHRASE',
      `“${fileName}” could not be opened: the passphrase is wrong, or the file was changed after it was saved. Check the passphrase with the person who sent it, and compare the fingerprint by phone. Nothing was combined.`,
      { passphrase: 'The passphrase did not open this file.' },
    );
  } finally {
    key.fill(0);
  }
  const data = returnDataSchema.safeParse(JSON.parse(plain.toString('utf8')));
  if (!data.success) throw new DomainError('VALIDATION', `“${fileName}” opened, but its figures are not what this version of the app reads. Nothing was combined.`);
  return data.data;
}
