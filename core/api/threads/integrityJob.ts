// The unlock's whole-file check on the app's worker thread (./worker.ts): PRAGMA quick_check reads
// and decrypts every page, seconds on a large caseload, so it runs here while the app opens.
import { checkIntegrity } from '../../../db/integrity';
import type { IntegrityJob } from './job';

export function runIntegrityCheck(job: IntegrityJob, key: Buffer): true {
  checkIntegrity(job.database, key);
  return true;
}
