// The -wal file lost after a crash: the app is killed mid-write (SIGKILL, as in crashSafety), then
// the -wal file is deleted, as a clean-up tool or a careless copy might. Every change the app had
// acknowledged must still be there, because dispatch checkpoints each committed change into the
// main file before it answers (db/connection.ts, checkpointCommitted). The control shows the same
// fault loses acknowledged writes when nothing checkpoints them.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lock } from '../../core/api/handlers';
import { applyKey } from '../../db/connection';
import { workspacePaths } from '../../db/workspace';
import { must, newWorkspace, PASSPHRASE, tempDir, testContext } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('lost-wal-')));
afterEach(() => cleanup());

const KILLS = 25;
const APP_WRITER = join(import.meta.dirname, '../fixtures/app-writer.ts');
const RAW_WRITER = join(import.meta.dirname, '../fixtures/crash-writer.cjs');

/** Runs a writer, kills it `afterMs` after it is ready, and returns the lines it acknowledged. */
function runAndKill(args: string[], afterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffer = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
        else acked.push(line);
      }
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer stopped by itself: ${stderr.slice(0, 300)}`));
      else resolve(acked);
    });
  });
}

describe('a lost -wal file', () => {
  it(`after ${KILLS} crashes mid-write: every acknowledged change is in the caseload`, async () => {
    const { ctx } = await newWorkspace(dir);
    await new Promise((r) => setImmediate(r)); // the first daily backup, out of the way
    lock(ctx);
    const { database } = workspacePaths(dir);
    const acknowledged = new Set<string>();
    let deleted = 0;
    for (let i = 0; i < KILLS; i++) {
      const acked = await runAndKill(['--import', 'tsx', APP_WRITER, dir], 40 + Math.floor(Math.random() * 200));
      acked.forEach((name) => acknowledged.add(name));
      if (existsSync(`${database}-wal`)) deleted++;
      rmSync(`${database}-wal`, { force: true });
      const again = testContext(dir);
      await must(again, 'session.unlock', { passphrase: PASSPHRASE });
      const present = new Set((again.session!.db.prepare('SELECT preferred_name AS name FROM people').all() as { name: string }[]).map((r) => r.name));
      const lost = [...acknowledged].filter((name) => !present.has(name));
      expect(lost, `acknowledged people lost after crash ${i + 1}`).toEqual([]);
      lock(again);
    }
    // The fault was real: the writers were mid-stream and a -wal file was there to delete.
    expect(acknowledged.size).toBeGreaterThan(KILLS);
    expect(deleted).toBe(KILLS);
  }, 300_000);

  it('control: without the checkpoint, the same fault loses acknowledged writes', async () => {
    const key = randomBytes(32);
    const file = join(dir, 'raw.db');
    // The table is made first and closed cleanly, so it is in the main file.
    const made = new Database(file);
    applyKey(made, key);
    made.pragma('journal_mode = WAL');
    made.exec('CREATE TABLE acks (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    made.close();
    const acked = await runAndKill([RAW_WRITER, file, key.toString('hex')], 150);
    expect(acked.length).toBeGreaterThan(10);
    rmSync(`${file}-wal`);
    const db = new Database(file);
    applyKey(db, key);
    const present = (db.prepare('SELECT count(*) AS n FROM acks').get() as { n: number }).n;
    db.close();
    expect(present).toBeLessThan(acked.length);
  });
});
