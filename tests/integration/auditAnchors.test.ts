// The audit chain anchored outside the file: someone holding the key can delete entries and
// recompute every hash after them, and the chain alone then checks out. The head noted beside each
// backup and with each saved export does not move with it, so "Verify" finds the rewrite or the cut.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import { month } from '../../core/domain/export/periods';
import { GENESIS, verifyAudit } from '../../db/queries/audit';
import { daysAgo, must, newWorkspace, referral, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('anchors-')));
afterEach(() => cleanup());

type Row = { id: number; at: string; member_id: number | null; action: string; entity: string | null; entity_id: number | null; detail: string | null };

/** What an attacker with the key and a SQLite tool does: lift the guards, change, re-chain. */
function rewriteChain(ctx: AppContext, change: (db: AppContext['session'] & object) => void): void {
  const db = ctx.session!.db;
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  change(ctx.session!);
  let prev = GENESIS;
  for (const r of db.prepare('SELECT id, at, member_id, action, entity, entity_id, detail FROM audit_log ORDER BY id').all() as Row[]) {
    const hash = createHash('sha256').update(JSON.stringify([prev, r.at, r.member_id, r.action, r.entity, r.entity_id, r.detail])).digest('hex');
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
    prev = hash;
  }
}

async function caseloadWithAnchors() {
  const made = await newWorkspace(dir);
  const { ctx } = made;
  const p = await must(ctx, 'people.create', { preferredName: 'Anchored Person', dateOfBirth: '1980-01-01', ...referral(daysAgo(3)) });
  await must(ctx, 'people.get', { id: p.id });
  const backup = await must(ctx, 'backups.create', {});
  await must(ctx, 'exports.run', { profileId: 'monthly_return', period: month(2026, 11) });
  await must(ctx, 'people.get', { id: p.id });
  return { ...made, backup, personId: p.id };
}

describe('the audit chain anchored outside the file', () => {
  it('notes the head beside each backup and with each saved file, shows it, and checks against every one', async () => {
    const { ctx, backup, close } = await caseloadWithAnchors();
    const side = join(dir, 'backups', backup.fileName.replace(/\.db$/, '.audit-head.json'));
    expect(existsSync(side)).toBe(true);
    const noted = JSON.parse(readFileSync(side, 'utf8'));
    expect(noted).toMatchObject({ entries: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const log = await must(ctx, 'exports.log', {});
    expect(log[0]).toMatchObject({ auditEntries: expect.any(Number), auditHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const v = await must(ctx, 'audit.verify', {});
    expect(v).toMatchObject({ ok: true, brokenAt: null, anchorsFailed: [] });
    // The daily backup at set-up, the one made here, and the export.
    expect(v.anchorsChecked).toBe(3);
    expect(v.head.entries).toBe(v.entries);
    close();
  });

  it('entries deleted and the chain recomputed: the chain alone passes, the anchors do not (a cut tail)', async () => {
    const { ctx, close } = await caseloadWithAnchors();
    // Every entry from the person's creation on goes, and the rest is re-chained.
    rewriteChain(ctx, (s) => s.db.exec("DELETE FROM audit_log WHERE id >= (SELECT min(id) FROM audit_log WHERE action = 'people.create')"));
    // What Verify said before anchors: a whole chain.
    expect(verifyAudit(ctx.session!.orm)).toMatchObject({ ok: true, brokenAt: null });
    const v = await must(ctx, 'audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.brokenAt).toBeNull();
    expect(v.anchorsFailed.map((a) => [a.source, a.problem])).toEqual(expect.arrayContaining([['backup', 'cut'], ['export', 'cut']]));
    close();
  });

  it('an entry rewritten before a head was noted: that anchor no longer matches', async () => {
    const { ctx, personId, close } = await caseloadWithAnchors();
    rewriteChain(ctx, (s) => s.db.prepare("UPDATE audit_log SET entity_id = ? WHERE action = 'person.viewed'").run(personId + 1000));
    const v = await must(ctx, 'audit.verify', {});
    expect(v).toMatchObject({ ok: false, brokenAt: null });
    expect(v.anchorsFailed.some((a) => a.problem === 'rewritten')).toBe(true);
    close();
  });
});
