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

  /** The lock screen's "Who is signing in" choice, then the passphrase. */
  async unlockAs(name: string, passphrase: string) {
    await this.expectLocked();
    await this.page.getByRole('radiogroup', { name: 'Who is signing in' }).getByRole('radio', { name, exact: true }).check();
    await this.unlock(passphrase);
  }

  /** The names offered under "Who is signing in". */
  async signIns(): Promise<string[]> {
    const radios = this.page.getByRole('radiogroup', { name: 'Who is signing in' }).getByRole('radio');
    await radios.first().waitFor();
    return Promise.all((await radios.all()).map(async (r) => (await this.page.locator(`label[for="${await r.getAttribute('id')}"]`).innerText()).trim()));
  }

  async recover(recoveryKey: string, newPassphrase: string) {
    await this.page.getByRole('button', { name: /Forgotten your passphrase/ }).click();
    await this.page.getByLabel('Recovery key').fill(recoveryKey);
    await this.page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(newPassphrase);
    await this.page.getByLabel('Type the new passphrase again').fill(newPassphrase);
    await this.page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
  }
}
