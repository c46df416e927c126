// Serves the built renderer on app://caseload/ rather than file://.
// Two reasons, both from the security settings we want: the packaged app turns off the
// grantFileProtocolExtraPrivileges fuse, after which Chromium treats file:// as a browser does
// and refuses the module scripts Vite emits; and a Content-Security-Policy header cannot be
// added to file:// responses at all. Here every response carries the policy, and only files
// inside the renderer folder can be read.
import fs from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './rendererSource';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Must run before app `ready`: a standard, secure scheme gets a real origin, so 'self' means it. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, codeCache: true } }]);
}

export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, (request) => respond(rendererDir, request, csp));
}

function plain(status: number): Response {
  return new Response(null, { status, headers: { 'x-content-type-options': 'nosniff' } });
}

/** One request to app://: kept free of Electron so it is tested with ordinary files. */
export async function respond(rendererDir: string, request: Request, csp: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405);
  let url: URL;
  let path: string;
  try {
    url = new URL(request.url);
    path = decodeURIComponent(url.pathname);
  } catch {
    return plain(400);
  }
  if (url.host !== APP_HOST) return plain(404);
  const root = resolve(rendererDir);
  const file = resolve(join(root, path === '/' || path === '' ? 'index.html' : path));
  const inside = relative(root, file);
  // Refuses ../ and, on Windows, another drive: only the renderer folder is served.
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return plain(404);
  const type = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!type) return plain(404);
  let body: Buffer;
  try {
    // fs, not net.fetch(file://): Electron's fs reads inside app.asar, whatever the fuses say.
    body = await fs.promises.readFile(file);
  } catch {
    return plain(404);
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { 'content-type': type, 'content-security-policy': csp, 'x-content-type-options': 'nosniff' },
  });
}
