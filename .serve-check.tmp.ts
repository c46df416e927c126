import { createServer } from 'node:http';
import { chromium } from '@playwright/test';
import { respond } from '/work/main/electron/main/appProtocol';
import { CONTENT_SECURITY_POLICY } from '/work/main/electron/csp';

const root = '/tmp/evcheck/out/renderer';
const server = createServer(async (req, res) => {
  // The same handler as app://, reached over http for Chromium (the host is rewritten).
  const r = await respond(root, new Request(`app://caseload${req.url}`), CONTENT_SECURITY_POLICY);
  res.writeHead(r.status, Object.fromEntries(r.headers));
  res.end(Buffer.from(await r.arrayBuffer()));
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
const messages: string[] = [];
page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
await page.addInitScript({ content: `
  window.api = new Proxy({}, { get: (_t, name) => () => Promise.resolve({ ok: true, value: name === 'workspace.status' ? { state: 'none' } : null }) });
` });
await page.goto(`http://127.0.0.1:${port}/index.html`);
await page.waitForTimeout(2500);
console.log('CSP header:', (await (await fetch(`http://127.0.0.1:${port}/`)).headers.get('content-security-policy'))?.slice(0, 40));
console.log('body text:', (await page.locator('body').innerText()).slice(0, 300).replace(/\n+/g, ' | '));
console.log(messages.join('\n') || 'no console messages');
await browser.close();
server.close();
