// The migration runner on real encrypted files: order by journal index (not timestamp),
// all-or-nothing, and refusal of a file from a newer version.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../db/connection';
import { loadMigrations, migrate, schemaVersion } from '../../db/migrate';
import { repoMigrationsDir } from '../../core/api/context';
import { tempDir } from '../support/workspace';
import { INSTRUMENT_IDS } from '../../core/domain/instruments/definitions';
import { custom, month } from '../../core/domain/export/periods';
import { BUILT_IN_PROFILES } from '../../core/domain/export/profile';
import { sourceFor } from '../../core/api/exports/run';
import { returnInputs } from '../../db/queries/returns';
import type { Orm } from '../../db/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('migrate-')));
afterEach(() => cleanup());

function writeMigrations(folder: string, entries: { tag: string; when: number; sql: string }[]) {
  mkdirSync(join(folder, 'meta'), { recursive: true });
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'sqlite', entries: entries.map((e, idx) => ({ idx, version: '6', when: e.when, tag: e.tag, breakpoints: true })) }),
  );
  for (const e of entries) writeFileSync(join(folder, `${e.tag}.sql`), e.sql);
}

describe('migrations', () => {
  it('the shipped migrations bring a new file to the current version', () => {
    const migrations = loadMigrations(repoMigrationsDir());
    const db = openEncrypted(join(dir, 'a.db'), randomBytes(32), { migrations, create: true });
    expect(schemaVersion(db)).toBe(migrations.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['people', 'episodes', 'members', 'settings', 'workspace_meta']));
    db.close();
  });

  it('applies a migration whose timestamp is older than the last applied (a merged branch)', () => {
    const folder = join(dir, 'm');
    const key = randomBytes(32);
    writeMigrations(folder, [{ tag: '0000_a', when: 2000, sql: 'CREATE TABLE a (x);' }]);
    openEncrypted(join(dir, 'b.db'), key, { migrations: loadMigrations(folder), create: true }).close();
    writeMigrations(folder, [
      { tag: '0000_a', when: 2000, sql: 'CREATE TABLE a (x);' },
      { tag: '0001_b', when: 1000, sql: 'CREATE TABLE b (y);' },
    ]);
    const db = openEncrypted(join(dir, 'b.db'), key, { migrations: loadMigrations(folder) });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 1 });
    expect(schemaVersion(db)).toBe(2);
    db.close();
  });

  it('is all or nothing: a failing statement leaves the file at its old version', () => {
    const folder = join(dir, 'm');
    const key = randomBytes(32);
    writeMigrations(folder, [{ tag: '0000_a', when: 1, sql: 'CREATE TABLE a (x);' }]);
    openEncrypted(join(dir, 'c.db'), key, { migrations: loadMigrations(folder), create: true }).close();
    writeMigrations(folder, [
      { tag: '0000_a', when: 1, sql: 'CREATE TABLE a (x);' },
      { tag: '0001_b', when: 2, sql: 'CREATE TABLE b (y);\n--> statement-breakpoint\nCREATE TABLE b (y);' },
    ]);
    expect(() => openEncrypted(join(dir, 'c.db'), key, { migrations: loadMigrations(folder) })).toThrow();
    writeMigrations(folder, [{ tag: '0000_a', when: 1, sql: 'CREATE TABLE a (x);' }]);
    const db = openEncrypted(join(dir, 'c.db'), key, { migrations: loadMigrations(folder) });
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a file written by a newer version', () => {
    const migrations = loadMigrations(repoMigrationsDir());
    const key = randomBytes(32);
    const db = openEncrypted(join(dir, 'd.db'), key, { migrations, create: true });
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openEncrypted(join(dir, 'd.db'), key, { migrations })).toThrow(expect.objectContaining({ code: 'SCHEMA_TOO_NEW' }));
    const again = openEncrypted(join(dir, 'd.db'), key, { migrations: [...migrations, { tag: 'future', statements: [] }] });
    expect(migrate(again, [...migrations, { tag: 'future', statements: [] }])).toEqual({ from: migrations.length + 1, to: migrations.length + 1 });
    again.close();
  });
});

describe('upgrading a caseload made by the previous version', () => {
  it('0000 → 0001: people and referrals are kept, and the new columns are filled sensibly', () => {
    const all = loadMigrations(repoMigrationsDir());
    const key = randomBytes(32);
    const file = join(dir, 'old.db');
    // The previous version's file: only the first migration, with a person in it.
    const old = openEncrypted(file, key, { migrations: all.slice(0, 1), create: true });
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', '2026-01-01T00:00:00Z');
      INSERT INTO people (case_id, preferred_name, nhs_number, date_of_birth, created_at, created_by, updated_at) VALUES ('PS-AAAA-BBBB', 'Old Person', '9434765919', '1980-01-01', '2026-01-02T00:00:00Z', 1, '2026-01-02T00:00:00Z');
      INSERT INTO episodes (person_id, referral_received_on, created_at, created_by) VALUES (1, '2026-01-02', '2026-01-02T00:00:00Z', 1);`);
    old.close();

    const db = openEncrypted(file, key, { migrations: all });
    expect(schemaVersion(db)).toBe(all.length);
    expect(db.prepare('SELECT case_id, preferred_name, nhs_number, updated_by, contact_consent, interpreter_needed, latest_episode_id FROM people').get()).toEqual({
      latest_episode_id: 1,
      case_id: 'PS-AAAA-BBBB',
      preferred_name: 'Old Person',
      nhs_number: '9434765919',
      updated_by: 1,
      contact_consent: '[]',
      interpreter_needed: 0,
    });
    expect(db.prepare('SELECT referral_received_on, referral_status, pathway, updated_at, updated_by, closed_on FROM episodes').get()).toEqual({
      referral_received_on: '2026-01-02',
      referral_status: 'received',
      pathway: 'other',
      updated_at: '2026-01-02T00:00:00Z',
      updated_by: 1,
      closed_on: null,
    });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('upgrading from 0001 (caseload) to 0002 (outcomes)', () => {
  it('keeps the caseload and adds empty assessments and engagement reviews', () => {
    const all = loadMigrations(repoMigrationsDir());
    const key = randomBytes(32);
    const file = join(dir, 'v2.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 2), create: true });
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', '2026-01-01T00:00:00Z');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES ('PS-AAAA-CCCC', 'Kept Person', '1980-01-01', 'x', 1, 'x', 1);
      INSERT INTO episodes (person_id, referral_received_on, referral_status, created_at, created_by, updated_at, updated_by) VALUES (1, '2026-01-02', 'engaged', 'x', 1, 'x', 1);
      INSERT INTO contacts (episode_id, contact_on, mode, type, attendance, created_at, created_by, updated_at, updated_by) VALUES (1, '2026-01-03', 'phone', 'one_to_one', 'attended', 'x', 1, 'x', 1);`);
    expect(schemaVersion(old)).toBe(2);
    old.close();
    const db = openEncrypted(file, key, { migrations: all.slice(0, 3) });
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM assessments').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM engagement_reviews').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('upgrading from 0002 (outcomes) to 0003 (exports)', () => {
  it('keeps assessments and adds export profiles and the export log', () => {
    const all = loadMigrations(repoMigrationsDir());
    const key = randomBytes(32);
    const file = join(dir, 'v3.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 3), create: true });
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES ('PS-AAAA-DDDD', 'Kept', '1980-01-01', 'x', 1, 'x', 1);
      INSERT INTO episodes (person_id, referral_received_on, created_at, created_by, updated_at, updated_by) VALUES (1, '2026-01-02', 'x', 1, 'x', 1);
      INSERT INTO assessments (episode_id, instrument, completed_on, method, responses, scores, primary_score, scoring_version, created_at, created_by, updated_at, updated_by)
        VALUES (1, 'gad7', '2026-01-03', 'phone', '{}', '{"total":5}', 5, 1, 'x', 1, 'x', 1);`);
    old.close();
    const db = openEncrypted(file, key, { migrations: all.slice(0, 4) });
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT primary_score FROM assessments').get()).toEqual({ primary_score: 5 });
    expect(db.prepare('SELECT count(*) AS n FROM export_log').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM export_profiles').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('upgrading from 0004 (audit) to 0005 (members)', () => {
  it('keeps every member and their records, all still active', () => {
    const all = loadMigrations(repoMigrationsDir());
    const key = randomBytes(32);
    const file = join(dir, 'v5.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 5), create: true });
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x'), ('Ade', 'peer_worker', 'y');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES ('PS-AAAA-EEEE', 'Kept', '1980-01-01', 'x', 2, 'x', 2);`);
    old.close();
    const db = openEncrypted(file, key, { migrations: all.slice(0, 6) });
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT display_name, role, removed_at FROM members ORDER BY id').all()).toEqual([
      { display_name: 'Sam', role: 'coordinator', removed_at: null },
      { display_name: 'Ade', role: 'peer_worker', removed_at: null },
    ]);
    expect(db.prepare('SELECT created_by FROM people').get()).toEqual({ created_by: 2 });
    db.close();
  });
});

describe('upgrading from 0004 (audit) to 0006 (assessment schedule)', () => {
  it('fills the schedule for open, started episodes only, with each instrument’s latest assessment', () => {
    const all = loadMigrations(repoMigrationsDir());
    expect(all.map((m) => m.tag)[6]).toBe('0006_assessment_schedule');
    const key = randomBytes(32);
    const file = join(dir, 'v6.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 5), create: true });
    const assessment = (episode: number, instrument: string, on: string) =>
      `INSERT INTO assessments (episode_id, instrument, completed_on, method, responses, scores, primary_score, scoring_version, created_at, created_by, updated_at, updated_by)
        VALUES (${episode}, '${instrument}', '${on}', 'phone', '{}', '{}', 1, 1, 'x', 1, 'x', 1);`;
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES ('PS-AAAA-EEEE', 'Kept', '1980-01-01', 'x', 1, 'x', 1);
      INSERT INTO episodes (person_id, referral_received_on, first_contact_on, closed_on, created_at, created_by, updated_at, updated_by) VALUES
        (1, '2026-01-02', '2026-01-05', '2026-03-01', 'x', 1, 'x', 1),
        (1, '2026-04-02', NULL, NULL, 'x', 1, 'x', 1),
        (1, '2026-05-02', '2026-05-04', NULL, 'x', 1, 'x', 1);
      ${assessment(1, 'gad7', '2026-01-05')}
      ${assessment(3, 'gad7', '2026-05-04')}
      ${assessment(3, 'gad7', '2026-08-01')}
      ${assessment(3, 'phq9', '2026-05-04')}`);
    old.close();

    const db = openEncrypted(file, key, { migrations: all });
    expect(schemaVersion(db)).toBe(all.length);
    // Only the open episode that has started (3): one row per instrument in the catalogue.
    expect(db.prepare('SELECT episode_id, instrument, started_on, last_completed_on FROM assessment_schedule ORDER BY instrument').all()).toEqual(
      [...INSTRUMENT_IDS].sort().map((instrument) => ({
        episode_id: 3,
        instrument,
        started_on: '2026-05-04',
        last_completed_on: instrument === 'gad7' ? '2026-08-01' : instrument === 'phq9' ? '2026-05-04' : null,
      })),
    );
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('upgrading from 0006 (assessment schedule) to 0007 (report indexes)', () => {
  it('keeps every record and the monthly return’s numbers, and adds the indexes the return reads', () => {
    const all = loadMigrations(repoMigrationsDir()).slice(0, 8);
    expect(all.map((m) => m.tag).at(-1)).toBe('0007_report_indexes');
    const key = randomBytes(32);
    const file = join(dir, 'v7.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 7), create: true });
    const stamp = "'x', 1, 'x', 1";
    const contact = (episode: number, on: string, attendance: string) =>
      `INSERT INTO contacts (episode_id, contact_on, mode, type, attendance, created_at, created_by, updated_at, updated_by) VALUES (${episode}, '${on}', 'phone', 'one_to_one', '${attendance}', ${stamp});`;
    const assessment = (episode: number, instrument: string, on: string, score: number) =>
      `INSERT INTO assessments (episode_id, instrument, completed_on, method, responses, scores, primary_score, scoring_version, created_at, created_by, updated_at, updated_by)
        VALUES (${episode}, '${instrument}', '${on}', 'phone', '{}', '{}', ${score}, 1, ${stamp});`;
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES
        ('PS-AAAA-FFFF', 'Kept', '1980-01-01', ${stamp}), ('PS-AAAA-GGGG', 'Also kept', '1990-06-15', ${stamp});
      INSERT INTO episodes (person_id, referral_received_on, newly_diagnosed, referral_status, first_contact_on, closed_on, created_at, created_by, updated_at, updated_by) VALUES
        (1, '2026-08-03', 0, 'engaged', '2026-08-10', NULL, ${stamp}),
        (2, '2026-10-05', 1, 'engaged', '2026-10-12', '2026-10-30', ${stamp});
      ${contact(1, '2026-08-10', 'attended')} ${contact(1, '2026-10-14', 'attended')} ${contact(1, '2026-10-21', 'dna')} ${contact(2, '2026-10-12', 'attended')}
      ${assessment(1, 'gad7', '2026-08-10', 15)}
      ${assessment(1, 'gad7', '2026-10-14', 14)}
      ${assessment(1, 'gad7', '2026-10-14', 8)}
      ${assessment(2, 'phq9', '2026-10-12', 12)}`);
    const october = month(2026, 10);
    const before = returnInputs({ $client: old } as unknown as Orm, october);
    old.close();

    const db = openEncrypted(file, key, { migrations: all });
    expect(schemaVersion(db)).toBe(all.length);
    const after = returnInputs({ $client: db } as unknown as Orm, october);
    expect(after).toEqual(before);
    // Person 1 was first supported in August, person 2 in October. GAD-7: 15 at baseline, then
    // two on 14 October; the one recorded last (8) is the follow-up, so it improved by 7.
    expect(after).toMatchObject({ attended: 2, dna: 1, peopleSupported: 2, newlyDiagnosedOffered: 1, newlyDiagnosedEngaged: 1 });
    expect(after.groups.find((g) => g.breakdown === 'new_or_continuing')!.categories).toEqual([
      { category: 'continuing', count: 1 },
      { category: 'new', count: 1 },
    ]);
    expect(after.wellbeing).toEqual([
      { instrument: 'gad7', improved: 1, followedUp: 1, noFollowUp: 0 },
      { instrument: 'phq9', improved: 0, followedUp: 0, noFollowUp: 1 },
    ]);
    const columns = (index: string) => db.prepare(`SELECT name FROM pragma_index_info('${index}') ORDER BY seqno`).pluck().all();
    expect(columns('assessments_episode_idx')).toEqual(['episode_id', 'instrument', 'completed_on', 'id', 'primary_score']);
    expect(columns('assessments_completed_idx')).toEqual(['completed_on', 'episode_id']);
    expect(columns('contacts_date_idx')).toEqual(['contact_on', 'attendance', 'type', 'mode', 'episode_id']);
    expect(columns('contacts_attended_idx')).toEqual(['episode_id', 'contact_on']);
    expect(columns('episodes_referral_idx')).toEqual(['referral_received_on']);
    expect(columns('episodes_closed_idx')).toEqual(['closed_on']);
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(4);
    expect(db.prepare('SELECT count(*) FROM assessments').pluck().get()).toBe(4);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('upgrading from 0007 (report indexes) to 0008 (contacts by episode with attendance)', () => {
  it('keeps every contact and the referral export’s counts, and the export reads the index alone', () => {
    const all = loadMigrations(repoMigrationsDir());
    expect(all[8].tag).toBe('0008_contacts_episode_covering');
    const key = randomBytes(32);
    const file = join(dir, 'v8.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 8), create: true });
    const stamp = "'x', 1, 'x', 1";
    const contact = (episode: number, on: string, attendance: string | null) =>
      `INSERT INTO contacts (episode_id, contact_on, mode, type, attendance, created_at, created_by, updated_at, updated_by) VALUES (${episode}, '${on}', 'phone', 'one_to_one', ${attendance ? `'${attendance}'` : 'NULL'}, ${stamp});`;
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO people (case_id, preferred_name, date_of_birth, created_at, created_by, updated_at, updated_by) VALUES
        ('PS-AAAA-FFFF', 'Kept', '1980-01-01', ${stamp}), ('PS-AAAA-GGGG', 'Also kept', '1990-06-15', ${stamp});
      INSERT INTO episodes (person_id, referral_received_on, newly_diagnosed, referral_status, first_contact_on, created_at, created_by, updated_at, updated_by) VALUES
        (1, '2026-08-03', 0, 'engaged', '2026-08-10', ${stamp}), (2, '2026-10-05', 1, 'engaged', '2026-10-12', ${stamp});
      ${contact(1, '2026-08-10', 'attended')} ${contact(1, '2026-10-14', 'attended')} ${contact(1, '2026-10-21', 'dna')}
      ${contact(2, '2026-10-12', 'attended')} ${contact(2, '2026-11-30', null)}`);
    const referrals = BUILT_IN_PROFILES.find((p) => p.id === 'referrals')!;
    const everything = custom('2000-01-01', '2099-12-31');
    const exported = (db: typeof old) => [...sourceFor(db, referrals, everything).csvChunks()].map((c) => c.text).join('');
    const before = exported(old);
    expect(before.split(/\r?\n/).filter(Boolean)).toHaveLength(2);
    old.close();

    const db = openEncrypted(file, key, { migrations: all });
    expect(schemaVersion(db)).toBe(all.length);
    expect(exported(db)).toBe(before);
    const columns = db.prepare("SELECT name FROM pragma_index_info('contacts_episode_idx') ORDER BY seqno").pluck().all();
    expect(columns).toEqual(['episode_id', 'contact_on', 'attendance']);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT episode_id, sum(attendance = 'attended'), sum(attendance = 'dna') FROM contacts WHERE episode_id BETWEEN 1 AND 2 GROUP BY episode_id")
      .all()
      .map((r) => (r as { detail: string }).detail);
    expect(plan.join(' ')).toContain('USING COVERING INDEX contacts_episode_idx');
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(5);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});

describe('upgrading from 0008 to 0009 (audit anchors in the export log)', () => {
  it('keeps every export log entry, with no anchor for the files saved before', () => {
    const all = loadMigrations(repoMigrationsDir());
    expect(all[9].tag).toBe('0009_audit_anchors');
    const key = randomBytes(32);
    const file = join(dir, 'v9.db');
    const old = openEncrypted(file, key, { migrations: all.slice(0, 9), create: true });
    old.exec(`INSERT INTO members (display_name, role, created_at) VALUES ('Sam', 'coordinator', 'x');
      INSERT INTO export_log (exported_at, member_id, profile_id, profile_name, period_start, period_end, rows, identifiable, encrypted, sha256, file_name)
        VALUES ('2026-11-02T09:00:00.000Z', 1, 'monthly_return', 'Monthly return', '2026-10-01', '2026-10-31', 40, 0, 0, '${'a'.repeat(64)}', 'monthly_return-2026-10.csv');`);
    old.close();
    const db = openEncrypted(file, key, { migrations: all });
    expect(schemaVersion(db)).toBe(all.length);
    expect(db.prepare('SELECT file_name, rows, audit_entries, audit_hash FROM export_log').all()).toEqual([{ file_name: 'monthly_return-2026-10.csv', rows: 40, audit_entries: null, audit_hash: null }]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    db.close();
  });
});
