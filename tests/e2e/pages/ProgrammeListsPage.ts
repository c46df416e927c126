import { expect, type Page } from '@playwright/test';
import { openSettings } from './SettingsPage';

/** Settings › Programme lists: one list at a time, its entries, and their dialogs. */
export class ProgrammeListsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await openSettings(this.page, 'Programme lists');
    await expect(this.page.getByRole('heading', { name: 'Programme lists' })).toBeVisible();
  }

  async choose(list: string) {
    await this.page.getByLabel('List', { exact: true }).selectOption({ label: list });
  }

  table(list: string) {
    return this.page.getByRole('table', { name: list });
  }

  row(list: string, entry: string) {
    return this.table(list).locator('tbody tr').filter({ has: this.page.getByRole('cell', { name: entry, exact: true }) });
  }

  entries(list: string) {
    return this.table(list).locator('tbody tr td:first-child');
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  async add(label: string, trustCode = '') {
    await this.page.getByRole('button', { name: 'Add an entry' }).click();
    await this.dialog().getByLabel('Words people see').fill(label);
    if (trustCode) await this.dialog().getByLabel('Trust’s code (optional)').fill(trustCode);
    await this.dialog().getByRole('button', { name: 'Add entry' }).click();
  }

  async change(entry: string) {
    await this.page.getByRole('button', { name: `Change ${entry}`, exact: true }).click();
    await expect(this.dialog()).toBeVisible();
  }
}
