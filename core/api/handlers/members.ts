// Members, their roles and their ways in: adding and removing members, changing roles, one's own
// passphrase, a new recovery key, and re-encrypting the caseload under a new key.
//
// A change to who can sign in touches two places: the members table and the key envelope. Each
// handler makes the database change and its audit entry in one transaction and writes the key
// file as the last step inside it, so a failed write rolls the database back. (A crash between
// the key file and the commit leaves a sign-in without a member row; the next unlock drops it.)
import { appendAudit } from '../../../db/queries/audit';
import { addMember, listMembers, removeMember, setMemberRole } from '../../../db/queries/members';
import { getMemberName } from '../../../db/queries/meta';
import {
  DEFAULT_ARGON2,
  forget,
  openWithPassphrase,
  preparePassphrase,
  prepareRecoveryKey,
  readEnvelope,
  withoutSlots,
  withSlot,
  writeEnvelope,
  type KeyEnvelope,
  type PreparedSecret,
} from '../../../db/keyEnvelope';
import { withRevoked } from '../../../db/revocation';
import { newRecoveryKey } from '../../../db/recoveryKey';
import { rekeyWorkspace } from '../../../db/rekey';
import { workspacePaths, WRONG_PASSPHRASE_MESSAGE, type OpenWorkspace } from '../../../db/workspace';
import { DomainError } from '../../domain/result';
import type { AppContext } from '../context';
import { requireSession } from './context';
import type { HandlerMap } from './types';

type Detail = Record<string, string | number | boolean | null>;

function audit(ws: OpenWorkspace, action: string, entityId: number | null, detail?: Detail): void {
  appendAudit(ws.orm, { at: new Date().toISOString(), memberId: ws.memberId, action, entity: entityId === null ? 'session' : 'member', entityId, detail });
}

/** Runs a database change with the key file written last, inside the same transaction. */
function withEnvelope<T>(ctx: AppContext, ws: OpenWorkspace, change: (envelope: KeyEnvelope) => { value: T; envelope: KeyEnvelope }): T {
  const path = workspacePaths(ctx.dataDir).envelope;
  return ws.db.transaction(() => {
    const { value, envelope } = change(readEnvelope(path));
    writeEnvelope(path, envelope);
    return value;
  })();
}

/** A new recovery slot in place of the old, which is revoked (a restored backup cannot bring it back). */
function replaceRecovery(envelope: KeyEnvelope, secret: PreparedSecret, ws: OpenWorkspace): KeyEnvelope {
  const old = [...envelope.slots, ...(envelope.legacySlots ?? [])].filter((s) => s.type === 'recovery').map((s) => s.id);
  const without = withRevoked(withoutSlots(envelope, (s) => s.type === 'recovery'), { slotIds: old });
  return withSlot(without, { type: 'recovery', memberId: null, secret }, ws.dataKey, ws.keyId);
}

/** Argon2id takes a moment: the caseload may have been locked meanwhile. */
function stillOpen(ctx: AppContext, ws: OpenWorkspace): void {
  if (ctx.session !== ws) throw new DomainError('LOCKED', 'The caseload was locked before this was saved. Nothing was changed.');
}

async function rekey(ctx: AppContext, ws: OpenWorkspace, reason: string): Promise<void> {
  ctx.rekeyProgress = { running: true, stage: 'preparing' };
  try {
    await rekeyWorkspace(ws, ctx, { onStage: (stage) => (ctx.rekeyProgress = { running: true, stage }), stillOpen: () => ctx.session === ws });
    audit(ws, 'workspace.rekeyed', null, { reason });
  } finally {
    ctx.rekeyProgress = { running: false, stage: null };
  }
}

export const memberHandlers = {
  'members.list': (ctx) => {
    const ws = requireSession(ctx);
    return listMembers(ws.orm, ws.memberId);
  },
  'members.add': async (ctx, input) => {
    const ws = requireSession(ctx);
    const secret = await preparePassphrase(input.passphrase, ctx.argon2 ?? DEFAULT_ARGON2);
    try {
      stillOpen(ctx, ws);
      withEnvelope(ctx, ws, (envelope) => {
        const id = addMember(ws.orm, input, new Date());
        audit(ws, 'member.added', id, { role: input.role });
        return { value: id, envelope: withSlot(envelope, { type: 'passphrase', memberId: id, label: input.name, secret }, ws.dataKey, ws.keyId) };
      });
    } finally {
      secret.kek.fill(0);
    }
    return listMembers(ws.orm, ws.memberId);
  },
  'members.setRole': (ctx, input) => {
    const ws = requireSession(ctx);
    const before = setMemberRole(ws.orm, input.id, input.role);
    if (before !== input.role) audit(ws, 'member.role_changed', input.id, { from: before, to: input.role });
    return listMembers(ws.orm, ws.memberId);
  },
  'members.remove': async (ctx, input) => {
    const ws = requireSession(ctx);
    // A coordinator who leaves may know the recovery key: it is replaced in the same key-file write,
    // so there is no moment when they are removed and their key still works.
    const recoveryKey = newRecoveryKey();
    const recoverySecret = prepareRecoveryKey(recoveryKey);
    let replacedRecovery = false;
    try {
      withEnvelope(ctx, ws, (envelope) => {
        const role = removeMember(ws.orm, input.id, ws.memberId, new Date());
        replacedRecovery = role === 'coordinator';
        audit(ws, 'member.removed', input.id, { role, rekey: input.rekey });
        // Revoked for good: a backup from before today restored later does not bring them back.
        let next = withRevoked(withoutSlots(envelope, (s) => s.type === 'passphrase' && s.memberId === input.id), { memberIds: [input.id] });
        if (replacedRecovery) {
          audit(ws, 'recovery.regenerated', null, { reason: 'coordinator.removed' });
          next = replaceRecovery(next, recoverySecret, ws);
        }
        return { value: null, envelope: next };
      });
    } finally {
      recoverySecret.kek.fill(0);
    }
    // The removal (and any new recovery key) stands whatever happens next: a re-key that does not
    // finish is said beside them, never instead of them, or the new recovery key would be lost.
    let rekeyProblem: string | null = null;
    if (input.rekey) {
      try {
        await rekey(ctx, ws, 'member.removed');
      } catch (e) {
        const why = e instanceof DomainError ? e.message : 'Something went wrong.';
        rekeyProblem = `The member has been removed and can no longer sign in, but re-encrypting the caseload did not finish. ${why}`;
      }
    }
    return { members: ctx.session === ws ? listMembers(ws.orm, ws.memberId) : [], recoveryKey: replacedRecovery ? recoveryKey : null, rekeyProblem };
  },
  'session.changePassphrase': async (ctx, input) => {
    const ws = requireSession(ctx);
    const opened = await openWithPassphrase(readEnvelope(workspacePaths(ctx.dataDir).envelope), input.current, ws.memberId);
    if (!opened) throw new DomainError('WRONG_PASSPHRASE', WRONG_PASSPHRASE_MESSAGE, { current: WRONG_PASSPHRASE_MESSAGE });
    forget(opened);
    const secret = await preparePassphrase(input.next, ctx.argon2 ?? DEFAULT_ARGON2);
    try {
      stillOpen(ctx, ws);
      withEnvelope(ctx, ws, (envelope) => {
        audit(ws, 'session.passphrase_changed', null);
        // Only this member's own slot changes: a new key pair sealed under the new passphrase.
        const others = withoutSlots(envelope, (s) => s.type === 'passphrase' && s.memberId === ws.memberId);
        const label = getMemberName(ws.orm, ws.memberId);
        return { value: null, envelope: withSlot(others, { type: 'passphrase', memberId: ws.memberId, label, secret }, ws.dataKey, ws.keyId) };
      });
    } finally {
      secret.kek.fill(0);
    }
    return { changed: true as const };
  },
  'recovery.regenerate': (ctx) => {
    const ws = requireSession(ctx);
    const recoveryKey = newRecoveryKey();
    const secret = prepareRecoveryKey(recoveryKey);
    try {
      // The dispatcher's transaction holds the audit entry; the key file is written last.
      audit(ws, 'recovery.regenerated', null);
      const path = workspacePaths(ctx.dataDir).envelope;
      writeEnvelope(path, replaceRecovery(readEnvelope(path), secret, ws));
    } finally {
      secret.kek.fill(0);
    }
    return { recoveryKey };
  },
  'workspace.rekey': async (ctx) => {
    await rekey(ctx, requireSession(ctx), 'requested');
    return { rekeyed: true as const };
  },
  'workspace.rekeyProgress': (ctx) => ctx.rekeyProgress,
} satisfies HandlerMap<
  'members.list' | 'members.add' | 'members.setRole' | 'members.remove' | 'session.changePassphrase' | 'recovery.regenerate' | 'workspace.rekey' | 'workspace.rekeyProgress'
>;
