import { expect, type Locator, type Page } from '@playwright/test';

/** The main navigation on the left: the way a worker moves between screens. */
export type Screen = 'My day' | 'Caseload' | 'Groups' | 'Reports' | 'Export' | 'Combine returns' | 'Audit log' | 'Settings';

/** Each screen's heading, where it differs from its name in the menu. */
const HEADINGS: Partial<Record<Screen, string>> = { Groups: 'Groups and workshops' };

/** The menu button that stands in for the side menu on a narrow or zoomed-in window. */
export function menuButton(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: 'Menu' });
}

/** Opens the side menu through its menu button when the window is too narrow to show it. */
export async function openMenu(page: Page) {
  const button = menuButton(page);
  // The menu button is drawn with the banner, so once the banner is there its absence means a wide window.
  await page.getByRole('banner').waitFor();
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

export async function goTo(page: Page, screen: Screen) {
  await openMenu(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click();
}

/** Goes to a screen and waits for its heading. */
export async function screenShown(page: Page, screen: Screen) {
  await goTo(page, screen);
  await expect(page.getByRole('heading', { name: HEADINGS[screen] ?? screen, level: 2 })).toBeVisible();
}

/** The screens the main navigation offers, in order (what the member's role allows): `expect(…).toHaveText([…])` waits for them. */
export function screensOffered(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button');
}
