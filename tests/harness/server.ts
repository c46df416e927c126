// The browser harness: serves the built renderer and the real core/api handlers over loopback,
// with a window.api shim that calls them. Test-only: never part of the packaged app.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { createContext, repoMigrationsDir, type AppContext, type Places } from '../../core/api/context';
import { METHOD_NAMES } from '../../core/api/contract';
import { dispatch } from '../../core/api/dispatch';
import { lock } from '../../core/api/handlers';
import type { Argon2Params } from '../../db/keyEnvelope';
import { Answers } from './answers';
import { prepareDataDir } from './dataDir';
import { CALL_ID_HEADER, shimScript } from './shim';
import { baseFileName } from '../../core/domain/localPath';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';

const ROOT = resolve(import.meta.dirname, '..', '..', 'out', 'renderer');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const DOWNLOAD_TYPES: Record<string, string> = { '.zip': 'application/zip', '.pdf': 'application/pdf', '.csv': 'text/csv; charset=utf-8' };

export interface Harness {
  url: string;
  port: number;
  ctx: AppContext;
  close(): Promise<void>;
}

export async function startHarness(options: { dataDir: string; port?: number; argon2?: Argon2Params; places?: Partial<Omit<Places, 'user'>> }): Promise<Harness> {
  if (!existsSync(join(ROOT, 'index.html'))) throw new Error('The renderer is not built: run `npm run build:renderer` first.');
  // The data folder is made if it is not there yet; one that cannot be used stops here, in words.
  prepareDataDir(options.dataDir);
  const token = randomBytes(24).toString('hex');
  const script = await shimScript(METHOD_NAMES, token);
  const answers = new Answers<Awaited<ReturnType<typeof dispatch>>>();
  const exportsDir = join(options.dataDir, 'exports');
  const ctx = createContext({
    dataDir: options.dataDir,
    places: options.places,
    migrationsDir: repoMigrationsDir(),
    argon2: options.argon2,
    // The browser stands in for the save dialog: the file is written here and downloaded.
    exportLocation: (path) => `/__harness/exports/${encodeURIComponent(basename(path))}?token=${token}`,
  });
  let port = 0;

  const tokenOk = (given: string | null | undefined) => {
    const a = Buffer.from(given ?? '');
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, 'text/plain', 'Harness error'));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Only this loopback origin: a page elsewhere cannot reach the API by DNS rebinding.
    if (req.headers.host !== `127.0.0.1:${port}`) return send(res, 403, 'text/plain', 'Forbidden');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/__harness/api/') && req.method === 'POST') {
      if (!tokenOk(req.headers['x-harness-token'] as string | undefined)) return send(res, 403, 'text/plain', 'Forbidden');
      const name = decodeURIComponent(url.pathname.slice('/__harness/api/'.length));
      let input: unknown;
      try {
        input = JSON.parse((await readBody(req)) || '{}');
      } catch {
        input = undefined;
      }
      // A call tried again after its connection failed gets the first try's answer (answers.ts).
      const result = await answers.once(req.headers[CALL_ID_HEADER] as string | undefined, () => dispatch(ctx, name, input));
      return send(res, 200, 'application/json', JSON.stringify(result));
    }
    if (url.pathname.startsWith('/__harness/exports/')) {
      if (!tokenOk(url.searchParams.get('token'))) return send(res, 403, 'text/plain', 'Forbidden');
      // Only a file's own name, joined to the exports folder: never a way out of it.
      const name = baseFileName(decodeURIComponent(url.pathname.slice('/__harness/exports/'.length)));
      if (name === null) return send(res, 404, 'text/plain', 'Not found');
      const file = join(exportsDir, name);
      if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'text/plain', 'Not found');
      return send(res, 200, DOWNLOAD_TYPES[extname(name)] ?? 'text/csv; charset=utf-8', readFileSync(file), {
        'content-disposition': `attachment; filename="${name}"`,
      });
    }
    if (url.pathname === '/__harness/api.js') {
      if (!tokenOk(url.searchParams.get('token'))) return send(res, 403, 'text/plain', 'Forbidden');
      return send(res, 200, TYPES['.js'], script);
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!tokenOk(url.searchParams.get('token'))) return send(res, 403, 'text/plain', 'Open the address the harness printed (it carries a token).');
      const html = readFileSync(join(ROOT, 'index.html'), 'utf8').replace(
        '<head>',
        `<head>\n    <script src="/__harness/api.js?token=${token}"></script>`,
      );
      return send(res, 200, TYPES['.html'], html, { 'content-security-policy': CONTENT_SECURITY_POLICY });
    }
    const file = normalize(join(ROOT, decodeURIComponent(url.pathname)));
    if (!file.startsWith(ROOT + sep) || !existsSync(file)) return send(res, 404, 'text/plain', 'Not found');
    return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  }

  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    ctx,
    close: () =>
      new Promise<void>((ok) => {
        lock(ctx);
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 5_000_000) {
        fail(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}
