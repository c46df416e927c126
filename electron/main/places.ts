// Where caseloads live on this PC, read from Windows: the user's own folder (never a roaming
// profile's), the machine-wide team folder under %ProgramData%, and IT's policy from Group Policy
// (HKLM\Software\Policies\Peer Support Caseload) or a policy file beside the team folder.
// Each reader is passed in, so the unit test runs this without Windows.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import type { Places } from '../../core/api/context';
import { backupSuggestions, mergePolicy, parseRegistryPolicy, POLICY_REGISTRY_KEY, type PolicySource } from '../../core/domain/places';
import { localDataDir } from './dataDir';

export const APP_FOLDER = 'Peer Support Caseload';

export interface WindowsFacts {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  userData: string;
  /** `reg query KEY`'s output; null when the key is absent. */
  readRegistry: (key: string) => string | null;
  /** A file's text; null when it is absent. */
  readText: (path: string) => string | null;
  /** Runs icacls (Windows only). */
  run: (file: string, args: string[]) => void;
}

export function placesFrom(facts: WindowsFacts): Places {
  const windows = facts.platform === 'win32';
  const { join } = windows ? win32 : posix;
  const user = localDataDir(facts.userData, facts.env.LOCALAPPDATA, join);
  const programData = facts.env.ProgramData ?? facts.env.PROGRAMDATA;
  const machineFolder = windows && programData ? join(programData, APP_FOLDER) : null;
  const sources: PolicySource[] = [];
  if (windows) {
    const reg = facts.readRegistry(POLICY_REGISTRY_KEY);
    if (reg) sources.push({ where: `Group Policy (${POLICY_REGISTRY_KEY})`, values: parseRegistryPolicy(reg, facts.env) });
  }
  if (machineFolder) {
    const path = join(machineFolder, 'policy.json');
    const text = facts.readText(path);
    if (text !== null) {
      try {
        sources.push({ where: path, values: JSON.parse(text) as Record<string, unknown> });
      } catch {
        sources.push({ where: path, values: { unreadable: 'not JSON' } });
      }
    }
  }
  const { policy, problems } = mergePolicy(sources);
  return {
    user,
    team: machineFolder ? join(machineFolder, 'workspace') : null,
    // Beside the person's own caseload folder, in their own profile: never the team's.
    training: join(user, '..', 'training'),
    policy,
    policyProblems: problems,
    backupSuggestions: windows ? backupSuggestions(facts.env, join) : [],
    shareFolder: windows
      ? (dir) => {
          // BUILTIN\Users (by SID, so it works in any language of Windows) may change what is in
          // the team folder; the caseload inside is still encrypted under each member's passphrase.
          facts.run('icacls', [dir, '/grant', '*S-1-5-32-545:(OI)(CI)M']);
        }
      : undefined,
  };
}

/** The real readers, for Electron main. */
export function windowsFacts(userData: string): WindowsFacts {
  return {
    platform: process.platform,
    env: process.env,
    userData,
    readRegistry: (key) => {
      try {
        return execFileSync('reg', ['query', key], { encoding: 'utf8', timeout: 5000, windowsHide: true });
      } catch {
        // Absent key (exit 1) or no reg.exe: no Group Policy for this app.
        return null;
      }
    },
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
    run: (file, args) => {
      try {
        execFileSync(file, args, { timeout: 10_000, windowsHide: true, stdio: 'ignore' });
      } catch {
        // IT may have made the folder with its own permissions already; the team sees if not.
      }
    },
  };
}
