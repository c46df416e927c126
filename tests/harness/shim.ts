// The page's window.api in the harness: the same surface as Electron's preload (one function per
// contract method), each call an HTTP request to the harness, tried again while the machine is too
// busy to answer (retry.ts, compiled here for the browser) with "Still working…" on screen.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transformWithEsbuild } from 'vite';

let compiled: Promise<string> | undefined;

/** retry.ts as a browser script defining `HarnessRetry`; compiled once per process. */
function retryScript(): Promise<string> {
  compiled ??= readFile(join(import.meta.dirname, 'retry.ts'), 'utf8')
    .then((source) => transformWithEsbuild(source, 'retry.ts', { loader: 'ts', format: 'iife', globalName: 'HarnessRetry', target: 'es2022' }))
    .then((result) => result.code);
  return compiled;
}

/** The header that names a call, the same on every try of it (answers.ts). */
export const CALL_ID_HEADER = 'x-harness-call';

export async function shimScript(methodNames: readonly string[], token: string): Promise<string> {
  return `${await retryScript()}
(() => {
  const { withRetry, sharedNotice, NoAnswer } = HarnessRetry;
  const names = ${JSON.stringify(methodNames)};
  const token = ${JSON.stringify(token)};
  const clock = { now: () => performance.now(), sleep: (ms) => new Promise((done) => setTimeout(done, ms)) };
  // Shown at the foot of the page while a call is being tried again; a live region, so a
  // screen reader hears it too. Styled through the DOM: the page's CSP allows no inline <style>.
  let banner = null;
  const notice = sharedNotice((on) => {
    if (on && !banner) {
      banner = document.createElement('div');
      banner.setAttribute('role', 'status');
      banner.dataset.harness = 'still-working';
      banner.textContent = 'Still working…';
      Object.assign(banner.style, { position: 'fixed', left: '50%', bottom: '16px', transform: 'translateX(-50%)', zIndex: '10000', padding: '8px 16px', borderRadius: '4px', background: '#1f2933', color: '#ffffff', font: '16px system-ui, sans-serif' });
      (document.body ?? document.documentElement).append(banner);
    } else if (!on && banner) {
      banner.remove();
      banner = null;
    }
  });
  const failed = (message) => ({ ok: false, error: { code: 'INTERNAL', message } });
  const callPrefix = Math.random().toString(36).slice(2);
  let calls = 0;
  const api = {};
  for (const name of names) {
    api[name] = (input) => {
      const id = callPrefix + '-' + ++calls;
      const body = JSON.stringify(input ?? {});
      return withRetry(async () => {
        let response;
        try {
          response = await fetch('/__harness/api/' + encodeURIComponent(name), {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-harness-token': token, ${JSON.stringify(CALL_ID_HEADER)}: id },
            body,
          });
        } catch {
          throw new NoAnswer('no answer');
        }
        // The harness answered but could not run the call: trying again would not help.
        if (!response.ok) return failed('The harness could not run this (' + response.status + '). Look at the terminal where it runs.');
        try {
          return await response.json();
        } catch {
          throw new NoAnswer('answer cut short');
        }
      }, failed, clock, notice);
    };
  }
  window.api = Object.freeze(api);
})();`;
}
