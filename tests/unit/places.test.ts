// Reading where a caseload lives on a managed Windows PC: Group Policy's registry values, the
// policy file, which wins, what is refused, the folders suggested for backups, and Electron main's
// places with Windows faked.
import { describe, expect, it } from 'vitest';
import { win32 } from 'node:path';
import { backupSuggestions, mergePolicy, NO_POLICY, parseRegistryPolicy, POLICY_REGISTRY_KEY } from '../../core/domain/places';
import { placesFrom, type WindowsFacts } from '../../electron/main/places';

// As `reg query "HKLM\Software\Policies\Peer Support Caseload"` prints it on Windows.
const REG_OUTPUT = [
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\Peer Support Caseload',
  '    CaseloadFolder    REG_EXPAND_SZ    %ProgramData%\\Clinic\\Caseload',
  '    BackupFolder    REG_SZ    \\\\trust-fs01\\peer-support\\backups',
  '    Scope    REG_SZ    Team',
  '    TrainingDisabled    REG_DWORD    0x1',
  '    SomethingElse    REG_SZ    ignored',
  '',
].join('\r\n');

describe('IT policy', () => {
  it('reads Group Policy values, expanding %VARS% and DWORD switches', () => {
    expect(parseRegistryPolicy(REG_OUTPUT, { ProgramData: 'C:\\ProgramData' })).toEqual({
      caseloadFolder: 'C:\\ProgramData\\Clinic\\Caseload',
      backupFolder: '\\\\trust-fs01\\peer-support\\backups',
      scope: 'Team',
      trainingDisabled: true,
    });
  });

  it('puts Group Policy over the policy file key by key, and reports a broken source instead of ignoring it', () => {
    const { policy, problems } = mergePolicy([
      { where: 'Group Policy', values: { backupFolder: 'H:\\Backups', scope: 'Team' } },
      { where: 'policy.json', values: { backupFolder: 'D:\\Other', caseloadFolder: 'D:\\Caseload' } },
    ]);
    expect(problems).toEqual([]);
    expect(policy).toEqual({ caseloadFolder: 'D:\\Caseload', backupFolder: 'H:\\Backups', scope: 'team', trainingDisabled: false });
    const broken = mergePolicy([{ where: 'policy.json', values: { caseloadFolder: '\\\\server\\share\\live', scope: 'everyone', typo: 1 } }]);
    expect(broken.policy).toEqual(NO_POLICY);
    expect(broken.problems).toHaveLength(1);
    // The live caseload must be on a local disk; an unknown key is a typo to fix, not to ignore.
    expect(broken.problems[0]).toMatch(/^policy\.json: .*caseloadFolder must be on a local disk.*scope.*typo/);
  });
});

describe('backup folders suggested at set-up', () => {
  it('offers the network home drive and the work OneDrive, never the PC’s own disk', () => {
    expect(backupSuggestions({ HOMEDRIVE: 'H:', HOMESHARE: '\\\\trust-fs01\\home\\sam', SystemDrive: 'C:', OneDriveCommercial: 'C:\\Users\\sam\\OneDrive - NHS', OneDrive: 'C:\\Users\\sam\\OneDrive' }, win32.join)).toEqual([
      { kind: 'home_drive', label: 'Your network home drive', folder: 'H:\\Peer Support Caseload backups' },
      { kind: 'onedrive', label: 'Your OneDrive', folder: 'C:\\Users\\sam\\OneDrive - NHS\\Peer Support Caseload backups' },
    ]);
    // A home "drive" that is the system drive is this PC's disk: the share is offered instead, or nothing.
    expect(backupSuggestions({ HOMEDRIVE: 'C:', HOMESHARE: '\\\\trust-fs01\\home\\sam' }, win32.join)).toEqual([
      { kind: 'home_drive', label: 'Your network home drive', folder: '\\\\trust-fs01\\home\\sam\\Peer Support Caseload backups' },
    ]);
    expect(backupSuggestions({ HOMEDRIVE: 'C:', HOMEPATH: '\\Users\\sam' }, win32.join)).toEqual([]);
  });
});

function facts(over: Partial<WindowsFacts> = {}): WindowsFacts & { ran: string[][]; asked: string[] } {
  const ran: string[][] = [];
  const asked: string[] = [];
  return {
    platform: 'win32',
    env: { ProgramData: 'C:\\ProgramData', LOCALAPPDATA: 'C:\\Users\\sam\\AppData\\Local', HOMEDRIVE: 'H:', SystemDrive: 'C:' },
    userData: 'C:\\Users\\sam\\AppData\\Roaming\\Peer Support Caseload',
    readRegistry: (key) => (asked.push(key), null),
    readText: () => null,
    run: (file, args) => ran.push([file, ...args]),
    ran,
    asked,
    ...over,
  };
}

describe('Electron main’s places (Windows faked)', () => {
  it('the person’s folder, the team folder under %ProgramData%, training beside the person’s own', () => {
    const f = facts();
    const places = placesFrom(f);
    expect(places.user).toBe('C:\\Users\\sam\\AppData\\Roaming\\Peer Support Caseload\\workspace');
    expect(places.team).toBe('C:\\ProgramData\\Peer Support Caseload\\workspace');
    expect(places.training).toBe('C:\\Users\\sam\\AppData\\Roaming\\Peer Support Caseload\\training');
    expect(places.policy).toEqual(NO_POLICY);
    expect(f.asked).toEqual([POLICY_REGISTRY_KEY]);
    expect(places.backupSuggestions.map((s) => s.folder)).toEqual(['H:\\Peer Support Caseload backups']);
    // A team folder made at set-up is opened to BUILTIN\Users (by SID, any Windows language).
    places.shareFolder!(places.team!);
    expect(f.ran).toEqual([['icacls', 'C:\\ProgramData\\Peer Support Caseload\\workspace', '/grant', '*S-1-5-32-545:(OI)(CI)M']]);
  });

  it('a roaming profile keeps the live caseload under %LOCALAPPDATA%', () => {
    expect(placesFrom(facts({ userData: '\\\\trust-fs01\\profiles\\sam\\AppData\\Roaming\\Peer Support Caseload' })).user).toBe('C:\\Users\\sam\\AppData\\Local\\Peer Support Caseload\\workspace');
  });

  it('reads Group Policy over the policy file, and says when the file is not JSON', () => {
    const both = placesFrom(
      facts({
        readRegistry: () => '    BackupFolder    REG_SZ    H:\\Trust backups\r\n',
        readText: (path) => (path === 'C:\\ProgramData\\Peer Support Caseload\\policy.json' ? JSON.stringify({ backupFolder: 'D:\\Local backups', scope: 'team' }) : null),
      }),
    );
    expect(both.policy).toEqual({ caseloadFolder: null, backupFolder: 'H:\\Trust backups', scope: 'team', trainingDisabled: false });
    const garbled = placesFrom(facts({ readText: () => '{ not json' }));
    expect(garbled.policyProblems).toEqual([expect.stringMatching(/^C:\\ProgramData\\Peer Support Caseload\\policy\.json: /)]);
  });

  it('off Windows: no team folder, no registry, no folder sharing', () => {
    const f = facts({ platform: 'linux', env: {}, userData: '/home/sam/.config/Peer Support Caseload' });
    const places = placesFrom(f);
    expect(places).toMatchObject({ user: '/home/sam/.config/Peer Support Caseload/workspace', team: null, backupSuggestions: [] });
    expect(places.shareFolder).toBeUndefined();
    expect(f.asked).toEqual([]);
  });
});
