// Crash safety: a writer killed with SIGKILL at random moments, 200 times. After each kill the
// file opens, integrity_check is ok, and every write the writer had acknowledged is there.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runUntilKilled } from '../support/killChild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyKey } from '../../db/connection';
import { tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('crash-')));
afterEach(() => cleanup());

const KILLS = 200;
const WRITER = join(import.meta.dirname, '../fixtures/crash-writer.cjs');

async function runAndKill(file: string, keyHex: string, afterMs: number): Promise<number[]> {
  return (await runUntilKilled([WRITER, file, keyHex], afterMs)).map(Number);
}

describe('crash safety', () => {
  it(`survives ${KILLS} kills mid-write with every acknowledged write present`, async () => {
    const key = randomBytes(32);
    const file = join(dir, 'crash.db');
    const seen = new Set<number>();
    let totalAcked = 0;
    for (let i = 0; i < KILLS; i++) {
      const acked = await runAndKill(file, key.toString('hex'), 5 + Math.floor(Math.random() * 40));
      totalAcked += acked.length;
      acked.forEach((id) => seen.add(id));
      const db = new Database(file);
      applyKey(db, key);
      expect(db.pragma('integrity_check', { simple: true }), `after kill ${i + 1}`).toBe('ok');
      const present = new Set((db.prepare('SELECT id FROM acks').all() as { id: number }[]).map((r) => r.id));
      const lost = [...seen].filter((id) => !present.has(id));
      expect(lost, `acknowledged writes lost after kill ${i + 1}`).toEqual([]);
      db.close();
    }
    // The kills really landed mid-stream: many writes were acknowledged across the runs.
    expect(totalAcked).toBeGreaterThan(KILLS);
  }, 300_000);
});
