// Set-up's choice of where the caseload goes (or opening a backup on a new PC): "just me" or
// "our team", unless IT fixed it; and looking again while nothing is open.
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import type { CaseloadPlace, CaseloadScope } from '../domain/places';
import { makeFolder } from '../../db/dataFolder';
import { DomainError } from '../domain/result';
import type { AppContext } from './context';
import { findCaseload } from './places';

/**
 * Looks again while nothing is open: a colleague may have set up the team caseload on this PC
 * since the app started. Never while a session, the training caseload or damage is showing.
 */
export function refreshPlace(ctx: AppContext): void {
  if (ctx.session || ctx.training || ctx.damage) return;
  const found = findCaseload(ctx.places);
  ctx.dataDir = found.dataDir;
  ctx.place = found.place;
}

/** Set-up's choice, unless IT fixed the folder or the scope. */
export function chosenPlace(ctx: AppContext, scope: CaseloadScope | undefined): { dataDir: string; place: CaseloadPlace } {
  const { policy, team, user } = ctx.places;
  if (policy.caseloadFolder) return { dataDir: policy.caseloadFolder, place: 'it' };
  const want = policy.scope ?? scope ?? 'user';
  if (want === 'team') {
    if (!team) throw new DomainError('VALIDATION', 'This computer has no shared folder for a team caseload. Choose “Just me on this PC”.', { scope: 'This computer has no shared folder for a team caseload.' });
    return { dataDir: team, place: 'team' };
  }
  return { dataDir: user, place: 'user' };
}

/**
 * Makes the chosen folder and points the app at it. A team folder made now is opened to every
 * Windows user of the PC (its ACL), or colleagues could not open what this person set up.
 */
export function usePlace(ctx: AppContext, chosen: { dataDir: string; place: CaseloadPlace }): void {
  const made = !existsSync(chosen.dataDir);
  // Missing folders are made; one that cannot be (a file in its place, no permission) says why.
  makeFolder(chosen.dataDir, chosen.place === 'user' ? 0o700 : 0o770);
  if (made && chosen.place === 'team') ctx.places.shareFolder?.(chosen.dataDir);
  ctx.dataDir = chosen.dataDir;
  ctx.place = chosen.place;
}

/** A backup folder typed or chosen at set-up: it must be there (or be made) and take files. */
export function requireBackupFolder(folder: string, field: string): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    accessSync(folder, constants.W_OK);
  } catch {
    const message = 'That folder cannot be made or written to. Check the drive is connected, or choose another folder.';
    throw new DomainError('VALIDATION', message, { [field]: message });
  }
}
