// Wires every contract method onto IPC. Each call first proves it came from our own page in our
// own window; only then does dispatch() parse the input with the contract's schema and run the
// handler. Both steps answer with a Result, so nothing thrown crosses the boundary.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { AppContext } from '../../core/api/context';
import { METHOD_NAMES } from '../../core/api/contract';
import { dispatch } from '../../core/api/dispatch';
import { fail } from '../../core/domain/result';
import { API_CHANNEL_PREFIX } from '../preload/channels';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;
type IpcRegistry = Pick<IpcMain, 'handle' | 'removeHandler'>;

const FORBIDDEN_MESSAGE = 'This request did not come from the caseload window, so it was refused.';

/** Registers one handler per method; returns a function that removes them again. */
export function registerIpc(ipc: IpcRegistry, ctx: AppContext, isTrustedSender: SenderCheck): () => void {
  for (const name of METHOD_NAMES) {
    ipc.handle(API_CHANNEL_PREFIX + name, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        // The method name only: a refused input is not ours to log.
        console.warn('[ipc] refused a call from an unexpected frame', { method: name });
        return fail('FORBIDDEN', FORBIDDEN_MESSAGE);
      }
      return dispatch(ctx, name, input);
    });
  }
  return () => {
    for (const name of METHOD_NAMES) ipc.removeHandler(API_CHANNEL_PREFIX + name);
  };
}

/**
 * A sender is trusted when it is the main frame of our window (not an iframe, not another
 * window) and that frame shows one of our pages.
 */
export function trustedSender(getWindow: () => BrowserWindow | null, isAppUrl: (url: string) => boolean): SenderCheck {
  return (event) => {
    const win = getWindow();
    const frame = event.senderFrame;
    if (!win || win.isDestroyed() || !frame || frame.detached) return false;
    if (event.sender !== win.webContents) return false;
    const main = win.webContents.mainFrame;
    // Electron hands out one object per frame; the token comparison covers a re-wrapped frame.
    const isMainFrame = frame === main || (frame.processId === main.processId && frame.frameToken === main.frameToken);
    return isMainFrame && isAppUrl(frame.url);
  };
}
