// What the lock screen, the damaged screen and the header need to know about the workspace.
import { getMemberName, getMeta } from '../../../db/queries/meta';
import { getSettings } from '../../../db/queries/settings';
import { workspaceExists, workspacePaths } from '../../../db/workspace';
import { readEnvelope, signInChoices } from '../../../db/keyEnvelope';
import { activeRole } from '../../../db/queries/members';
import type { WorkspaceStatus } from '../../domain/workspace';
import type { AppContext } from '../context';

export function status(ctx: AppContext): WorkspaceStatus {
  if (!ctx.session) {
    if (ctx.damage) return { state: 'damaged', damage: ctx.damage };
    if (!workspaceExists(ctx.dataDir)) return { state: 'none' };
    return { state: 'locked', signIns: signIns(ctx) };
  }
  const { orm, memberId } = ctx.session;
  return {
    state: 'unlocked',
    organisation: getMeta(orm, 'organisation'),
    memberId,
    memberName: getMemberName(orm, memberId),
    role: activeRole(orm, memberId) ?? undefined,
    idleLockMinutes: getSettings(orm).idleLockMinutes,
    checking: ctx.checking !== null,
  };
}

/** The names on the sign-in slots (staff, not patients): readable while locked, by design. */
function signIns(ctx: AppContext): { memberId: number; name: string }[] {
  try {
    return signInChoices(readEnvelope(workspacePaths(ctx.dataDir).envelope));
  } catch {
    // A damaged key file is reported when someone tries to unlock, not here.
    return [];
  }
}
