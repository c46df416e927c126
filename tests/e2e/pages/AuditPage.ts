import { expect, type Page } from '@playwright/test';
import { goTo } from './nav';

/** The audit log: filters, the paged table, the chain check and the CSV export. */
export class AuditPage {
  constructor(readonly page: Page) {}

  async goto() {
    await goTo(this.page, 'Audit log');
    await expect(this.page.getByRole('heading', { name: 'Audit log', level: 2 })).toBeVisible();
  }

  rows() {
    return this.page.getByRole('table', { name: 'Audit log' }).locator('tbody tr');
  }

  async filterAction(label: string) {
    await this.page.getByRole('combobox', { name: 'Action' }).click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  async verify() {
    await this.page.getByRole('button', { name: 'Verify the chain' }).click();
  }

  async exportCsv() {
    await this.page.getByRole('button', { name: 'Export audit log (CSV)' }).click();
  }
}
