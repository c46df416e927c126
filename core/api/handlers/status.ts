// What the lock screen, the damaged screen and the header need to know about the workspace.
import { getMemberName, getMeta } from '../../../db/queries/meta';
import { getSettings } from '../../../db/queries/settings';
import { workspaceExists, workspacePaths } from '../../../db/workspace';
import { readEnvelope, signInChoices } from '../../../db/keyEnvelope';
import { activeRole } from '../../../db/queries/members';
import { defaultBackupFolder } from '../../../db/backupFolders';
import type { SetupChoices, WorkspaceStatus } from '../../domain/workspace';
import type { AppContext } from '../context';
import { can, METHOD_NAMES } from '../contract';
import { refreshPlace } from '../placeChoice';

export function status(ctx: AppContext): WorkspaceStatus {
  const where = {
    place: ctx.place,
    training: ctx.training !== null,
    trainingAvailable: !ctx.places.policy.trainingDisabled,
    ...(ctx.places.policyProblems.length ? { policyProblems: ctx.places.policyProblems } : {}),
  };
  if (!ctx.session) {
    if (ctx.damage) return { state: 'damaged', damage: ctx.damage, ...where };
    refreshPlace(ctx);
    if (!workspaceExists(ctx.dataDir)) return { state: 'none', ...where, place: ctx.place, setup: setupChoices(ctx) };
    return { state: 'locked', signIns: signIns(ctx), ...where, place: ctx.place };
  }
  const { orm, memberId } = ctx.session;
  const role = activeRole(orm, memberId);
  return {
    ...where,
    state: 'unlocked',
    organisation: getMeta(orm, 'organisation'),
    memberId,
    memberName: getMemberName(orm, memberId),
    role: role ?? undefined,
    idleLockMinutes: getSettings(orm).idleLockMinutes,
    checking: ctx.checking !== null,
    allowed: role ? METHOD_NAMES.filter((m) => can(role, m)) : [],
    ...(ctx.passphraseResetAt ? { passphraseResetAt: ctx.passphraseResetAt } : {}),
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

function setupChoices(ctx: AppContext): SetupChoices {
  const { places } = ctx;
  return {
    // Offered only where it is a choice: IT's folder or scope leaves none.
    teamAvailable: places.team !== null && !places.policy.caseloadFolder && places.policy.scope === null,
    placeFixed: places.policy.caseloadFolder ? 'it' : places.policy.scope,
    backupFolderFixed: places.policy.backupFolder,
    backupSuggestions: places.backupSuggestions,
    defaultBackupFolder: defaultBackupFolder(ctx.dataDir),
    canChooseFolder: !!ctx.chooseFolder,
    canChooseFile: !!ctx.chooseFile,
  };
}
