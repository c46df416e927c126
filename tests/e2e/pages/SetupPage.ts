import { expect, type Page } from '@playwright/test';

export class SetupPage {
  constructor(readonly page: Page) {}

  /** The "Where" step: who uses the caseload, where backups go. */
  whereStep() {
    return this.page.getByRole('tabpanel', { name: 'Set up a new caseload' });
  }

  /** Chooses "Just me" / "Our team on this PC" (offered only where the PC has a team folder). */
  async chooseScope(scope: 'Just me on this PC' | 'Our team on this PC') {
    await this.page.getByRole('radiogroup', { name: 'Who will use this caseload?' }).getByRole('radio', { name: scope }).check();
  }

  /** Chooses where backups go; "Another folder…" with the folder typed. */
  async chooseBackups(choice: string, folder?: string) {
    await this.page.getByRole('group', { name: 'Where should backups go?' }).getByRole('radio', { name: choice }).check();
    if (folder !== undefined) await this.page.getByLabel('Full path of the backup folder').fill(folder);
  }

  /** Takes what the "Where" step offers (the defaults, unless chosen before) and goes on. */
  async continueFromWhere() {
    await expect(this.page.getByRole('heading', { name: 'Set up your caseload' })).toBeVisible();
    await this.page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect(this.page.getByLabel('Organisation or clinic')).toBeVisible();
  }

  async fillDetails(organisation: string, name: string, passphrase: string) {
    await expect(this.page.getByRole('heading', { name: 'Set up your caseload' })).toBeVisible();
    if (await this.page.getByRole('button', { name: 'Continue', exact: true }).isVisible()) await this.continueFromWhere();
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

  /** "Open a caseload from a backup": a new or re-imaged PC. */
  async openFromBackup() {
    await expect(this.page.getByRole('heading', { name: 'Set up your caseload' })).toBeVisible();
    await this.page.getByRole('tab', { name: 'Open a caseload from a backup' }).click();
    await expect(this.backupPanel()).toBeVisible();
  }

  backupPanel() {
    return this.page.getByRole('tabpanel', { name: 'Open a caseload from a backup' });
  }

  backupPath() {
    return this.backupPanel().getByLabel('Backup file');
  }

  backupPassphrase() {
    return this.backupPanel().getByLabel('Passphrase from when the backup was taken');
  }

  /** Types the backup's path and passphrase and asks for it to be checked. */
  async checkBackup(path: string, passphrase: string) {
    await this.backupPath().fill(path);
    await this.backupPassphrase().fill(passphrase);
    await this.backupPanel().getByRole('button', { name: 'Check the backup' }).click();
  }

  backupCounts() {
    return this.backupPanel().getByRole('table', { name: 'What the backup holds' });
  }

  async openCheckedBackup() {
    await this.backupPanel().getByRole('button', { name: 'Open this caseload' }).click();
  }

  async openTraining() {
    await this.page.getByRole('button', { name: 'Open a training caseload' }).click();
  }
}
