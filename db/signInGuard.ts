// Failed sign-ins, kept beside the encrypted file: while locked there is no key to write them
// into the database, so they wait here (times only, nothing about anyone) and move into the
// audit log at the next successful unlock. Kept on disk so restarting the app does not reset the delay.
import { replaceFile } from './files';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { delayAfter } from '../core/domain/signIn';

const stateSchema = z.object({ failures: z.array(z.string()).max(10_000) });
export type SignInState = z.infer<typeof stateSchema>;

const file = (dataDir: string) => join(dataDir, 'caseload.signin');

export function readSignIn(dataDir: string): SignInState {
  try {
    if (!existsSync(file(dataDir))) return { failures: [] };
    return stateSchema.parse(JSON.parse(readFileSync(file(dataDir), 'utf8')));
  } catch {
    // A damaged file must not stop anyone signing in: start counting again.
    return { failures: [] };
  }
}

/** Milliseconds until another attempt is allowed (0 = now). */
export function waitRemaining(state: SignInState, now: Date): number {
  const last = state.failures.at(-1);
  if (!last) return 0;
  return Math.max(0, Date.parse(last) + delayAfter(state.failures.length) - now.getTime());
}

export function recordFailure(dataDir: string, now: Date): SignInState {
  const state = readSignIn(dataDir);
  const next = { failures: [...state.failures, now.toISOString()].slice(-1000) };
  replaceFile(file(dataDir), JSON.stringify(next));
  return next;
}

export function clearSignIn(dataDir: string): void {
  rmSync(file(dataDir), { force: true });
}
