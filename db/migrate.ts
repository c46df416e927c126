// Applies drizzle-kit's generated SQL in journal order. We keep our own small runner rather than
// drizzle's migrator because drizzle skips a migration whose timestamp is older than the last
// applied one (a merge of two branches does exactly that) and cannot refuse a newer file.
// The schema version is SQLite's `user_version`: the number of migrations applied.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { foldName } from '../core/domain/nameFolding';
import { DomainError } from '../core/domain/result';

const journalSchema = z.object({
  entries: z.array(z.object({ idx: z.number().int(), tag: z.string(), when: z.number() })),
});

export interface Migration {
  tag: string;
  statements: string[];
}

export function loadMigrations(folder: string): Migration[] {
  const journal = journalSchema.parse(JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')));
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => ({
      tag: entry.tag,
      statements: readFileSync(join(folder, `${entry.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export const NEWER_SCHEMA_MESSAGE =
  'This caseload was written by a newer version of the app. Install the latest version to open it; nothing has been changed.';

/**
 * Functions a migration's SQL may call for what SQL alone cannot do. fold_name is foldName, so a
 * migration can fill people.name_folded (0010) in the same transaction as the column it adds.
 */
export function registerMigrationFunctions(db: Database): void {
  db.function('fold_name', { deterministic: true }, (name: unknown) => (typeof name === 'string' ? foldName(name) : null));
}

/** Brings the file up to date in one transaction: all pending migrations apply, or none do. */
export function migrate(db: Database, migrations: Migration[]): { from: number; to: number } {
  const from = schemaVersion(db);
  if (from > migrations.length) throw new DomainError('SCHEMA_TOO_NEW', NEWER_SCHEMA_MESSAGE);
  if (from === migrations.length) return { from, to: from };
  registerMigrationFunctions(db);
  db.transaction(() => {
    for (let i = from; i < migrations.length; i++) {
      for (const statement of migrations[i].statements) db.exec(statement);
    }
    db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
  return { from, to: migrations.length };
}
