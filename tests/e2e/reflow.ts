// Checks for WCAG 2.2 reflow (1.4.10) as a person zoomed in would notice it: the page must not
// scroll sideways, and a person's name must not be cut down to a letter or two.
import { expect, type Locator, type Page } from '@playwright/test';

/** How far the page scrolls sideways, and the outermost elements that stick out past the window. */
export async function sidewaysScroll(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(SIDEWAYS);
}

// In-page code as text: the tests' own TypeScript has no DOM types, and the page has no bundler helpers.
const SIDEWAYS = `(() => {
  const root = document.scrollingElement;
  const width = root.clientWidth;
  const culprits = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    // Only the outermost: its children stick out because it does.
    const parentBox = el.parentElement?.getBoundingClientRect();
    if (parentBox && parentBox.right > width + 1) continue;
    if (getComputedStyle(el).position === 'fixed') continue;
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
    culprits.push(el.tagName.toLowerCase() + ' "' + name + '" (' + Math.round(box.right - width) + ' px)');
  }
  return { overflow: root.scrollWidth - width, culprits: culprits.slice(0, 5) };
})()`;

export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { overflow, culprits } = await sidewaysScroll(page);
  expect(overflow, `${where} scrolls sideways; sticking out: ${culprits.join('; ')}`).toBeLessThanOrEqual(0);
}

/**
 * The name is shown whole: wide enough for more than a couple of letters, and not cut off
 * (its text is no wider than the box it is drawn in).
 */
export async function expectNameVisible(name: Locator, label: string): Promise<void> {
  await expect(name).toBeVisible();
  const { width, scrollWidth, fontSize } = await name.evaluate((el) => {
    const box = el as unknown as { getBoundingClientRect(): { width: number }; scrollWidth: number };
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el);
    return { width: box.getBoundingClientRect().width, scrollWidth: box.scrollWidth, fontSize: parseFloat(style.fontSize) };
  });
  // About five letters at the least (three times the font size): a column once left 29 px, one letter.
  expect(width, `${label}: the name is ${Math.round(width)} px wide`).toBeGreaterThan(fontSize * 3);
  expect(scrollWidth, `${label}: the name is cut off`).toBeLessThanOrEqual(Math.ceil(width) + 1);
}
