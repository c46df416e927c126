import { expect, type Page } from '@playwright/test';
import { openSettings } from './SettingsPage';

export type RoleLabel = 'Coordinator' | 'Peer support worker' | 'Reporting only';
const ROLE_VALUES: Record<RoleLabel, string> = { Coordinator: 'coordinator', 'Peer support worker': 'peer_worker', 'Reporting only': 'reporting' };

/** Settings as a coordinator sees them: members, the recovery key, and one's own sign-in. */
export class MembersPage {
  constructor(readonly page: Page) {}

  async goto() {
    await openSettings(this.page, 'Members and sign-in');
    await expect(this.page.getByRole('heading', { name: 'Your sign-in' })).toBeVisible();
  }

  panel() {
    return this.page.getByRole('region', { name: 'Members' });
  }

  rows() {
    return this.page.getByRole('table', { name: 'Members' }).locator('tbody tr');
  }

  row(name: string) {
    return this.rows().filter({ hasText: name });
  }

  addDialog() {
    return this.page.getByRole('dialog', { name: 'Add a member' });
  }

  async openAdd() {
    await this.panel().getByRole('button', { name: 'Add a member' }).click();
    await expect(this.addDialog()).toBeVisible();
  }

  /** The coordinator types the name and role; the new member types their own passphrase. */
  async fillAdd(name: string, role: RoleLabel, passphrase: string) {
    const dialog = this.addDialog();
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('radio', { name: role }).check();
    await dialog.getByRole('textbox', { name: 'Their passphrase' }).fill(passphrase);
    await dialog.getByLabel('Type the passphrase again').fill(passphrase);
  }

  async add(name: string, role: RoleLabel, passphrase: string) {
    await this.openAdd();
    await this.fillAdd(name, role, passphrase);
    await this.addDialog().getByRole('button', { name: 'Add member' }).click();
    await expect(this.addDialog()).toBeHidden();
    await expect(this.roleOf(name)).toHaveValue(ROLE_VALUES[role]);
  }

  roleOf(name: string) {
    return this.page.getByRole('combobox', { name: `Role for ${name}` });
  }

  removeDialog(name: string) {
    return this.page.getByRole('dialog', { name: `Remove ${name}?` });
  }

  async openRemove(name: string) {
    await this.panel().getByRole('button', { name: `Remove ${name}` }).click();
    await expect(this.removeDialog(name)).toBeVisible();
  }

  changePassphraseDialog() {
    return this.page.getByRole('dialog', { name: 'Change my passphrase' });
  }

  async changePassphrase(current: string, next: string) {
    await this.page.getByRole('button', { name: 'Change my passphrase' }).click();
    const dialog = this.changePassphraseDialog();
    await dialog.getByLabel('Current passphrase').fill(current);
    await dialog.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(next);
    await dialog.getByLabel('Type the new passphrase again').fill(next);
    await dialog.getByRole('button', { name: 'Change passphrase' }).click();
  }

  recoveryDialog() {
    return this.page.getByRole('dialog', { name: 'New recovery key' });
  }
}
