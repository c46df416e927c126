// The operating-system-level auto-lock. The renderer has its own idle timer, but it sees only
// input inside our window and is throttled while the window is hidden; the system's idle time,
// a locked screen and a laptop going to sleep are seen only here.
import type { AppContext } from '../../core/api/context';
import { idleLockMinutes, lock } from '../../core/api/handlers';
import { DEFAULT_SETTINGS } from '../../core/domain/settings';

export const IDLE_CHECK_MS = 15_000;

type OpenSession = NonNullable<AppContext['session']>;
/** The part of Electron's powerMonitor used here (a plain emitter in tests). */
export interface Monitor {
  getSystemIdleTime(): number;
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
  removeListener(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
}

export interface IdleLock {
  /** Pass ctx.onSessionChange here: the timer runs only while the caseload is unlocked. */
  sessionChanged(unlocked: boolean): void;
  dispose(): void;
}

export function createIdleLock(ctx: AppContext, monitor: Monitor, intervalMs = IDLE_CHECK_MS): IdleLock {
  let timer: ReturnType<typeof setInterval> | null = null;

  // lock() tells ctx.onSessionChange, which stops the timer and tells the renderer.
  const lockNow = () => {
    if (ctx.session) lock(ctx);
  };

  const idleLimitSeconds = (session: OpenSession): number => {
    try {
      return idleLockMinutes(session) * 60;
    } catch {
      // A settings read that fails must not keep the caseload open: use the default limit.
      return DEFAULT_SETTINGS.idleLockMinutes * 60;
    }
  };

  const check = () => {
    const session = ctx.session;
    if (session && monitor.getSystemIdleTime() >= idleLimitSeconds(session)) lockNow();
  };

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };

  monitor.on('lock-screen', lockNow);
  monitor.on('suspend', lockNow);

  return {
    sessionChanged(unlocked) {
      if (unlocked && !timer) timer = setInterval(check, intervalMs);
      if (!unlocked) stop();
    },
    dispose() {
      stop();
      monitor.removeListener('lock-screen', lockNow);
      monitor.removeListener('suspend', lockNow);
    },
  };
}
