// `npm run harness -- [--data-dir DIR] [--port N]`: the app's UI in any browser on this machine.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirProblem } from './dataDir';
import { startHarness } from './server';

const { values } = parseArgs({
  // --team-dir: a folder standing in for the PC's machine-wide team folder (%ProgramData%).
  options: { 'data-dir': { type: 'string' }, 'team-dir': { type: 'string' }, port: { type: 'string' } },
  strict: true,
});
const dataDir = values['data-dir'] ? resolve(values['data-dir']) : mkdtempSync(join(tmpdir(), 'caseload-harness-'));
const port = values.port ? Number(values.port) : 0;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port must be a whole number from 0 to 65535');
  process.exit(2);
}
const teamDir = values['team-dir'] ? resolve(values['team-dir']) : undefined;
let harness: Awaited<ReturnType<typeof startHarness>>;
try {
  harness = await startHarness({ dataDir, port, places: teamDir ? { team: teamDir } : undefined });
} catch (e) {
  // A data folder that cannot be used (a file in its place, say) is said plainly, not as a stack.
  if (!(e instanceof DataDirProblem)) throw e;
  console.error(e.message);
  process.exit(2);
}
console.log(`Harness ready (data in ${dataDir}; bound to 127.0.0.1 only).`);
console.log(`Open: ${harness.url}`);
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
