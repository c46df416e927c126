import { describe, expect, it } from 'vitest';
import { baseFileName, isNetworkPath } from '../../core/domain/localPath';
import { localDataDir } from '../../electron/main/dataDir';

describe('the live caseload stays on a local disk', () => {
  it('recognises network paths', () => {
    expect(isNetworkPath('\\\\nhs-fs01\\home$\\sam\\AppData\\Roaming\\Peer Support Caseload')).toBe(true);
    expect(isNetworkPath('//nhs-fs01/share/caseload')).toBe(true);
    expect(isNetworkPath('\\\\?\\UNC\\nhs-fs01\\share')).toBe(true);
    expect(isNetworkPath('C:\\Users\\sam\\AppData\\Local\\Peer Support Caseload')).toBe(false);
    expect(isNetworkPath('\\\\?\\C:\\Users\\sam')).toBe(false);
    expect(isNetworkPath('/home/sam/.config/peer')).toBe(false);
  });

  it('moves a roaming profile’s caseload to the local app data folder', () => {
    expect(localDataDir('\\\\fs\\home\\sam\\AppData\\Roaming\\Peer Support Caseload', 'C:\\Users\\sam\\AppData\\Local')).toMatch(/^C:\\Users\\sam\\AppData\\Local.*Peer Support Caseload.*workspace$/);
    expect(localDataDir('/home/sam/.config/Peer Support Caseload', undefined)).toBe('/home/sam/.config/Peer Support Caseload/workspace');
  });
});

describe('a suggested file name', () => {
  it('is reduced to its last part, whatever separators it holds', () => {
    expect(baseFileName('audit-log_2026-01-01_2026-01-31.csv')).toBe('audit-log_2026-01-01_2026-01-31.csv');
    expect(baseFileName('audit-log_/../../../_2026-01-31.csv')).toBe('_2026-01-31.csv');
    expect(baseFileName('..\\..\\Windows\\evil.csv')).toBe('evil.csv');
    expect(baseFileName('C:\\Users\\sam\\x.csv')).toBe('x.csv');
    expect(baseFileName('/etc/passwd')).toBe('passwd');
    expect(baseFileName('report.csv:hidden')).toBe('hidden');
  });

  it('is refused when nothing usable is left', () => {
    for (const name of ['', ' ', '/', '..', '.', 'a/..', 'x\\', '../']) expect(baseFileName(name)).toBeNull();
  });
});
