// The schema in db/schema.ts and the migrations agree: generating a migration now would write
// nothing. A column added to the schema without `npm run db:generate` fails here, not at a
// clinic's next unlock (where the app would query a column the file does not have).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSQLiteDrizzleJson, generateSQLiteMigration, type DrizzleSQLiteSnapshotJSON } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { repoMigrationsDir } from '../../../core/api/context';
import * as schema from '../../../db/schema';

describe('the schema and the migrations', () => {
  it('agree: the next generated migration would be empty', async () => {
    const folder = repoMigrationsDir();
    const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
    const last = journal.entries.at(-1)!;
    const snapshot = JSON.parse(readFileSync(join(folder, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8')) as DrizzleSQLiteSnapshotJSON;
    const current = await generateSQLiteDrizzleJson(schema as unknown as Record<string, unknown>, snapshot.id);
    expect(await generateSQLiteMigration(snapshot, current)).toEqual([]);
  });
});
