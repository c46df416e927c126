// `npm run bench -- [--size S|M|L] [--runs N]`: builds a synthetic encrypted workspace in a temp
// folder and prints one table of figures (median, p95, a floor measured in the same run).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createContext, repoMigrationsDir } from '../../core/api/context';
import { dispatch } from '../../core/api/dispatch';
import { lock } from '../../core/api/handlers';
import { DEFAULT_ARGON2 } from '../../db/keyEnvelope';
import { loadMigrations } from '../../db/migrate';
import { insertPeople } from '../../db/queries/bulk';
import { closeWorkspace, createWorkspace } from '../../db/workspace';
import { syntheticPeople } from '../fixtures/synthetic';
import { tempDir } from '../support/workspace';
import { peakRssMb, printTable, time, type Figure } from './measure';
import { hashRaw } from '@node-rs/argon2';

const SIZES = { S: 1_000, M: 10_000, L: 50_000 } as const;
const { values } = parseArgs({ options: { size: { type: 'string', default: 'L' }, runs: { type: 'string', default: '30' } } });
const size = values.size as keyof typeof SIZES;
if (!(size in SIZES)) throw new Error('--size must be S, M or L');
const runs = Number(values.runs);
const PASSPHRASE = 'violet harbour tractor sunrise';

const { dir, cleanup } = tempDir('caseload-bench-');
try {
  const setupStart = performance.now();
  const migrations = repoMigrationsDir();
  const created = await createWorkspace({ dataDir: dir, migrations: loadMigrations(migrations) }, {
    organisation: 'Bench Clinic',
    displayName: 'Bench',
    passphrase: PASSPHRASE,
  });
  insertPeople(created.workspace, syntheticPeople(SIZES[size], 42));
  closeWorkspace(created.workspace);
  console.log(`Workspace ${size}: ${SIZES[size].toLocaleString('en-GB')} people, built in ${((performance.now() - setupStart) / 1000).toFixed(1)} s (Node ${process.version}).`);

  const figures: Figure[] = [];
  const ctx = createContext({ dataDir: dir, migrationsDir: migrations });
  const call = async (name: string, input: unknown) => {
    const r = await dispatch(ctx, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value;
  };

  // Unlock: Argon2id (64 MiB, t=3) + open + pragmas + migration check, as the worker waits for it.
  const unlockRuns = Math.min(runs, 15);
  const unlock = await time(unlockRuns, async () => {
    lock(ctx);
    await call('session.unlock', { passphrase: PASSPHRASE });
  });
  const kdfOnly = await time(unlockRuns, () =>
    hashRaw(PASSPHRASE, { algorithm: 2, memoryCost: DEFAULT_ARGON2.memoryKiB, timeCost: DEFAULT_ARGON2.iterations, parallelism: 1, outputLen: 32, salt: randomBytes(16) }),
  );
  figures.push({ name: 'unlock (Argon2id + open + migrate check)', runs: unlockRuns, ...unlock, floorMs: kdfOnly.medianMs, target: '< 500 ms', note: 'floor: Argon2id alone' });

  // Caseload list and search, through the same dispatcher the UI uses.
  // The floor reads the same rows with one hand-written query on the session's own connection.
  const raw = ctx.session!.db;
  const listAll = await time(runs, () => call('people.list', {}));
  const listFloor = await time(runs, () => raw.prepare('SELECT id, case_id, preferred_name FROM people ORDER BY id DESC').all());
  figures.push({ name: `caseload list, all ${SIZES[size].toLocaleString('en-GB')}`, runs, ...listAll, floorMs: listFloor.medianMs, note: 'not yet paged (issue 3/7)' });

  const terms = ['Am', 'Amara', 'Test', 'PS-4', '999 12', 'zz'];
  const search = await time(runs, (i) => call('people.list', { query: terms[Math.abs(i) % terms.length] }));
  const searchFloor = await time(runs, (i) =>
    raw.prepare("SELECT id FROM people WHERE preferred_name LIKE ? ESCAPE '\\'").all(`%${terms[Math.abs(i) % terms.length]}%`),
  );
  figures.push({ name: 'caseload search as you type', runs, ...search, floorMs: searchFloor.medianMs, target: 'p95 < 30 ms' });

  lock(ctx);
  printTable(`npm run bench — size ${size}; peak RSS ${peakRssMb().toFixed(0)} MB`, figures);
} finally {
  cleanup();
}
