// The Electron shell without an Electron binary: `electron` is replaced by small fakes, and
// everything behind IPC (dispatch, handlers, encrypted SQLite) is real.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../core/api/contract';
import { dispatch } from '../../core/api/dispatch';
import { lock } from '../../core/api/handlers';
import { respond } from '../../electron/main/appProtocol';
import { createIdleLock } from '../../electron/main/idleLock';
import { registerIpc, trustedSender } from '../../electron/main/ipc';
import { menuTemplate } from '../../electron/main/menu';
import { APP_ENTRY_URL, rendererSource } from '../../electron/main/rendererSource';
import { CONTENT_SECURITY_POLICY as CSP } from '../../electron/csp';
import { devCsp, guardWebContents, secureSession } from '../../electron/main/security';
import { createMainWindow, WINDOW_TITLE } from '../../electron/main/window';
import { LOCKED_CHANNEL, methodsArgument } from '../../electron/preload/channels';
import { newWorkspace, PASSPHRASE, tempDir, testContext } from '../support/workspace';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    removeListener(event: string, listener: Listener) {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((l) => l !== listener),
      );
      return this;
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }

  class FakeWebContents extends Emitter {
    mainFrame = { url: 'app://caseload/index.html', processId: 1, frameToken: 'main-frame', detached: false };
    send = vi.fn();
    setWindowOpenHandler = vi.fn();
  }

  class FakeWindow extends Emitter {
    static all: FakeWindow[] = [];
    webContents = new FakeWebContents();
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isDestroyed = () => false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeWindow.all.push(this);
    }
  }

  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => void handlers.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };

  const session = Object.assign(new Emitter(), {
    webRequest: { onHeadersReceived: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  });

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    userData: '',
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn(() => app.userData),
    getAppPath: vi.fn(() => process.cwd()),
    setAppUserModelId: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  });

  const powerMonitor = Object.assign(new Emitter(), { getSystemIdleTime: vi.fn(() => 0) });

  return {
    Emitter,
    FakeWindow,
    handlers,
    electron: {
      app,
      session: { defaultSession: session },
      BrowserWindow: FakeWindow,
      Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      ipcMain,
      powerMonitor,
      dialog: { showErrorBox: vi.fn() },
      contextBridge: { exposeInMainWorld: vi.fn() },
      ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() },
    },
  };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

// The real dispatcher, watched, so a refused call can be shown never to reach it.
vi.mock('../../core/api/dispatch', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../core/api/dispatch')>();
  return { ...actual, dispatch: vi.fn(actual.dispatch) };
});

const folders: Array<() => void> = [];
function folder(): string {
  const { dir, cleanup } = tempDir('electron-main-');
  folders.push(cleanup);
  return dir;
}
afterAll(() => folders.forEach((cleanup) => cleanup()));

function fakeEvent<T extends object>(extra: T) {
  return { preventDefault: vi.fn(), ...extra };
}

describe('the window', () => {
  it('is isolated, sandboxed and has no Node, webviews or developer tools when installed', () => {
    const win = createMainWindow(APP_ENTRY_URL, false) as unknown as InstanceType<typeof fake.FakeWindow>;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(String(prefs.preload)).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(prefs.additionalArguments).toEqual([methodsArgument(METHOD_NAMES)]);
    expect(win.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
  });

  it('keeps its fixed title and shows only when ready', () => {
    const win = createMainWindow(APP_ENTRY_URL, false) as unknown as InstanceType<typeof fake.FakeWindow>;
    expect(win.options.title).toBe(WINDOW_TITLE);
    expect(win.options.show).toBe(false);
    const titleChange = fakeEvent({});
    win.emit('page-title-updated', titleChange, 'Sam Peer – Riverside');
    expect(titleChange.preventDefault).toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });
});

describe('the Content-Security-Policy', () => {
  it('allows only our own scripts and never eval', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self';");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).not.toContain('unsafe-eval');
  });

  it('is loosened for the dev server only as far as hot reload needs', () => {
    const dev = devCsp('http://localhost:5173');
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws://localhost:5173");
    expect(dev).not.toContain('unsafe-eval');
  });

  it('replaces any policy a response brought with ours', () => {
    const ses = new fake.Emitter() as InstanceType<typeof fake.Emitter> & Record<string, ReturnType<typeof vi.fn> | object>;
    const onHeadersReceived = vi.fn();
    Object.assign(ses, {
      webRequest: { onHeadersReceived },
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    });
    secureSession(ses as unknown as Parameters<typeof secureSession>[0], CSP);
    const listener = onHeadersReceived.mock.calls[0][0] as Listener;
    const callback = vi.fn();
    listener({ responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] } });
  });
});

describe('the session', () => {
  const ses = fake.electron.session.defaultSession;
  secureSession(ses as unknown as Parameters<typeof secureSession>[0], CSP);

  it('refuses every permission request and check but writing text to the clipboard', () => {
    const request = ses.setPermissionRequestHandler.mock.calls[0][0] as Listener;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = ses.setPermissionCheckHandler.mock.calls[0][0] as Listener;
    expect(check({}, 'media', 'app://caseload', {})).toBe(false);
    const allowed = vi.fn();
    request({}, 'clipboard-sanitized-write', allowed, {});
    expect(allowed).toHaveBeenCalledWith(true);
    const device = ses.setDevicePermissionHandler.mock.calls[0][0] as Listener;
    expect(device({})).toBe(false);
  });

  it('refuses downloads started by a page', () => {
    const download = fakeEvent({});
    ses.emit('will-download', download);
    expect(download.preventDefault).toHaveBeenCalled();
  });
});

describe('navigation and new windows', () => {
  const contents = Object.assign(new fake.Emitter(), { setWindowOpenHandler: vi.fn() });
  guardWebContents(contents as unknown as WebContents, rendererSource(undefined).isAppUrl);

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s to another site is prevented', (name) => {
    const outside = fakeEvent({ url: 'https://example.org/' });
    contents.emit(name, outside, outside.url);
    expect(outside.preventDefault).toHaveBeenCalled();
    const file = fakeEvent({ url: 'file:///etc/passwd' });
    contents.emit(name, file, file.url);
    expect(file.preventDefault).toHaveBeenCalled();
  });

  it('lets the app move between its own pages', () => {
    const inside = fakeEvent({ url: 'app://caseload/index.html#/people' });
    contents.emit('will-navigate', inside, inside.url);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window and webview', () => {
    const handler = contents.setWindowOpenHandler.mock.calls[0][0] as Listener;
    expect(handler({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(handler({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
    const webview = fakeEvent({});
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

describe('which pages are ours', () => {
  it('is app://caseload when built', () => {
    const { entryUrl, isAppUrl, devOrigin } = rendererSource(undefined);
    expect(entryUrl).toBe('app://caseload/index.html');
    expect(devOrigin).toBeNull();
    expect(isAppUrl('app://caseload/index.html#/people/1')).toBe(true);
    for (const url of ['app://other/index.html', 'app://x@caseload/index.html', 'file:///app/out/renderer/index.html', 'https://caseload/', 'not a url']) {
      expect(isAppUrl(url)).toBe(false);
    }
  });

  it('is the dev server origin in development, and nothing that is not http(s)', () => {
    const { isAppUrl, entryUrl } = rendererSource('http://localhost:5173');
    expect(entryUrl).toBe('http://localhost:5173/');
    expect(isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isAppUrl('http://localhost:5174/')).toBe(false);
    expect(rendererSource('javascript:alert(1)').entryUrl).toBe(APP_ENTRY_URL);
  });
});

describe('app:// serves the built renderer and nothing else', () => {
  const parent = folder();
  const root = join(parent, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(parent, 'outside.js'), 'next to the renderer folder, so never served');
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Peer Support Caseload</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(root, 'secret.txt'), 'not served: no known type');
  const get = (url: string, method = 'GET') => respond(root, new Request(url, { method }), CSP);

  it('serves the page with the policy as a header', async () => {
    const page = await get('app://caseload/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(await page.text()).toContain('<title>');
    const script = await get('app://caseload/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses paths outside the folder, other hosts, unknown types and writes', async () => {
    expect((await get('app://caseload/..%2Foutside.js')).status).toBe(404);
    expect((await get('app://caseload/assets/..%2F..%2Foutside.js')).status).toBe(404);
    expect((await get('app://caseload/..%2F..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await get('app://caseload/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://caseload/secret.txt')).status).toBe(404);
    expect((await get('app://caseload/missing.js')).status).toBe(404);
    expect((await get('app://caseload/index.html', 'POST')).status).toBe(405);
  });
});

describe('the menu', () => {
  const labels = (platform: NodeJS.Platform, dev: boolean) => JSON.stringify(menuTemplate(platform, dev));

  it('has no help links and no developer tools when installed', () => {
    expect(labels('win32', false)).not.toMatch(/toggleDevTools|reload|help|openExternal/i);
    expect(labels('win32', false)).toContain('zoomIn');
    expect(labels('win32', true)).toContain('toggleDevTools');
  });
});

describe('IPC', () => {
  const dir = folder();
  const ctx = testContext(dir);
  const win = new fake.FakeWindow({});
  const calls = new Map<string, Listener>();
  const ipc = { handle: vi.fn((channel: string, listener: Listener) => void calls.set(channel, listener)), removeHandler: vi.fn() };
  registerIpc(ipc, ctx, trustedSender(() => win as never, rendererSource(undefined).isAppUrl));

  const invoke = (name: string, event: object, input: unknown = {}) => calls.get(`api:${name}`)!(event as IpcMainInvokeEvent, input);
  const trusted = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });

  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  beforeEach(() => {
    vi.mocked(dispatch).mockClear();
    warn.mockClear();
  });
  afterAll(() => warn.mockRestore());

  it('registers exactly one channel per contract method', () => {
    expect([...calls.keys()].sort()).toEqual(METHOD_NAMES.map((n) => `api:${n}`).sort());
  });

  it('answers the trusted frame through dispatch', async () => {
    expect(await invoke('workspace.status', trusted())).toMatchObject({ ok: true, value: { state: 'none' } });
    expect(dispatch).toHaveBeenCalledOnce();
  });

  it('still parses the trusted frame’s input with the contract', async () => {
    const result = (await invoke('people.list', trusted(), { query: 1, extra: true })) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('VALIDATION');
  });

  const untrusted: Record<string, () => object> = {
    'a different frame object': () => ({ sender: win.webContents, senderFrame: { ...win.webContents.mainFrame, frameToken: 'iframe' } }),
    'a foreign URL in our main frame': () => ({
      sender: win.webContents,
      senderFrame: Object.assign(win.webContents.mainFrame, { url: 'https://example.org/' }),
    }),
    'a file:// page': () => ({ sender: win.webContents, senderFrame: Object.assign(win.webContents.mainFrame, { url: 'file:///tmp/evil.html' }) }),
    'another window': () => {
      const other = new fake.FakeWindow({});
      return { sender: other.webContents, senderFrame: other.webContents.mainFrame };
    },
    'a frame that has gone': () => ({ sender: win.webContents, senderFrame: null }),
  };

  for (const [label, event] of Object.entries(untrusted)) {
    it(`refuses ${label} with FORBIDDEN and never runs the handler`, async () => {
      const before = win.webContents.mainFrame.url;
      const result = await invoke('workspace.status', event());
      win.webContents.mainFrame.url = before;
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
      expect(dispatch).not.toHaveBeenCalled();
      // Logged with the method name only: never the input, which could hold a person's details.
      expect(warn).toHaveBeenCalledWith(expect.any(String), { method: 'workspace.status' });
    });
  }
});

describe('the preload', () => {
  const { contextBridge, ipcRenderer } = fake.electron;
  const exposed = () => Object.fromEntries(contextBridge.exposeInMainWorld.mock.calls.map((c) => [c[0], c[1]])) as Record<string, Record<string, Listener>>;

  const argv = process.argv;

  beforeEach(async () => {
    contextBridge.exposeInMainWorld.mockClear();
    vi.resetModules();
    // What the main process appends through additionalArguments, plus a value that must be dropped.
    process.argv = ['electron', '--type=renderer', methodsArgument([...METHOD_NAMES, 'not a name'])];
    await import('../../electron/preload/index');
  });
  afterEach(() => {
    process.argv = argv;
  });

  it('exposes exactly the contract’s methods as window.api, each on its own channel', async () => {
    const { api } = exposed();
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    await api['people.list']({ query: 'Ada' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('api:people.list', { query: 'Ada' });
  });

  it('exposes the lock event with an unsubscribe, and nothing else', () => {
    const { appEvents } = exposed();
    expect(Object.keys(exposed()).sort()).toEqual(['api', 'appEvents']);
    const callback = vi.fn();
    const unsubscribe = appEvents.onLocked(callback) as () => void;
    const [channel, listener] = ipcRenderer.on.mock.calls.at(-1) as unknown as [string, Listener];
    expect(channel).toBe(LOCKED_CHANNEL);
    listener({ sender: 'ipcRenderer internals' });
    expect(callback).toHaveBeenCalledWith();
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(LOCKED_CHANNEL, listener);
  });
});

describe('the idle lock', () => {
  it('locks once the system has been idle for the workspace’s limit, then stops checking', async () => {
    const { ctx } = await newWorkspace(folder());
    const changes: boolean[] = [];
    const monitor = Object.assign(new fake.Emitter(), { getSystemIdleTime: vi.fn(() => 60) });
    const idle = createIdleLock(ctx, monitor, 5);
    ctx.onSessionChange = (unlocked) => {
      changes.push(unlocked);
      idle.sessionChanged(unlocked);
    };
    idle.sessionChanged(true);
    await new Promise((r) => setTimeout(r, 40));
    expect(ctx.session).not.toBeNull(); // one minute idle, limit five (the default)

    monitor.getSystemIdleTime.mockReturnValue(5 * 60);
    await vi.waitFor(() => expect(ctx.session).toBeNull());
    expect(changes).toEqual([false]);
    const checks = monitor.getSystemIdleTime.mock.calls.length;
    await new Promise((r) => setTimeout(r, 40));
    expect(monitor.getSystemIdleTime.mock.calls.length).toBe(checks);
    idle.dispose();
  }, 20_000);

  it('locks on screen lock and on sleep', async () => {
    for (const event of ['lock-screen', 'suspend']) {
      const { ctx } = await newWorkspace(folder());
      const monitor = Object.assign(new fake.Emitter(), { getSystemIdleTime: vi.fn(() => 0) });
      const idle = createIdleLock(ctx, monitor);
      monitor.emit(event);
      expect(ctx.session).toBeNull();
      idle.dispose();
      lock(ctx);
    }
  }, 20_000);
});

describe('the app shell (index.ts)', () => {
  const { app, ipcMain, powerMonitor, protocol } = fake.electron;
  let win: InstanceType<typeof fake.FakeWindow>;
  const call = (name: string, input: unknown = {}) =>
    fake.handlers.get(`api:${name}`)!({ sender: win.webContents, senderFrame: win.webContents.mainFrame } as never, input) as Promise<{
      ok: boolean;
      value?: { state?: string };
    }>;

  it('starts: one instance, app:// served, the contract on IPC, one window', async () => {
    delete process.env.ELECTRON_RENDERER_URL;
    app.userData = folder();
    fake.FakeWindow.all = [];
    await import('../../electron/main/index');
    await vi.waitFor(() => expect(fake.FakeWindow.all).toHaveLength(1));
    win = fake.FakeWindow.all[0];
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(win.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(ipcMain.handle).toHaveBeenCalledTimes(METHOD_NAMES.length);
    expect(app.getAppPath).toHaveBeenCalled();
    // No caseload yet: set-up is offered for the person's own folder (no team folder off Windows),
    // with Electron's own folder and file choosers; nothing is made on disk until set-up.
    expect(await call('workspace.status')).toMatchObject({ ok: true, value: { state: 'none', place: 'user', training: false, setup: { teamAvailable: false, canChooseFolder: true, canChooseFile: true } } });
    expect(existsSync(join(app.userData, 'workspace', 'caseload.keys'))).toBe(false);
  });

  it('focuses the first window when the app is started again', () => {
    app.emit('second-instance');
    expect(win.focus).toHaveBeenCalled();
  });

  it('locks on screen lock and tells the page', async () => {
    const created = await call('workspace.create', { organisation: 'Riverside Sexual Health', displayName: 'Sam Peer', passphrase: PASSPHRASE });
    expect(created.ok).toBe(true);
    expect((await call('workspace.status')).value?.state).toBe('unlocked');
    powerMonitor.emit('lock-screen');
    expect((await call('workspace.status')).value?.state).toBe('locked');
    expect(win.webContents.send).toHaveBeenCalledWith(LOCKED_CHANNEL);
  }, 20_000);

  it('locks before quitting', async () => {
    expect((await call('session.unlock', { passphrase: PASSPHRASE })).ok).toBe(true);
    app.emit('before-quit');
    expect((await call('workspace.status')).value?.state).toBe('locked');
  }, 20_000);

  it('guards every web contents that is created', () => {
    const contents = Object.assign(new fake.Emitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    const outside = fakeEvent({ url: 'https://example.org/' });
    contents.emit('will-navigate', outside);
    expect(outside.preventDefault).toHaveBeenCalled();
  });
});

describe('debugging switches at start (index.ts)', () => {
  const { app, dialog } = fake.electron;
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
    app.isPackaged = false;
  });

  /** index.ts run afresh, as at a new start of the app. */
  async function startApp(args: string[], packaged: boolean) {
    app.isPackaged = packaged;
    process.argv = [argv[0], ...args];
    vi.resetModules();
    await import('../../electron/main/index');
  }

  it('an installed copy shows a plain error box and exits with code 1 before anything else, never naming the values', async () => {
    const before = { sandbox: app.enableSandbox.mock.calls.length, lock: app.requestSingleInstanceLock.mock.calls.length, ready: app.whenReady.mock.calls.length };
    dialog.showErrorBox.mockClear();
    app.exit.mockClear();
    await startApp(['--remote-debugging-port=31337', '--js-flags', '--allow-natives-syntax'], true);
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Peer Support Caseload', 'Peer Support Caseload cannot start with debugging switches. Start it from its shortcut.');
    expect(JSON.stringify(dialog.showErrorBox.mock.calls)).not.toMatch(/31337|natives/);
    expect(app.exit).toHaveBeenCalledWith(1);
    // Nothing else ran: no sandbox switch, no instance lock, no window, no IPC.
    expect(app.enableSandbox.mock.calls.length).toBe(before.sandbox);
    expect(app.requestSingleInstanceLock.mock.calls.length).toBe(before.lock);
    expect(app.whenReady.mock.calls.length).toBe(before.ready);
  });

  it.each([['--inspect-brk=9229'], ['--INSPECT'], ['--remote-debugging-pipe']])('an installed copy refuses %s too', async (arg) => {
    app.exit.mockClear();
    await startApp([arg], true);
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('an installed copy without them starts, and a copy run from the source tree keeps them', async () => {
    for (const [args, packaged] of [[['--lang=en-GB'], true], [['--inspect', '--remote-debugging-port=9222'], false]] as const) {
      dialog.showErrorBox.mockClear();
      app.exit.mockClear();
      // Another copy holds the lock, so this start goes no further than that check.
      app.requestSingleInstanceLock.mockReturnValueOnce(false);
      const quits = app.quit.mock.calls.length;
      await startApp([...args], packaged);
      expect(dialog.showErrorBox).not.toHaveBeenCalled();
      expect(app.exit).not.toHaveBeenCalled();
      expect(app.quit.mock.calls.length).toBe(quits + 1);
    }
  });
});

describe('saving an export', () => {
  it('asks with the save dialog, suggests Documents, and treats cancel as nothing saved', async () => {
    const { exportDestination } = await import('../../electron/main/exportDialog');
    const showSaveDialog = vi.fn().mockResolvedValueOnce({ canceled: false, filePath: '/home/x/Documents/referrals_2026-10-01_2026-10-31.csv' }).mockResolvedValueOnce({ canceled: true, filePath: '' });
    const choose = exportDestination({ showSaveDialog } as never, () => null, '/home/x/Documents');
    expect(await choose('referrals_2026-10-01_2026-10-31.csv')).toBe('/home/x/Documents/referrals_2026-10-01_2026-10-31.csv');
    expect(showSaveDialog.mock.calls[0][0]).toMatchObject({ defaultPath: '/home/x/Documents/referrals_2026-10-01_2026-10-31.csv', filters: [{ extensions: ['csv'] }] });
    expect(await choose('referrals_2026-10-01_2026-10-31.csv')).toBeNull();
  });

  it('offers the type being saved: a profile file as JSON, an encrypted export as ZIP, a subject access copy as PDF, a workbook as XLSX', async () => {
    const { exportDestination } = await import('../../electron/main/exportDialog');
    const showSaveDialog = vi.fn().mockResolvedValue({ canceled: false, filePath: '/x' });
    const choose = exportDestination({ showSaveDialog } as never, () => null, '/home/x/Documents');
    await choose('trust-q.profile.json');
    await choose('referrals_2026-10-01_2026-10-31.zip');
    await choose('subject-access-PS-7K2M-Q9XD-2026-11-21.pdf');
    await choose('referrals_2026-10-01_2026-10-31.xlsx');
    expect(showSaveDialog.mock.calls.map((c) => c[0].filters[0].extensions[0])).toEqual(['json', 'zip', 'pdf', 'xlsx']);
    expect(showSaveDialog.mock.calls[3][0].filters[0].name).toBe('Excel workbook');
    expect(showSaveDialog.mock.calls[0][0].title).toBe('Save export profile');
  });

  it('suggests only the name’s last part inside Documents, and refuses a name with nothing left', async () => {
    const { exportDestination } = await import('../../electron/main/exportDialog');
    const showSaveDialog = vi.fn().mockResolvedValue({ canceled: true, filePath: '' });
    const choose = exportDestination({ showSaveDialog } as never, () => null, '/home/x/Documents');
    await choose('audit-log_/../../../_2026-01-31.csv');
    await choose('..\\..\\evil.csv');
    expect(showSaveDialog.mock.calls.map((c) => c[0].defaultPath)).toEqual(['/home/x/Documents/_2026-01-31.csv', '/home/x/Documents/evil.csv']);
    await expect(choose('../')).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('choosing the backup folder', () => {
  it('asks with the folder dialog, starts at the current folder, and treats cancel as no change', async () => {
    const { chooseFolder } = await import('../../electron/main/folderDialog');
    const showOpenDialog = vi.fn().mockResolvedValueOnce({ canceled: false, filePaths: ['/mnt/backups/caseload'] }).mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const choose = chooseFolder({ showOpenDialog } as never, () => null);
    expect(await choose('/home/x/caseload/backups')).toBe('/mnt/backups/caseload');
    expect(showOpenDialog.mock.calls[0][0]).toMatchObject({ defaultPath: '/home/x/caseload/backups', properties: expect.arrayContaining(['openDirectory']) });
    expect(await choose('/home/x/caseload/backups')).toBeNull();
  });
});
