// Locks after the workspace's idle time with no keyboard or mouse activity in the window, and
// when Electron's main process reports the OS screen lock or suspend.
import { useIdle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { lockNow, showLocked } from '../../shared/session';

export function useAutoLock(idleMinutes: number): void {
  const queryClient = useQueryClient();
  const idle = useIdle(idleMinutes * 60_000, {
    events: ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'],
    initialState: false,
  });
  useEffect(() => {
    if (idle) void lockNow(queryClient);
  }, [idle, queryClient]);
  useEffect(() => window.appEvents?.onLocked(() => showLocked(queryClient)), [queryClient]);
}
