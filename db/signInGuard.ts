// Failed sign-ins, kept beside the encrypted file: while locked there is no key to write them
// into the database, so they wait here (times only, nothing about anyone) and move into the
// audit log at the next successful unlock. Kept on disk so restarting the app does not reset the
// delay, with a copy of the count in the key file so deleting this file does not either: a
// missing file where the key file counts failures, or a file that cannot be read, means the
// longest delay, never none.
import { replaceFile } from './files';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { delayAfter, FREE_ATTEMPTS, MAX_DELAY_MS } from '../core/domain/signIn';
import { readEnvelope, writeEnvelope } from './keyEnvelope';
import { workspacePaths } from './paths';

const stateSchema = z.object({ failures: z.array(z.string()).max(10_000) });

export interface SignInState {
  /** The times of the failures this file kept, for the audit log. */
  failures: string[];
  /** How many count toward the delay (at least as many as the times kept). */
  count: number;
  /** When the last one was; null with none. */
  last: string | null;
}

const NONE: SignInState = { failures: [], count: 0, last: null };
/** Enough failures for the longest delay. */
const LONGEST = FREE_ATTEMPTS + Math.ceil(Math.log2(MAX_DELAY_MS / 1000));

const file = (dataDir: string) => join(dataDir, 'caseload.signin');

/** The key file's copy of the count; null where there is no key file (yet) or it cannot be read. */
function keptInKeyFile(dataDir: string): { count: number; last: string } | null {
  const path = workspacePaths(dataDir).envelope;
  if (!existsSync(path)) return null;
  try {
    return readEnvelope(path).signIn ?? null;
  } catch {
    return null;
  }
}

const later = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);

export function readSignIn(dataDir: string): SignInState {
  const copy = keptInKeyFile(dataDir);
  const path = file(dataDir);
  if (!existsSync(path)) {
    // Deleted while the key file still counts failures: the longest delay from the last one.
    return copy && copy.count > 0 ? { failures: [], count: Math.max(copy.count, LONGEST), last: copy.last } : NONE;
  }
  try {
    const { failures } = stateSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    return { failures, count: Math.max(failures.length, copy?.count ?? 0), last: later(failures.at(-1) ?? null, copy?.last ?? null) };
  } catch {
    // Unreadable: the longest delay, from when it was last written (so it ends).
    return { failures: [], count: Math.max(copy?.count ?? 0, LONGEST), last: later(statSync(path).mtime.toISOString(), copy?.last ?? null) };
  }
}

/**
 * Milliseconds until another attempt is allowed (0 = now). Never more than the delay itself: a
 * clock moved back does not lock anyone out for longer, nor reset the wait.
 */
export function waitRemaining(state: SignInState, now: Date): number {
  if (!state.last) return 0;
  const delay = delayAfter(state.count);
  return Math.min(delay, Math.max(0, Date.parse(state.last) + delay - now.getTime()));
}

export function recordFailure(dataDir: string, now: Date): SignInState {
  const state = readSignIn(dataDir);
  const at = now.toISOString();
  const next = { failures: [...state.failures, at].slice(-1000), count: state.count + 1, last: at };
  replaceFile(file(dataDir), JSON.stringify({ failures: next.failures }));
  const envelope = workspacePaths(dataDir).envelope;
  if (existsSync(envelope)) {
    try {
      writeEnvelope(envelope, { ...readEnvelope(envelope), signIn: { count: next.count, last: at } });
    } catch {
      // A damaged key file is reported at the next unlock; the file beside it still counts.
    }
  }
  return next;
}

/** After a sign-in: the file goes (its times are in the audit log); the key file's copy is reset by the unlock's own key-file write. */
export function clearSignIn(dataDir: string): void {
  rmSync(file(dataDir), { force: true });
}
