// What the lock screen, the damaged screen and the header need to know about the workspace.
import { getMemberName, getMeta } from '../../../db/queries/meta';
import { getSettings } from '../../../db/queries/settings';
import { workspaceExists } from '../../../db/workspace';
import type { WorkspaceStatus } from '../../domain/workspace';
import type { AppContext } from '../context';

export function status(ctx: AppContext): WorkspaceStatus {
  if (!ctx.session) {
    if (ctx.damage) return { state: 'damaged', damage: ctx.damage };
    return { state: workspaceExists(ctx.dataDir) ? 'locked' : 'none' };
  }
  const { orm, memberId } = ctx.session;
  return {
    state: 'unlocked',
    organisation: getMeta(orm, 'organisation'),
    memberName: getMemberName(orm, memberId),
    idleLockMinutes: getSettings(orm).idleLockMinutes,
  };
}
