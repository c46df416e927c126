// The files of a workspace, side by side in its data folder. The names are fixed and say nothing
// about who is in the caseload.
import { join } from 'node:path';

export function workspacePaths(dataDir: string) {
  return { database: join(dataDir, 'caseload.db'), envelope: join(dataDir, 'caseload.keys') };
}
