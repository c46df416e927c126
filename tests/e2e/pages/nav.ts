import type { Page } from '@playwright/test';

/** The main navigation on the left: the way a worker moves between screens. */
export type Screen = 'My day' | 'Caseload' | 'Groups' | 'Reports' | 'Export' | 'Audit log' | 'Settings';

export async function goTo(page: Page, screen: Screen) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click();
}

/** The screens the main navigation offers, in order: what the signed-in member's role allows. */
export async function screensOffered(page: Page): Promise<string[]> {
  return (await page.getByRole('navigation', { name: 'Main' }).getByRole('button').allInnerTexts()).map((t) => t.trim());
}
