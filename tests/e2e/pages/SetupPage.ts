import { expect, type Page } from '@playwright/test';

export class SetupPage {
  constructor(readonly page: Page) {}

  async fillDetails(organisation: string, name: string, passphrase: string) {
    await expect(this.page.getByRole('heading', { name: 'Set up your caseload' })).toBeVisible();
    await this.page.getByLabel('Organisation or clinic').fill(organisation);
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
    await this.page.getByLabel('Type the passphrase again').fill(passphrase);
    await this.page.getByRole('button', { name: 'Create caseload' }).click();
  }

  /** Reads the recovery key off the screen, the way a worker would copy it down. */
  async readRecoveryKey(): Promise<string> {
    const card = this.page.getByTestId('recovery-key');
    await expect(card).toBeVisible();
    const groups = await card.locator('p').allInnerTexts();
    return groups.map((g) => g.trim()).join('-');
  }

  async confirmSaved(recoveryKey: string) {
    await this.page.getByRole('button', { name: 'I have saved my recovery key' }).click();
    await this.typeRecoveryGroup(recoveryKey);
  }

  /** On the "retype a group" step: types the group asked for and continues. */
  async typeRecoveryGroup(recoveryKey: string) {
    const label = await this.page.getByText(/^Type group \d of your recovery key$/).innerText();
    const group = Number(label.match(/group (\d)/)![1]);
    await this.page.getByLabel(label).fill(recoveryKey.split('-')[group - 1]);
    await this.page.getByRole('button', { name: 'Continue to my caseload' }).click();
  }

  async complete(organisation: string, name: string, passphrase: string): Promise<string> {
    await this.fillDetails(organisation, name, passphrase);
    const key = await this.readRecoveryKey();
    await this.confirmSaved(key);
    return key;
  }
}
