import { expect, type Page } from '@playwright/test';

export class UnlockPage {
  constructor(readonly page: Page) {}

  async expectLocked() {
    await expect(this.page.getByRole('heading', { name: 'Your caseload is locked' })).toBeVisible();
  }

  async unlock(passphrase: string) {
    await this.expectLocked();
    await this.page.getByLabel('Passphrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock', exact: true }).click();
  }

  async recover(recoveryKey: string, newPassphrase: string) {
    await this.page.getByRole('button', { name: /Forgotten your passphrase/ }).click();
    await this.page.getByLabel('Recovery key').fill(recoveryKey);
    await this.page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(newPassphrase);
    await this.page.getByLabel('Type the new passphrase again').fill(newPassphrase);
    await this.page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
  }
}
