import type { Locator, Page } from '@playwright/test';

/** The main navigation on the left: the way a worker moves between screens. */
export type Screen = 'My day' | 'Caseload' | 'Groups' | 'Reports' | 'Export' | 'Audit log' | 'Settings';

export async function goTo(page: Page, screen: Screen) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click();
}

/** The screens the main navigation offers, in order (what the member's role allows): `expect(…).toHaveText([…])` waits for them. */
export function screensOffered(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button');
}
