// Two clinic PCs' return data files for last month, made through the same handlers the screens
// use (real encrypted caseloads in temp folders), as a coordinator would receive them by e-mail.
import { readFileSync } from 'node:fs';
import { lastMonth } from '../../core/domain/export/periods';
import { todayIso } from '../../core/domain/dates';
import { lock, whenSettled } from '../../core/api/handlers';
import { must, tempDir, testContext } from '../support/workspace';
import { refer, seedWorkspace } from './seed';

export const RETURN_PASSPHRASE = 'lantern harbour october';

export interface WorkstationFile {
  name: string;
  buffer: Buffer;
  fingerprint: string;
}

/** One PC's file: `people` referrals (opt-out pathway) received on the 5th of last month, at site `ods`. */
export async function workstationFile(ods: string, people: number): Promise<WorkstationFile> {
  const { dir, cleanup } = tempDir('caseload-workstation-');
  const ctx = testContext(dir);
  try {
    await seedWorkspace(ctx);
    await whenSettled(ctx);
    const period = lastMonth(todayIso());
    const [site] = await must(ctx, 'sites.save', { name: `Clinic ${ods}`, odsCode: ods });
    const received = `${period.start.slice(0, 8)}05`;
    for (let i = 1; i <= people; i++) await refer(ctx, { preferredName: `Person ${ods} ${i}`, referralReceivedOn: received, clinicSiteId: site.id });
    const saved = await must(ctx, 'returns.saveDataFile', { period, siteId: site.id, passphrase: RETURN_PASSPHRASE });
    return { name: saved.fileName, buffer: readFileSync(saved.location), fingerprint: saved.fingerprint };
  } finally {
    lock(ctx);
    await whenSettled(ctx);
    cleanup();
  }
}
