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
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

// XL: about 100,000 referrals, the volume issue 5 measures exports at.
const SIZES = { S: 1_000, M: 10_000, L: 50_000, XL: 91_000 } as const;
const { values } = parseArgs({ options: { size: { type: 'string', default: 'L' }, runs: { type: 'string', default: '30' } } });
const size = values.size as keyof typeof SIZES;
if (!(size in SIZES)) throw new Error('--size must be S, M, L or XL');
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
  const loaded = insertPeople(created.workspace, syntheticPeople(SIZES[size], 42));
  closeWorkspace(created.workspace);
  console.log(`Workspace ${size}: ${loaded.people.toLocaleString('en-GB')} people, ${loaded.contacts.toLocaleString('en-GB')} contacts, built in ${((performance.now() - setupStart) / 1000).toFixed(1)} s (Node ${process.version}).`);

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

  // The caseload screen, through the same dispatcher the UI uses; floors are one hand-written
  // query on the session's own connection.
  const raw = ctx.session!.db;
  const page = await time(runs, () => call('people.list', { limit: 100 }));
  const pageFloor = await time(runs, () => raw.prepare('SELECT id, case_id, preferred_name FROM people ORDER BY id DESC LIMIT 100').all());
  figures.push({ name: 'caseload page (100 rows, newest first)', runs, ...page, floorMs: pageFloor.medianMs, target: '< 50 ms' });
  const byName = await time(runs, () => call('people.list', { limit: 100, sort: 'name' }));
  figures.push({ name: 'caseload page sorted by name', runs, ...byName, target: '< 50 ms' });
  const byContact = await time(runs, () => call('people.list', { limit: 100, sort: 'lastContact', status: 'open' }));
  figures.push({ name: 'caseload page: open, by last contact', runs, ...byContact, target: '< 50 ms' });

  const terms = ['A', 'Am', 'Ama', 'Amara', 'Amara T', 'PS-4', '999 12', '9991', 'zz'];
  const search = await time(runs * 3, (i) => call('people.list', { query: terms[Math.abs(i) % terms.length], limit: 100 }));
  const searchFloor = await time(runs * 3, (i) =>
    raw.prepare("SELECT id FROM people WHERE preferred_name LIKE ? ESCAPE '\\' LIMIT 100").all(`%${terms[Math.abs(i) % terms.length]}%`),
  );
  figures.push({ name: 'caseload search as you type', runs: runs * 3, ...search, floorMs: searchFloor.medianMs, target: 'p95 < 30 ms' });

  const myDay = await time(runs, () => call('myDay.get', {}));
  const myDayFloor = await time(runs, () =>
    raw.prepare("SELECT count(*) FROM episodes WHERE closed_on IS NULL AND first_contact_on IS NULL AND referral_status IN ('received','contact_attempted')").get(),
  );
  figures.push({ name: 'My day', runs, ...myDay, floorMs: myDayFloor.medianMs, target: '< 50 ms', note: 'floor: the waiting count alone' });

  // The busiest person: most contacts across their episodes.
  const busiest = (raw.prepare('SELECT e.person_id AS id FROM contacts c JOIN episodes e ON e.id = c.episode_id GROUP BY e.person_id ORDER BY count(*) DESC LIMIT 1').get() as { id: number }).id;
  const record = await time(runs, () => call('people.get', { id: busiest }));
  figures.push({ name: 'person record with full timeline', runs, ...record, target: '< 50 ms' });

  // Exports of everything ever referred: rows per second and memory growth, against a bare loop
  // that reads the same rows and writes them to a file.
  const everything = { kind: 'custom' as const, start: '2000-01-01', end: '2099-12-31' };
  for (const profileId of ['referrals', 'outcomes']) {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const t = performance.now();
    const result = (await call('exports.run', { profileId, period: everything })) as { rows: number };
    const ms = performance.now() - t;
    clearInterval(sampler);
    const bareStart = performance.now();
    const bare = createWriteStream(join(dir, `bare-${profileId}.csv`));
    for (const r of raw.prepare('SELECT * FROM episodes e JOIN people p ON p.id = e.person_id').iterate()) bare.write(`${Object.values(r as object).join(',')}\r\n`);
    await new Promise((r) => bare.end(r));
    const bareMs = performance.now() - bareStart;
    figures.push({
      name: `${profileId} export, ${result.rows.toLocaleString('en-GB')} rows`,
      runs: 1,
      medianMs: ms,
      p95Ms: ms,
      floorMs: bareMs,
      target: profileId === 'referrals' ? '≥ 200,000 rows/s' : '',
      note: `${Math.round(result.rows / (ms / 1000)).toLocaleString('en-GB')} rows/s; RSS +${((peak - rssBefore) / 1024 / 1024).toFixed(0)} MB`,
    });
  }

  lock(ctx);
  printTable(`npm run bench — size ${size}; peak RSS ${peakRssMb().toFixed(0)} MB`, figures);
} finally {
  cleanup();
}
