// The one application window, locked down: the page gets no Node, runs sandboxed and isolated
// from the preload, and its title never changes (a title is visible on the taskbar and in
// screen shares, so it must never carry a name).
import { join } from 'node:path';
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { METHOD_NAMES } from '../../core/api/contract';
import { methodsArgument } from '../preload/channels';

export const WINDOW_TITLE = 'Peer Support Caseload';

/** The built preload, next to the built main file (out/main/index.js → out/preload/index.cjs). */
export const PRELOAD_PATH = join(import.meta.dirname, '..', 'preload', 'index.cjs');

export function mainWindowOptions(devTools: boolean): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Developer tools can read everything the page holds; an installed copy has none.
      devTools,
      // The preload cannot load the contract itself (see preload/channels.ts).
      additionalArguments: [methodsArgument(METHOD_NAMES)],
    },
  };
}

export function createMainWindow(entryUrl: string, devTools: boolean): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(devTools));
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.loadURL(entryUrl).catch((e: unknown) => {
    // Only the error's kind: a URL or message could in principle hold something identifying.
    console.error('[window] the page did not load', { error: (e as Error)?.name ?? 'unknown' });
  });
  return win;
}

/** A second launch brings this window forward instead of opening a second copy of the caseload. */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
