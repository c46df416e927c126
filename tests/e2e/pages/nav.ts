import type { Page } from '@playwright/test';

/** The main navigation on the left: the way a worker moves between screens. */
export async function goTo(page: Page, screen: 'My day' | 'Caseload' | 'Groups' | 'Settings' | 'Audit log') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click();
}
