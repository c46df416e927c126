import { expect, type Page } from '@playwright/test';
import { openSettings } from './SettingsPage';

/** Settings → Backups, and the restore dialog it shares with the damaged screen. */
export class BackupsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await openSettings(this.page, 'Backups');
    await expect(this.section()).toBeVisible();
  }

  section() {
    return this.page.getByRole('region', { name: 'Backups' });
  }

  rows() {
    return this.section().getByRole('table', { name: 'Backups' }).locator('tbody tr');
  }

  async backUpNow() {
    await this.section().getByRole('button', { name: 'Back up now' }).click();
  }

  /** Opens the restore dialog for the newest backup in the list. */
  async restoreNewest() {
    await this.rows().first().getByRole('button', { name: /^Restore the backup taken/ }).click();
    await expect(this.restoreDialog()).toBeVisible();
  }

  restoreDialog() {
    return this.page.getByRole('dialog', { name: /^Restore (the backup taken|a backup)/ });
  }

  /** Unlocks the backup in the dialog; the caller checks what it then shows. */
  async openBackupWith(passphrase: string) {
    const dialog = this.restoreDialog();
    await dialog.getByLabel('Passphrase from when the backup was taken').fill(passphrase);
    await dialog.getByRole('button', { name: 'Open backup' }).click();
  }

  counts() {
    return this.restoreDialog().getByRole('table', { name: 'What the backup holds' });
  }

  async confirmRestore() {
    const dialog = this.restoreDialog();
    await dialog.getByRole('checkbox', { name: /^Replace the caseload with the backup taken/ }).check();
    await dialog.getByRole('button', { name: 'Restore backup' }).click();
  }
}
