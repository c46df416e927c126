// Which caseload this app opens: the folder IT set, else the Windows user's own, else the team's on
// this PC. (Set-up's choice between "just me" and "our team" is in placeChoice.ts.)
import { workspaceExists } from '../../db/workspace';
import type { BackupSuggestion, CaseloadPlace, ItPolicy } from '../domain/places';

/** Where caseloads can live on this PC, and what IT has fixed (electron/main/places.ts reads them). */
export interface Places {
  /** The Windows user's own folder. */
  user: string;
  /** A machine-wide folder every Windows user of the PC reaches (%ProgramData%); null where there is none. */
  team: string | null;
  /** The training caseload's folder: the Windows user's own, never the real caseload's. */
  training: string;
  policy: ItPolicy;
  /** A policy IT set that could not be read, in IT's words (shown on the set-up and lock screens). */
  policyProblems: string[];
  backupSuggestions: BackupSuggestion[];
  /** Lets every Windows user of the PC use a team folder just made (its ACL); absent off Windows. */
  shareFolder?: (dir: string) => void;
}

/** The caseload to show at start: one that exists, by IT's folder, then the person's, then the team's. */
export function findCaseload(places: Places): { dataDir: string; place: CaseloadPlace } {
  const { policy } = places;
  if (policy.caseloadFolder) return { dataDir: policy.caseloadFolder, place: 'it' };
  if (policy.scope !== 'team' && workspaceExists(places.user)) return { dataDir: places.user, place: 'user' };
  if (policy.scope !== 'user' && places.team && workspaceExists(places.team)) return { dataDir: places.team, place: 'team' };
  // None yet: set-up decides; until then the person's own folder (or IT's choice of scope).
  return policy.scope === 'team' && places.team ? { dataDir: places.team, place: 'team' } : { dataDir: places.user, place: 'user' };
}

