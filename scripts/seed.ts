// `npm run seed -- --data-dir DIR --people N [--seed S]`: an encrypted workspace full of made-up
// people, for tests, benchmarks and staff training. The passphrase comes from the environment
// (CASELOAD_PASSPHRASE) or a file (--passphrase-file), never from the command line, where it
// would sit in shell history and the process list.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoMigrationsDir } from '../core/api/context';
import { checkPassphrase } from '../core/domain/passphrase';
import { loadMigrations } from '../db/migrate';
import { insertPeople } from '../db/queries/bulk';
import { closeWorkspace, createWorkspace, workspaceExists } from '../db/workspace';
import { syntheticPeople } from '../db/synthetic';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    people: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    'passphrase-file': { type: 'string' },
    organisation: { type: 'string', default: 'Synthetic Training Clinic' },
  },
  strict: true,
});

function fail(message: string): never {
  console.error(`seed: ${message}`);
  process.exit(2);
}

const dataDir = values['data-dir'] ? resolve(values['data-dir']) : fail('--data-dir DIR is required');
const count = Number(values.people);
if (!Number.isInteger(count) || count < 0 || count > 1_000_000) fail('--people must be a whole number from 0 to 1,000,000');
const seed = Number(values.seed);
const passphrase = values['passphrase-file'] ? readFileSync(values['passphrase-file'], 'utf8').trim() : process.env.CASELOAD_PASSPHRASE;
if (!passphrase) fail('give the passphrase in CASELOAD_PASSPHRASE or with --passphrase-file FILE');
const policy = checkPassphrase(passphrase);
if (!policy.ok) fail(`the passphrase is refused: ${policy.problem}`);
if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
if (workspaceExists(dataDir)) fail(`a workspace already exists in ${dataDir}; choose an empty folder`);

const started = performance.now();
const { workspace, recoveryKey } = await createWorkspace(
  { dataDir, migrations: loadMigrations(repoMigrationsDir()) },
  { organisation: values.organisation!, displayName: 'Training Coordinator', passphrase },
);
const added = insertPeople(workspace, syntheticPeople(count, seed)).people;
closeWorkspace(workspace);
console.log(`Created ${dataDir} with ${added.toLocaleString('en-GB')} made-up people in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
console.log(`Recovery key: ${recoveryKey}`);
