// The app shell: one instance, one hardened window, the contract on IPC, and a caseload that
// locks when the person steps away or the app quits. Everything the app does lives in core/.
import { join } from 'node:path';
import { app, dialog, ipcMain, powerMonitor, protocol, session, type BrowserWindow } from 'electron';
import { createContext, type AppContext } from '../../core/api/context';
import { lock } from '../../core/api/handlers';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { LOCKED_CHANNEL } from '../preload/channels';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { exportDestination } from './exportDialog';
import { chooseBackupFile, chooseFolder } from './folderDialog';
import { placesFrom, windowsFacts } from './places';
import { createIdleLock, type IdleLock } from './idleLock';
import { DEBUG_SWITCHES_MESSAGE, DEBUG_SWITCHES_TITLE, debuggingSwitches } from './debugSwitches';
import { registerIpc, trustedSender } from './ipc';
import { installMenu } from './menu';
import { rendererSource } from './rendererSource';
import { devCsp, guardWebContents, secureSession } from './security';
import { createMainWindow, focusWindow } from './window';

// Before anything else: an installed copy started with debugging switches stops here (see
// debugSwitches.ts: the fuses keep Node's --inspect out, but Chromium's own switches need this).
// Only the switches' existence is said, never their values. A copy run from the source tree keeps them.
if (app.isPackaged && debuggingSwitches(process.argv).length > 0) {
  dialog.showErrorBox(DEBUG_SWITCHES_TITLE, DEBUG_SWITCHES_MESSAGE);
  app.exit(1);
} else {
  boot();
}

function boot(): void {
  // Never follow ELECTRON_RENDERER_URL in an installed copy (see rendererSource.ts).
  const source = rendererSource(app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL);

  // Both must happen before `ready`.
  app.enableSandbox();
  registerAppScheme(protocol);

  if (!app.requestSingleInstanceLock()) {
    // Two copies would open the same encrypted file twice; the first copy takes over.
    app.quit();
  } else {
    start(source);
  }
}

function start(source: ReturnType<typeof rendererSource>): void {
  const dev = source.devOrigin !== null;
  // Developer tools and reload only in a copy run from the source tree, never in an installed one.
  const developing = !app.isPackaged;
  const csp = source.devOrigin ? devCsp(source.devOrigin) : CONTENT_SECURITY_POLICY;
  let win: BrowserWindow | null = null;
  let ctx: AppContext | null = null;

  app.on('second-instance', () => focusWindow(win));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, source.isAppUrl));
  app.on('window-all-closed', () => app.quit());
  // Closes the database so its key leaves memory with the process, whatever way the app ends.
  app.on('before-quit', () => {
    if (ctx) lock(ctx);
  });

  app
    .whenReady()
    .then(() => {
      if (process.platform === 'win32') app.setAppUserModelId('uk.nhs.peersupport.caseload');
      secureSession(session.defaultSession, csp);
      if (!dev) serveRenderer(protocol, join(import.meta.dirname, '..', 'renderer'), csp);
      installMenu(process.platform, developing);

      // The person's own folder, the PC's team folder and IT's policy (places.ts); folders are
      // made when a caseload is set up or opened there, not at every start.
      const places = placesFrom(windowsFacts(app.getPath('userData')));
      // Inside app.asar when packaged (electron-builder.yml `files`), so the migrations that run
      // with the key at unlock are covered by the archive's integrity check; the source tree's
      // own folder when run from it.
      const migrationsDir = join(app.getAppPath(), 'db', 'migrations');

      let idle: IdleLock | null = null;
      ctx = createContext({
        dataDir: places.user,
        places,
        migrationsDir,
        exportDestination: exportDestination(dialog, () => win, app.getPath('documents')),
        chooseFolder: chooseFolder(dialog, () => win),
        chooseFile: chooseBackupFile(dialog, () => win),
        // Built beside this file by electron-vite (electron.vite.config.ts, main input worker).
        worker: { file: join(import.meta.dirname, 'worker.js') },
        onSessionChange: (unlocked) => {
          idle?.sessionChanged(unlocked);
          // However the lock happened (idle, screen lock, sleep, the page's own button),
          // the page is told, so it drops whatever it still shows.
          if (!unlocked && win && !win.isDestroyed()) win.webContents.send(LOCKED_CHANNEL);
        },
      });
      idle = createIdleLock(ctx, powerMonitor);
      registerIpc(ipcMain, ctx, trustedSender(() => win, source.isAppUrl));

      win = createMainWindow(source.entryUrl, developing);
      win.on('closed', () => {
        win = null;
      });
    })
    .catch((e: unknown) => {
      // Only the error's kind and code: paths can hold a user name.
      const code = (e as { code?: unknown })?.code;
      console.error('[main] start-up failed', { error: (e as Error)?.name ?? 'unknown', code: typeof code === 'string' ? code : '' });
      dialog.showErrorBox('Peer Support Caseload could not start', 'The app could not start. Reinstall it, or ask IT for help; your caseload has not been changed.');
      app.exit(1);
    });
}
