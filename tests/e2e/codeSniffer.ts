// A second accessibility engine beside axe: HTML_CodeSniffer (Squiz, BSD-3), run in the page at
// WCAG 2 AA. The two disagree usefully: HTML_CodeSniffer found the unnamed fieldset, the hints that
// lived only in placeholders and the banner landmark repeated in dialogs that axe passed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const SOURCE = readFileSync(createRequire(import.meta.url).resolve('html_codesniffer/build/HTMLCS.js'), 'utf8');

export interface SnifferError {
  code: string;
  message: string;
  /** A short description of the element: tag, id, role and name, to find it in the DOM. */
  element: string;
}

/**
 * Errors HTML_CodeSniffer reports that are not errors here. Each names its rule, where it
 * applies and why; anything not listed fails the check.
 */
export const ALLOWED: { code: RegExp; element?: RegExp; reason: string }[] = [];

/** Every WCAG 2 AA error HTML_CodeSniffer finds on what the page shows now (warnings and notices left out). */
export async function codeSnifferErrors(page: Page): Promise<SnifferError[]> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy refuses inline scripts.
  await page.evaluate(SOURCE);
  return page.evaluate(RUN);
}

// In-page code as text: a bundler's helpers (esbuild's __name under tsx) do not exist in the page.
const RUN = `new Promise((resolve, reject) => {
  const describe = (el) => {
    if (!(el instanceof Element)) return 'document';
    const bits = [el.tagName.toLowerCase()];
    if (el.id) bits.push('#' + el.id);
    const role = el.getAttribute('role');
    if (role) bits.push('[role=' + role + ']');
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40);
    if (name) bits.push('"' + name + '"');
    return bits.join(' ');
  };
  HTMLCS.process(
    'WCAG2AA',
    document,
    () => resolve(HTMLCS.getMessages().filter((m) => m.type <= (window.__snifferLevel ?? HTMLCS.ERROR)).map((m) => ({ code: m.code, message: m.msg, element: describe(m.element) }))),
    () => reject(new Error('HTML_CodeSniffer could not run')),
    'en',
  );
})`;

/** No HTML_CodeSniffer WCAG 2 AA errors on what the page shows now, beyond the documented allow-list. */
export async function expectCodeSnifferClean(page: Page, screen: string): Promise<void> {
  const errors = (await codeSnifferErrors(page)).filter((e) => !ALLOWED.some((a) => a.code.test(e.code) && (!a.element || a.element.test(e.element))));
  expect(
    errors.map((e) => `${e.code}: ${e.message} (${e.element})`),
    `HTML_CodeSniffer errors on ${screen}`,
  ).toEqual([]);
}
