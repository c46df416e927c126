import { expect, type Page } from '@playwright/test';

/** The TRAINING banner at the top of every screen while the training caseload is open. */
export class TrainingBanner {
  constructor(readonly page: Page) {}

  banner() {
    return this.page.getByRole('banner').getByRole('status').filter({ hasText: 'TRAINING — made-up people only. Nothing here is real.' });
  }

  async expectShown() {
    await expect(this.banner()).toBeVisible();
    await expect(this.page).toHaveTitle(/^TRAINING — /);
  }

  async leave() {
    await this.page.getByRole('banner').getByRole('button', { name: 'Leave training' }).click();
  }

  async reset() {
    await this.page.getByRole('banner').getByRole('button', { name: 'Reset training caseload…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Reset the training caseload?' });
    await dialog.getByRole('button', { name: 'Reset training caseload' }).click();
    await expect(this.page.getByText('Training caseload reset')).toBeVisible();
    await expect(dialog).toBeHidden();
  }
}
