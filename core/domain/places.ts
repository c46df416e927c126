// Where a caseload lives on a managed PC, and what IT has fixed by policy. Pure rules: Electron
// main reads the environment, the registry and the policy file; the handlers decide with these.
import { z } from 'zod';
import { isFullPath, isNetworkPath } from './localPath';

/**
 * user: the Windows user's own profile (only they reach it). team: a machine-wide folder every
 * Windows user of the PC reaches; members still sign in with their own passphrase.
 */
export const caseloadScopeSchema = z.enum(['user', 'team']);
export type CaseloadScope = z.infer<typeof caseloadScopeSchema>;

/** Where the open caseload lives: it for a folder set by IT's policy. */
export type CaseloadPlace = CaseloadScope | 'it';

/** What IT fixes by policy; null where the app decides (or the person chooses). */
export interface ItPolicy {
  caseloadFolder: string | null;
  backupFolder: string | null;
  /** Set-up offers only this choice ("Our team on this PC" on shared clinic PCs, say). */
  scope: CaseloadScope | null;
  /** No "Open a training caseload" (a PC used only for real work). */
  trainingDisabled: boolean;
}

export const NO_POLICY: ItPolicy = { caseloadFolder: null, backupFolder: null, scope: null, trainingDisabled: false };

const folder = (what: string) =>
  z
    .string()
    .trim()
    .max(400)
    .refine(isFullPath, { error: `${what} must be a full path` });

/**
 * The machine-wide policy file (%ProgramData%\Peer Support Caseload\policy.json), for trusts that
 * deploy files rather than Group Policy. Unknown keys are refused so a typo is not silently ignored.
 */
export const policyFileSchema = z
  .object({
    caseloadFolder: folder('caseloadFolder').refine((p) => !isNetworkPath(p), { error: 'caseloadFolder must be on a local disk' }).optional(),
    backupFolder: folder('backupFolder').optional(),
    scope: caseloadScopeSchema.optional(),
    trainingDisabled: z.boolean().optional(),
  })
  .strict();

/** The registry values under HKLM\Software\Policies\Peer Support Caseload (Group Policy / Intune). */
export const POLICY_REGISTRY_KEY = 'HKLM\\Software\\Policies\\Peer Support Caseload';
const REGISTRY_NAMES: Record<string, keyof ItPolicy> = {
  caseloadfolder: 'caseloadFolder',
  backupfolder: 'backupFolder',
  scope: 'scope',
  trainingdisabled: 'trainingDisabled',
};

/**
 * Reads `reg query <key>` output: lines of "    Name    REG_SZ    Value" (REG_EXPAND_SZ values
 * have %VARS% expanded with `env`; REG_DWORD as 0x1). Unknown names are left out.
 */
export function parseRegistryPolicy(stdout: string, env: Record<string, string | undefined> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of stdout.split(/\r?\n/)) {
    const m = line.match(/^\s+(\S+)\s+(REG_SZ|REG_EXPAND_SZ|REG_DWORD)\s+(.*?)\s*$/);
    if (!m) continue;
    const name = REGISTRY_NAMES[m[1].toLowerCase()];
    if (!name) continue;
    if (m[2] === 'REG_DWORD') out[name] = Number.parseInt(m[3], 16) !== 0;
    else out[name] = m[2] === 'REG_EXPAND_SZ' ? expandWindowsVars(m[3], env) : m[3];
  }
  return out;
}

function expandWindowsVars(value: string, env: Record<string, string | undefined>): string {
  const byName = new Map(Object.entries(env).map(([k, v]) => [k.toUpperCase(), v]));
  return value.replace(/%([^%]+)%/g, (whole, name: string) => byName.get(name.toUpperCase()) ?? whole);
}

export interface PolicySource {
  /** Where it came from, for the message when it is refused (never its contents). */
  where: string;
  values: Record<string, unknown>;
}

/**
 * The policy in force: Group Policy (the registry) over the policy file, key by key. A source that
 * does not parse is refused whole with the reason, so IT sees a broken policy at once rather than
 * the app quietly ignoring it.
 */
export function mergePolicy(sources: PolicySource[]): { policy: ItPolicy; problems: string[] } {
  const policy: ItPolicy = { ...NO_POLICY };
  const problems: string[] = [];
  // Lowest precedence first, so the later (registry) wins.
  for (const source of [...sources].reverse()) {
    if (typeof source.values.scope === 'string') source.values.scope = source.values.scope.toLowerCase();
    const parsed = policyFileSchema.safeParse(source.values);
    if (!parsed.success) {
      problems.push(`${source.where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'policy'} ${i.message}`).join('; ')}`);
      continue;
    }
    const v = parsed.data;
    if (v.caseloadFolder !== undefined) policy.caseloadFolder = v.caseloadFolder;
    if (v.backupFolder !== undefined) policy.backupFolder = v.backupFolder;
    if (v.scope !== undefined) policy.scope = v.scope;
    if (v.trainingDisabled !== undefined) policy.trainingDisabled = v.trainingDisabled;
  }
  return { policy, problems };
}

/** A folder set-up offers for backups because it is off this PC's disk. */
export interface BackupSuggestion {
  kind: 'home_drive' | 'onedrive';
  label: string;
  folder: string;
}

export const BACKUP_SUBFOLDER = 'Peer Support Caseload backups';

/**
 * Off-PC folders Windows tells us about: the network home drive (HOMESHARE, or HOMEDRIVE when it
 * is not the system drive) and the work OneDrive (OneDriveCommercial, else OneDrive). A re-imaged
 * or broken PC keeps neither.
 */
export function backupSuggestions(env: Record<string, string | undefined>, join: (...parts: string[]) => string): BackupSuggestion[] {
  const out: BackupSuggestion[] = [];
  const systemDrive = (env.SystemDrive ?? env.SYSTEMDRIVE ?? 'C:').toUpperCase();
  const homeDrive = env.HOMEDRIVE;
  // A mapped home drive (H:) reads better than its share; C: is this PC's own disk, not a home drive.
  const homeRoot = homeDrive && /^[A-Za-z]:$/.test(homeDrive) && homeDrive.toUpperCase() !== systemDrive ? `${homeDrive}\\` : env.HOMESHARE && isNetworkPath(env.HOMESHARE) ? env.HOMESHARE : null;
  if (homeRoot) out.push({ kind: 'home_drive', label: 'Your network home drive', folder: join(homeRoot, BACKUP_SUBFOLDER) });
  const oneDrive = env.OneDriveCommercial ?? env.ONEDRIVECOMMERCIAL ?? env.OneDrive ?? env.ONEDRIVE;
  if (oneDrive && isFullPath(oneDrive)) out.push({ kind: 'onedrive', label: 'Your OneDrive', folder: join(oneDrive, BACKUP_SUBFOLDER) });
  return out;
}

/** Said on the Backups screen while backups sit on the same disk as the live caseload. */
export const SAME_DISK_WARNING =
  'Backups are on the same disk as the caseload: a broken or re-imaged PC would lose both. Choose a folder on your network drive or OneDrive.';
