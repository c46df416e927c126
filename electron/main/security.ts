// The browser-side guards: Content-Security-Policy, no navigation away, no new windows, no
// webviews, no permissions, no downloads. A caseload must never end up in a page we did not ship.
// The packaged policy lives in electron/csp.ts, shared with the browser harness. It is sent as a
// header (appProtocol.ts; onHeadersReceived below for the dev server) because a <meta> policy
// ignores frame-ancestors.
import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../csp';

/**
 * The dev server's policy: the React refresh preamble is an inline script and hot reload talks
 * over a WebSocket to the dev server. Never used when packaged (rendererSource ignores the dev URL).
 */
export function devCsp(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", `connect-src 'self' ${ws}`);
}

type SessionGuards = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

const ALLOWED = new Set<string>(['clipboard-sanitized-write']);

export function secureSession(ses: SessionGuards, csp: string): void {
  // For http(s) responses, i.e. the dev server; app:// responses carry the header themselves.
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  // Camera, microphone, notifications, geolocation, clipboard reads, USB, serial, HID: none needed.
  // Writing plain text to the clipboard is the one exception: "Copy recovery key" at set-up.
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED.has(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => ALLOWED.has(permission));
  ses.setDevicePermissionHandler(() => false);
  // Exports go through the main process, which encrypts them; a page must not write files itself.
  ses.on('will-download', (event) => event.preventDefault());
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Applied to every WebContents as it is created (app 'web-contents-created'), so none is missed. */
export function guardWebContents(contents: GuardedContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
}
