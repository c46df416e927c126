// The recovery key: a second way in when a passphrase is forgotten. 160 random bits written as
// 32 Crockford base32 characters in eight groups of four, so it can be read, printed and retyped.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 8;
const GROUP_SIZE = 4;

export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return formatRecoveryKey(out);
}

/** What the person typed, made comparable: case, spaces and dashes ignored; O→0, I/L→1. */
export function normaliseRecoveryKey(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function isWellFormedRecoveryKey(typed: string): boolean {
  const n = normaliseRecoveryKey(typed);
  return n.length === GROUPS * GROUP_SIZE && [...n].every((c) => ALPHABET.includes(c));
}

export function formatRecoveryKey(raw: string): string {
  const n = normaliseRecoveryKey(raw);
  return (n.match(new RegExp(`.{1,${GROUP_SIZE}}`, 'g')) ?? []).join('-');
}
