// The key envelope: a small versioned JSON file beside the database. The caseload file is
// encrypted with a random 256-bit data key that is never written anywhere in the clear.
//
// Design (version 2): two layers, so a coordinator can re-key without knowing anyone's passphrase.
// 1. Every way in (a member's passphrase, the recovery key) is a *slot* holding its own X25519 key
//    pair: the public key in the clear, the private key sealed (AES-256-GCM) under a key derived
//    from the secret: Argon2id for a passphrase, HKDF for the 160-bit recovery key.
// 2. The data key is wrapped to each slot's PUBLIC key (ephemeral X25519 → HKDF-SHA256 →
//    AES-256-GCM), once per key *generation*. Re-keying makes a new random data key and wraps it
//    to the public keys of the slots that remain; a removed member's slot is simply left out.
// So after a re-key neither the removed member's passphrase nor any copy of the old envelope or
// old data key opens the live file, while everyone else keeps their unchanged passphrase.
// During a re-key the envelope holds two generations, `current` and `pending`: opening tries the
// current key and then the pending one, and whichever opens the file is kept (see db/rekey.ts).
// Every ciphertext is bound by its authenticated data to the workspace, slot, member and
// generation, so nothing can be moved between files, slots or members without failing to open.
// Version 1 files (one AES-GCM-wrapped data key per slot) are still read; such "legacy" slots are
// upgraded when their secret is next used, and a re-key waits until none is left.
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  randomUUID,
  type KeyObject,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { replaceFile } from './files';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';
import { DomainError } from '../core/domain/result';
import { folderError } from './dataFolder';
import { normaliseRecoveryKey } from './recoveryKey';

export const ENVELOPE_FORMAT = 'peer-caseload-key-envelope';
export const ENVELOPE_VERSION = 2;

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
const kdfSchema = z.discriminatedUnion('name', [argon2Kdf, hkdfKdf]);
type Kdf = z.infer<typeof kdfSchema>;

const slotBase = {
  id: z.string().min(1).max(64),
  type: z.enum(['passphrase', 'recovery']),
  memberId: z.number().int().nullable(),
  /** The member's name for the sign-in choice: staff, never patients, so not secret. */
  label: z.string().max(80).optional(),
  kdf: kdfSchema,
};

const sealed = z.object({ iv: b64, data: b64, tag: b64 });

const slotSchema = z.object({
  ...slotBase,
  /** X25519 public key, SPKI DER. */
  publicKey: b64,
  /** X25519 private key, PKCS#8 DER, sealed under the key derived from the slot's secret. */
  privateKey: sealed,
});
export type KeySlot = z.infer<typeof slotSchema>;

/** A version 1 slot: the data key itself wrapped under the key derived from the secret. */
const legacySlotSchema = z.object({ ...slotBase, iv: b64, wrappedKey: b64, tag: b64 });
export type LegacySlot = z.infer<typeof legacySlotSchema>;

/** The data key wrapped to one slot's public key. */
const wrapSchema = z.object({ ephemeralKey: b64, iv: b64, data: b64, tag: b64 });

const generationSchema = z.object({
  id: z.string().uuid(),
  state: z.enum(['current', 'pending']),
  wraps: z.record(z.string(), wrapSchema),
});
export type KeyGeneration = z.infer<typeof generationSchema>;

const envelopeSchema = z
  .object({
    format: z.literal(ENVELOPE_FORMAT),
    version: z.literal(ENVELOPE_VERSION),
    workspaceId: z.string().uuid(),
    slots: z.array(slotSchema),
    legacySlots: z.array(legacySlotSchema).optional(),
    keys: z.array(generationSchema).min(1).max(2),
    /**
     * Ways in that were taken away (a removed member's every slot, a replaced recovery key's slot).
     * It travels with the key file, so a backup restored later cannot bring them back
     * (db/revocation.ts). Ids only.
     */
    revoked: z.object({ memberIds: z.array(z.number().int()).max(100_000), slotIds: z.array(z.string().max(64)).max(100_000) }).optional(),
    /**
     * A copy of the wrong-passphrase count kept beside the caseload (db/signInGuard.ts): deleting
     * that file does not reset the sign-in delay.
     */
    signIn: z.object({ count: z.number().int().min(0), last: z.string().max(40) }).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.keys[0].state !== 'current' || (e.keys[1] && e.keys[1].state !== 'pending')) ctx.addIssue({ code: 'custom', message: 'keys: current first, then at most one pending' });
    if (e.slots.length + (e.legacySlots?.length ?? 0) === 0) ctx.addIssue({ code: 'custom', message: 'no way in' });
    if (e.legacySlots?.length && e.keys.length > 1) ctx.addIssue({ code: 'custom', message: 'legacy slots belong to the current key only' });
    for (const g of e.keys) for (const s of e.slots) if (!g.wraps[s.id]) ctx.addIssue({ code: 'custom', message: 'a slot without its wrapped key' });
  });
export type KeyEnvelope = z.infer<typeof envelopeSchema>;

const v1Schema = z.object({
  format: z.literal(ENVELOPE_FORMAT),
  version: z.literal(1),
  workspaceId: z.string().uuid(),
  slots: z.array(legacySlotSchema).min(1),
});

export type Argon2Params = { memoryKiB: number; iterations: number; parallelism: number };

/** A slot's secret already turned into its sealing key: Argon2id, the slow part, is done. */
export interface PreparedSecret {
  kdf: Kdf;
  kek: Buffer;
}

async function argon2Key(passphrase: string, kdf: z.infer<typeof argon2Kdf>): Promise<Buffer> {
  return hashRaw(passphrase.normalize('NFC'), {
    algorithm: 2, // Argon2id (the package's const enum cannot be imported under isolatedModules)
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.iterations,
    parallelism: kdf.parallelism,
    outputLen: 32,
    salt: Buffer.from(kdf.salt, 'base64'),
  });
}

function recoveryKek(recoveryKey: string, kdf: z.infer<typeof hkdfKdf>): Buffer {
  // The recovery key is already 160 random bits, so a slow KDF would add nothing.
  const ikm = Buffer.from(normaliseRecoveryKey(recoveryKey), 'utf8');
  try {
    return Buffer.from(hkdfSync('sha256', ikm, Buffer.from(kdf.salt, 'base64'), 'peer-caseload recovery v1', 32));
  } finally {
    ikm.fill(0);
  }
}

/**
 * Tries one slot with the sealing key derived for it: what it opened, or null with that key
 * zeroed (a wrong guess's key is no use to anyone, and must not linger in memory).
 */
function attempt<T>(kek: Buffer, open: (kek: Buffer) => T | null): T | null {
  let opened: T | null = null;
  try {
    opened = open(kek);
    return opened;
  } finally {
    if (opened === null) kek.fill(0);
  }
}

export async function preparePassphrase(passphrase: string, params: Argon2Params = DEFAULT_ARGON2): Promise<PreparedSecret> {
  const kdf = { name: 'argon2id' as const, ...params, salt: randomBytes(16).toString('base64') };
  return { kdf, kek: await argon2Key(passphrase, kdf) };
}

export function prepareRecoveryKey(recoveryKey: string): PreparedSecret {
  const kdf = { name: 'hkdf-sha256' as const, salt: randomBytes(16).toString('base64') };
  return { kdf, kek: recoveryKek(recoveryKey, kdf) };
}

// --- AES-256-GCM ---------------------------------------------------------------------------

function seal(plain: Buffer, key: Buffer, aad: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** The plaintext, or null when the key is wrong or anything was changed (GCM tag mismatch). */
function unseal(box: { iv: string; data: string; tag: string }, key: Buffer, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(box.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

// --- slots ---------------------------------------------------------------------------------

const slotAad = (workspaceId: string, s: Pick<KeySlot, 'id' | 'type' | 'memberId' | 'publicKey'>) =>
  `${ENVELOPE_FORMAT}|v2|${workspaceId}|${s.type}|${s.id}|${s.memberId ?? ''}|${s.publicKey}`;

const legacyAad = (workspaceId: string, s: Pick<LegacySlot, 'id' | 'type'>) => `${ENVELOPE_FORMAT}|${workspaceId}|${s.type}|${s.id}`;

const wrapInfo = (workspaceId: string, generationId: string, slotId: string) => `peer-caseload data key v2|${workspaceId}|${generationId}|${slotId}`;

function makeSlot(workspaceId: string, who: { type: KeySlot['type']; memberId: number | null; label?: string }, secret: PreparedSecret): KeySlot {
  const pair = generateKeyPairSync('x25519');
  const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const base = { id: randomUUID(), type: who.type, memberId: who.memberId, ...(who.label ? { label: who.label } : {}), kdf: secret.kdf, publicKey };
  const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  try {
    return { ...base, privateKey: seal(der, secret.kek, slotAad(workspaceId, base)) };
  } finally {
    der.fill(0);
  }
}

function openPrivateKey(slot: KeySlot, kek: Buffer, workspaceId: string): KeyObject | null {
  const der = unseal(slot.privateKey, kek, slotAad(workspaceId, slot));
  if (!der) return null;
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

function sharedKey(ownPrivate: KeyObject, otherPublic: KeyObject, ephemeralDer: Buffer, slotDer: Buffer, info: string): Buffer {
  const shared = diffieHellman({ privateKey: ownPrivate, publicKey: otherPublic });
  try {
    return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralDer, slotDer]), info, 32));
  } finally {
    shared.fill(0);
  }
}

/** Wraps the data key to a slot's public key: no secret of the slot's owner is needed. */
function wrapTo(slot: KeySlot, dataKey: Buffer, workspaceId: string, generationId: string): z.infer<typeof wrapSchema> {
  const slotDer = Buffer.from(slot.publicKey, 'base64');
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralDer = ephemeral.publicKey.export({ format: 'der', type: 'spki' });
  const info = wrapInfo(workspaceId, generationId, slot.id);
  const key = sharedKey(ephemeral.privateKey, createPublicKey({ key: slotDer, format: 'der', type: 'spki' }), ephemeralDer, slotDer, info);
  try {
    return { ephemeralKey: ephemeralDer.toString('base64'), ...seal(dataKey, key, info) };
  } finally {
    key.fill(0);
  }
}

function unwrapWith(slot: KeySlot, privateKey: KeyObject, generation: KeyGeneration, workspaceId: string): Buffer | null {
  const wrap = generation.wraps[slot.id];
  if (!wrap) return null;
  try {
    const ephemeralDer = Buffer.from(wrap.ephemeralKey, 'base64');
    const info = wrapInfo(workspaceId, generation.id, slot.id);
    const key = sharedKey(privateKey, createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' }), ephemeralDer, Buffer.from(slot.publicKey, 'base64'), info);
    try {
      return unseal(wrap, key, info);
    } finally {
      key.fill(0);
    }
  } catch {
    return null;
  }
}

// --- opening -------------------------------------------------------------------------------

export interface CandidateKey {
  generationId: string;
  dataKey: Buffer;
}

/** What a secret opened: which slot, and the data key of each generation (current first). */
export interface Opened {
  slot: { id: string; type: KeySlot['type']; memberId: number | null; legacy: boolean };
  keys: CandidateKey[];
  /** The secret's sealing key as derived here, so a legacy slot can be upgraded without a second Argon2id. */
  secret: PreparedSecret;
}

function openedFrom(envelope: KeyEnvelope, slot: KeySlot, kek: Buffer): Opened | null {
  const privateKey = openPrivateKey(slot, kek, envelope.workspaceId);
  if (!privateKey) return null;
  const keys: CandidateKey[] = [];
  for (const g of envelope.keys) {
    const dataKey = unwrapWith(slot, privateKey, g, envelope.workspaceId);
    if (dataKey) keys.push({ generationId: g.id, dataKey });
  }
  if (keys.length === 0) return null;
  return { slot: { id: slot.id, type: slot.type, memberId: slot.memberId, legacy: false }, keys, secret: { kdf: slot.kdf, kek } };
}

function openedFromLegacy(envelope: KeyEnvelope, slot: LegacySlot, kek: Buffer): Opened | null {
  const dataKey = unseal({ iv: slot.iv, data: slot.wrappedKey, tag: slot.tag }, kek, legacyAad(envelope.workspaceId, slot));
  if (!dataKey) return null;
  return { slot: { id: slot.id, type: slot.type, memberId: slot.memberId, legacy: true }, keys: [{ generationId: envelope.keys[0].id, dataKey }], secret: { kdf: slot.kdf, kek } };
}

/**
 * Opens with a passphrase. With a member chosen only that member's slot is tried (one Argon2id);
 * without one, every passphrase slot is tried in turn. Null when nothing opens.
 */
export async function openWithPassphrase(envelope: KeyEnvelope, passphrase: string, memberId?: number): Promise<Opened | null> {
  const chosen = <T extends { type: string; memberId: number | null }>(s: T) => s.type === 'passphrase' && (memberId === undefined || s.memberId === memberId);
  for (const slot of envelope.slots.filter(chosen)) {
    if (slot.kdf.name !== 'argon2id') continue;
    const opened = attempt(await argon2Key(passphrase, slot.kdf), (kek) => openedFrom(envelope, slot, kek));
    if (opened) return opened;
  }
  for (const slot of (envelope.legacySlots ?? []).filter(chosen)) {
    if (slot.kdf.name !== 'argon2id') continue;
    const opened = attempt(await argon2Key(passphrase, slot.kdf), (kek) => openedFromLegacy(envelope, slot, kek));
    if (opened) return opened;
  }
  return null;
}

export function openWithRecoveryKey(envelope: KeyEnvelope, recoveryKey: string): Opened | null {
  for (const slot of envelope.slots) {
    if (slot.type !== 'recovery' || slot.kdf.name !== 'hkdf-sha256') continue;
    const opened = attempt(recoveryKek(recoveryKey, slot.kdf), (kek) => openedFrom(envelope, slot, kek));
    if (opened) return opened;
  }
  for (const slot of envelope.legacySlots ?? []) {
    if (slot.type !== 'recovery' || slot.kdf.name !== 'hkdf-sha256') continue;
    const opened = attempt(recoveryKek(recoveryKey, slot.kdf), (kek) => openedFromLegacy(envelope, slot, kek));
    if (opened) return opened;
  }
  return null;
}

/** Zeroes every data key and sealing key an Opened holds. */
export function forget(opened: Opened): void {
  for (const k of opened.keys) k.dataKey.fill(0);
  opened.secret.kek.fill(0);
}

// --- changing the envelope (each returns a new envelope; nothing is written here) ---------

export interface NewSlot {
  type: KeySlot['type'];
  memberId: number | null;
  label?: string;
  secret: PreparedSecret;
}

/** A new envelope for a new workspace: the data key wrapped to each slot. */
export function newEnvelope(workspaceId: string, dataKey: Buffer, slots: NewSlot[]): { envelope: KeyEnvelope; generationId: string } {
  const generationId = randomUUID();
  const made = slots.map((s) => makeSlot(workspaceId, s, s.secret));
  const wraps = Object.fromEntries(made.map((s) => [s.id, wrapTo(s, dataKey, workspaceId, generationId)]));
  return { envelope: { format: ENVELOPE_FORMAT, version: ENVELOPE_VERSION, workspaceId, slots: made, keys: [{ id: generationId, state: 'current', wraps }] }, generationId };
}

function requireSettled(envelope: KeyEnvelope, generationId: string): void {
  // A slot added now must be able to open the file as it is: the session's own key generation.
  if (envelope.keys.length !== 1 || envelope.keys[0].id !== generationId) {
    throw new DomainError('CONFLICT', 'The key file changed while the caseload was open. Lock the caseload, sign in again and try once more.');
  }
}

/** Adds a slot, giving it the current data key (which the open session holds). */
export function withSlot(envelope: KeyEnvelope, slot: NewSlot, dataKey: Buffer, generationId: string): KeyEnvelope {
  requireSettled(envelope, generationId);
  const made = makeSlot(envelope.workspaceId, slot, slot.secret);
  const [current] = envelope.keys;
  return {
    ...envelope,
    slots: [...envelope.slots, made],
    keys: [{ ...current, wraps: { ...current.wraps, [made.id]: wrapTo(made, dataKey, envelope.workspaceId, current.id) } }],
  };
}

/**
 * Adds a slot made elsewhere (the live key file's recovery slot, carried into a restored one): only
 * its public key is needed to give it this data key, so no secret is involved.
 */
export function withExistingSlot(envelope: KeyEnvelope, slot: KeySlot, dataKey: Buffer, generationId: string): KeyEnvelope {
  requireSettled(envelope, generationId);
  if (envelope.slots.some((s) => s.id === slot.id)) return envelope;
  const [current] = envelope.keys;
  return { ...envelope, slots: [...envelope.slots, slot], keys: [{ ...current, wraps: { ...current.wraps, [slot.id]: wrapTo(slot, dataKey, envelope.workspaceId, current.id) } }] };
}

/** Removes the slots (and their wrapped keys) that match. */
export function withoutSlots(envelope: KeyEnvelope, drop: (slot: { id: string; type: KeySlot['type']; memberId: number | null }) => boolean): KeyEnvelope {
  const gone = new Set([...envelope.slots, ...(envelope.legacySlots ?? [])].filter(drop).map((s) => s.id));
  const legacySlots = (envelope.legacySlots ?? []).filter((s) => !gone.has(s.id));
  return {
    ...envelope,
    slots: envelope.slots.filter((s) => !gone.has(s.id)),
    ...(legacySlots.length ? { legacySlots } : { legacySlots: undefined }),
    keys: envelope.keys.map((g) => ({ ...g, wraps: Object.fromEntries(Object.entries(g.wraps).filter(([id]) => !gone.has(id))) })),
  };
}

export const LEGACY_SLOTS_MESSAGE =
  'The caseload cannot be re-encrypted yet: some sign-ins were made by an earlier version of the app. Each member should sign in once, and a coordinator should make a new recovery key; then try again.';

/** Adds a pending generation: a new data key wrapped to every slot's public key. */
export function withPending(envelope: KeyEnvelope, newKey: Buffer): { envelope: KeyEnvelope; generationId: string } {
  if (envelope.legacySlots?.length) throw new DomainError('CONFLICT', LEGACY_SLOTS_MESSAGE);
  const generationId = randomUUID();
  const wraps = Object.fromEntries(envelope.slots.map((s) => [s.id, wrapTo(s, newKey, envelope.workspaceId, generationId)]));
  return { envelope: { ...envelope, keys: [envelope.keys[0], { id: generationId, state: 'pending', wraps }] }, generationId };
}

/** Keeps only the generation that opens the file, as the current one. */
export function settledOn(envelope: KeyEnvelope, generationId: string): KeyEnvelope {
  const kept = envelope.keys.find((g) => g.id === generationId);
  if (!kept) throw new Error('unknown key generation');
  if (kept.state === 'current' && envelope.keys.length === 1) return envelope;
  return { ...envelope, keys: [{ ...kept, state: 'current' }] };
}

/** Sets the sign-in labels from the members' names (undefined: leave the label as it is). */
export function withLabels(envelope: KeyEnvelope, labelOf: (memberId: number) => string | undefined): KeyEnvelope {
  const relabel = <T extends { memberId: number | null; label?: string }>(s: T): T => {
    const label = s.memberId === null ? undefined : labelOf(s.memberId);
    return label === undefined || label === s.label ? s : { ...s, label };
  };
  return { ...envelope, slots: envelope.slots.map(relabel), ...(envelope.legacySlots ? { legacySlots: envelope.legacySlots.map(relabel) } : {}) };
}

/** The people who can sign in here, for the lock screen's "Who is signing in" choice. */
export function signInChoices(envelope: KeyEnvelope): { memberId: number; name: string }[] {
  const seen = new Map<number, string>();
  for (const s of [...envelope.slots, ...(envelope.legacySlots ?? [])]) {
    if (s.type === 'passphrase' && s.memberId !== null && !seen.has(s.memberId)) seen.set(s.memberId, s.label ?? `Member ${s.memberId}`);
  }
  return [...seen].map(([memberId, name]) => ({ memberId, name }));
}

// --- the file ------------------------------------------------------------------------------

const DAMAGED =
  'The key file for this caseload is damaged, so it cannot be unlocked here. Nothing has been changed or deleted: ask your IT service or coordinator to restore it from a backup.';

/** A version 1 file, read as version 2 with its slots kept as they are ("legacy"). */
function fromV1(v1: z.infer<typeof v1Schema>): KeyEnvelope {
  return { format: ENVELOPE_FORMAT, version: ENVELOPE_VERSION, workspaceId: v1.workspaceId, slots: [], legacySlots: v1.slots, keys: [{ id: randomUUID(), state: 'current', wraps: {} }] };
}

export function readEnvelope(path: string): KeyEnvelope {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new DomainError('NO_WORKSPACE', 'No caseload has been set up on this computer yet.');
    // A folder this account may not read, or a file where it should be, is not a damaged key file.
    throw folderError(e, 'open', 'read') ?? new DomainError('ENVELOPE_DAMAGED', DAMAGED);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DomainError('ENVELOPE_DAMAGED', DAMAGED);
  }
  const parsed = envelopeSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const v1 = v1Schema.safeParse(json);
  if (v1.success) return fromV1(v1.data);
  const version = (json as { version?: unknown } | null)?.version;
  if ((json as { format?: unknown } | null)?.format === ENVELOPE_FORMAT && typeof version === 'number' && version > ENVELOPE_VERSION) {
    throw new DomainError('SCHEMA_TOO_NEW', 'This caseload was set up by a newer version of the app. Install the latest version to open it.');
  }
  throw new DomainError('ENVELOPE_DAMAGED', DAMAGED);
}

/** Atomic: a crash leaves either the old file or the new one, never half of either. */
export function writeEnvelope(path: string, envelope: KeyEnvelope): void {
  envelopeSchema.parse(envelope);
  replaceFile(path, JSON.stringify(envelope, null, 2));
}
