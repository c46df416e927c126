// Revoked ways in: a removed member's slots and a replaced recovery key's slot stay revoked in
// anything restored later. A backup taken before a removal holds the removed member's slot (and
// the recovery key they may know); restoring it must not let them back in. The live key file keeps
// the list, and a restore applies it to the backup's key file before it is put in place.
import type { KeyEnvelope } from './keyEnvelope';
import { settledOn, withExistingSlot, withoutSlots } from './keyEnvelope';

export type Revoked = NonNullable<KeyEnvelope['revoked']>;

const NONE: Revoked = { memberIds: [], slotIds: [] };

/** Adds to the list (each id once). */
export function withRevoked(envelope: KeyEnvelope, add: Partial<Revoked>): KeyEnvelope {
  const was = envelope.revoked ?? NONE;
  return {
    ...envelope,
    revoked: {
      memberIds: [...new Set([...was.memberIds, ...(add.memberIds ?? [])])],
      slotIds: [...new Set([...was.slotIds, ...(add.slotIds ?? [])])],
    },
  };
}

/** Whether a slot is revoked by the list: by its own id, or as one of a removed member's. */
export function isRevoked(revoked: Revoked | undefined, slot: { id: string; memberId: number | null }): boolean {
  if (!revoked) return false;
  return revoked.slotIds.includes(slot.id) || (slot.memberId !== null && revoked.memberIds.includes(slot.memberId));
}

/**
 * The backup's key file as it may be restored beside a live one: the live file's revoked slots
 * dropped and its list carried over. Only for the same caseload (another caseload's member ids
 * mean other people).
 */
export function applyRevocations(backup: KeyEnvelope, live: KeyEnvelope | null): KeyEnvelope {
  if (!live?.revoked || live.workspaceId !== backup.workspaceId) return backup;
  const list = live.revoked;
  return withRevoked(
    withoutSlots(backup, (s) => isRevoked(list, s)),
    list,
  );
}

/**
 * A restored key file whose recovery slot was revoked (the key was replaced after the backup was
 * taken) gets the live file's current recovery slot instead, wrapped to the backup's data key: the
 * recovery key on paper today opens the restored caseload, and the one a leaver knew does not.
 */
export function withLiveRecovery(restored: KeyEnvelope, live: KeyEnvelope | null, key: { dataKey: Buffer; generationId: string }): KeyEnvelope {
  if (!live || live.workspaceId !== restored.workspaceId) return restored;
  if (restored.slots.some((s) => s.type === 'recovery')) return restored;
  const recovery = live.slots.find((s) => s.type === 'recovery');
  return recovery ? withExistingSlot(settledOn(restored, key.generationId), recovery, key.dataKey, key.generationId) : restored;
}
