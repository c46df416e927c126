// Every API method fed generated input, as a compromised or buggy renderer might send it, by a
// coordinator, a peer worker and a reporting member: always a result envelope with a known error
// code, never an unhandled failure (INTERNAL), and a refused call changes nothing (a refusal by
// role adds only its `access.refused` audit entry).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import { contract, METHOD_NAMES, type MethodName } from '../../core/api/contract';
import { dispatch } from '../../core/api/dispatch';
import { ERROR_CODES } from '../../core/domain/result';
import { can } from '../../core/api/contract';
import { insertPeople } from '../../db/queries/bulk';
import { syntheticPeople } from '../../db/synthetic';
import { auditCount, auditSince, REPORTER_PASSPHRASE, signInAs, snapshotWithoutAudit, teamWorkspace, tempDir, WORKER_PASSPHRASE } from '../support/workspace';

// Session changes are exercised by their own tests; fuzzing them would just lock the workspace.
const SKIP = new Set<MethodName>(['workspace.create', 'session.lock', 'session.unlock', 'session.recover', 'backups.restore', 'backups.create']);

function keysOf(name: MethodName): string[] {
  const schema = contract[name].input as unknown as { shape?: Record<string, unknown>; def?: { in?: { shape?: Record<string, unknown> } } };
  return Object.keys(schema.shape ?? schema.def?.in?.shape ?? {});
}

const value = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer({ min: -5, max: 100 }),
  fc.double(),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('2026-10-01', '1900-01-01', '2999-12-31', 'PS-AAAA-BBBB', '9434765919', '=HYPERLINK("x")', '../../etc/passwd', 'referrals', 'phq9', 'q9', ''),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer({ min: -1, max: 12 }), fc.constant(null)), { maxKeys: 5 }),
  fc.record({ kind: fc.constantFrom('month', 'custom', 'nonsense'), start: fc.constantFrom('2026-10-01', 'x'), end: fc.constantFrom('2026-10-31', '2020-01-01') }),
);

function inputFor(name: MethodName) {
  const keys = keysOf(name);
  const shaped = keys.length ? fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] }) : fc.constant({});
  return fc.oneof(shaped, fc.anything({ maxDepth: 2 }), value);
}

const AS = [
  { role: 'coordinator', passphrase: null },
  { role: 'peer_worker', passphrase: WORKER_PASSPHRASE },
  { role: 'reporting', passphrase: REPORTER_PASSPHRASE },
] as const;

describe.each(AS)('every method under generated input, called by a $role', ({ role, passphrase }) => {
  let cleanup: () => void;
  let ctx: AppContext;
  let close: () => void;
  let signedIn: number;

  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = tempDir());
    const team = await teamWorkspace(dir);
    ({ ctx, close } = team);
    insertPeople(ctx.session!, syntheticPeople(40, 9));
    if (passphrase) await signInAs(ctx, role === 'peer_worker' ? team.workerId : team.reporterId, passphrase);
    signedIn = ctx.session!.memberId;
  });
  afterAll(() => {
    close();
    cleanup();
  });

  const names = METHOD_NAMES.filter((n) => !SKIP.has(n));
  it.each(names)('%s answers with a result envelope and never crashes', async (name) => {
    await fc.assert(
      fc.asyncProperty(inputFor(name), async (input) => {
        const before = snapshotWithoutAudit(ctx);
        const entries = auditCount(ctx);
        const result = await dispatch(ctx, name, input, () => undefined);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(ERROR_CODES).toContain(result.error.code);
          expect(result.error.code).not.toBe('INTERNAL');
          expect(typeof result.error.message).toBe('string');
          expect(snapshotWithoutAudit(ctx)).toEqual(before);
          const added = auditSince(ctx, entries).filter((e) => !e.action.startsWith('backup.'));
          expect(added).toEqual(result.error.code === 'FORBIDDEN' ? [expect.objectContaining({ action: 'access.refused' })] : []);
        }
        // Still the same member's session: no input signs anyone else in (or locks the caseload).
        expect(ctx.session?.memberId).toBe(signedIn);
      }),
      // A method the role may not call is refused before its input is read: a few runs show it.
      { numRuns: can(role, name) ? 25 : 5 },
    );
  });

  it('an unknown method is refused', async () => {
    expect(await dispatch(ctx, 'people.deleteEverything', {}, () => undefined)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
    expect(await dispatch(ctx, '__proto__', {}, () => undefined)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
  });
});
