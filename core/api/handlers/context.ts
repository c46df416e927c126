// What every caseload handler needs: the open workspace, who is acting, today, the settings.
import { getSettings } from '../../../db/queries/settings';
import type { Actor } from '../../../db/queries/stamps';
import type { OpenWorkspace } from '../../../db/workspace';
import { todayIso } from '../../domain/dates';
import { DomainError } from '../../domain/result';
import type { Settings } from '../../domain/settings';
import type { AppContext } from '../context';

export interface Session {
  ws: OpenWorkspace;
  actor: Actor;
  today: string;
  settings: () => Settings;
}

export function requireSession(ctx: AppContext): OpenWorkspace {
  if (!ctx.session) throw new DomainError('LOCKED', 'The caseload is locked. Unlock it to carry on.');
  return ctx.session;
}

/** The idle-lock setting of an open session (Electron main's idle timer reads it through here, not the database). */
export function idleLockMinutes(ws: OpenWorkspace): number {
  return getSettings(ws.orm).idleLockMinutes;
}

export function session(ctx: AppContext): Session {
  const ws = requireSession(ctx);
  const now = new Date();
  return { ws, actor: { memberId: ws.memberId, now }, today: todayIso(now), settings: () => getSettings(ws.orm) };
}
