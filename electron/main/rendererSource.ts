// Where the window's page comes from, and so which URLs count as "ours" for navigation and IPC.
// Packaged (and `npm start`): the built renderer, served on app://caseload by appProtocol.ts.
// `npm run dev`: electron-vite's dev server, named by ELECTRON_RENDERER_URL.

export const APP_SCHEME = 'app';
export const APP_HOST = 'caseload';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface RendererSource {
  /** What the window loads first. */
  entryUrl: string;
  /** The dev server's origin, or null when the built renderer is served. */
  devOrigin: string | null;
  /** True only for a page of this app: the one test for navigation and for IPC senders. */
  isAppUrl: (url: string) => boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * `devUrl` must be honoured only when the app is not packaged: an environment variable must never
 * be able to point an installed copy at someone else's page, which would then be allowed to call
 * the API.
 */
export function rendererSource(devUrl: string | undefined): RendererSource {
  const dev = devUrl ? parse(devUrl) : null;
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:')) {
    return {
      entryUrl: dev.href,
      devOrigin: dev.origin,
      isAppUrl: (url) => parse(url)?.origin === dev.origin,
    };
  }
  return {
    entryUrl: APP_ENTRY_URL,
    devOrigin: null,
    // Node's URL gives custom schemes an opaque origin ("null"), so compare scheme and host.
    isAppUrl: (url) => {
      const u = parse(url);
      return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
    },
  };
}
