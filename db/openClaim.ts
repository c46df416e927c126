// Who has the caseload open. A team caseload sits in a folder every Windows user of the PC
// reaches, and with fast user switching two Windows sessions can run the app at once: each would
// open the file, hold its own key and unlock-time state, and a re-key or restore in one would pull
// the file from under the other. So one session at a time: opening writes a claim beside the
// caseload, locking removes it, and a second opener is refused plainly with when it was opened.
// The claim holds a process id, a time and a random token: nothing about the person.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../core/domain/result';
import { folderError } from './dataFolder';
import { replaceFile } from './files';

const CLAIM = 'caseload.open';

const claimSchema = z.object({ pid: z.number().int(), since: z.string(), token: z.string() });
type Claim = z.infer<typeof claimSchema>;

export interface Claimant {
  pid: number;
  /** Tells two openers in one process apart (the tests run several contexts in one). */
  token: string;
}

export const newClaimant = (): Claimant => ({ pid: process.pid, token: randomBytes(12).toString('hex') });

function readClaim(dataDir: string): Claim | null {
  try {
    const parsed = claimSchema.safeParse(JSON.parse(readFileSync(join(dataDir, CLAIM), 'utf8')));
    // Unreadable or half-written (a crash mid-write): nobody can be holding it.
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote a claim still runs; a claim from before the PC started never does. */
function stillHeld(claim: Claim, now: Date): boolean {
  const bootedAt = now.getTime() - uptime() * 1000;
  if (Date.parse(claim.since) < bootedAt) return false;
  try {
    process.kill(claim.pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another Windows user whose process this one may not touch.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

export function inUseMessage(since: string): string {
  return `This caseload is open by another Windows user of this PC since ${hhmm(since)}. Ask them to lock it (or sign out of Windows), then try again.`;
}

/**
 * Claims the caseload for this opener, or refuses with IN_USE while another holds it. A stale claim
 * (its process ended, the PC restarted since) is taken over.
 */
export function claimOpen(dataDir: string, who: Claimant, now = new Date()): void {
  const path = join(dataDir, CLAIM);
  const mine: Claim = { pid: who.pid, since: now.toISOString(), token: who.token };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // wx: created only if absent, so two openers at the same moment cannot both succeed.
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(mine));
      } finally {
        closeSync(fd);
      }
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A folder that cannot be written: the unlock's own check refuses it in the person's words.
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return;
      // A folder that is missing or is a file: its own words, never a damaged caseload.
      if (code !== 'EEXIST') throw folderError(e, 'open') ?? e;
    }
    const held = readClaim(dataDir);
    if (held && held.pid === who.pid && held.token === who.token) return;
    if (held && stillHeld(held, now)) throw new DomainError('IN_USE', inUseMessage(held.since));
    // Stale: replace it atomically, then check that no other opener replaced it at the same moment.
    replaceFile(path, JSON.stringify(mine));
    const after = readClaim(dataDir);
    if (after?.token === who.token) return;
  }
  const held = readClaim(dataDir);
  throw new DomainError('IN_USE', inUseMessage(held?.since ?? now.toISOString()));
}

/** Gives the caseload up (at lock); only this opener's own claim is removed. */
export function releaseOpen(dataDir: string, who: Claimant): void {
  const held = readClaim(dataDir);
  if (held && held.pid === who.pid && held.token === who.token) rmSync(join(dataDir, CLAIM), { force: true });
}
