import { expect, type Page } from '@playwright/test';

/** Export: the export flow, the export log and the export profiles. */
export class ExportPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Export' }).click();
    await expect(this.page.getByRole('heading', { name: 'Export', level: 2 })).toBeVisible();
  }

  section() {
    return this.page.getByRole('region', { name: 'Export a file' });
  }

  async chooseProfile(label: string) {
    await this.section().getByLabel('What to export').selectOption({ label });
  }

  /** "Last month" or "Last quarter" for the export's period. */
  async quickPeriod(name: 'Last month' | 'Last quarter') {
    await this.section().getByRole('button', { name, exact: true }).click();
  }

  preview() {
    return this.section().getByRole('region', { name: 'Preview', exact: true });
  }

  previewTable() {
    return this.preview().getByRole('table');
  }

  previewRows() {
    return this.previewTable().locator('tbody tr');
  }

  /** The file type: CSV or an Excel workbook. */
  fileType(label: 'CSV (.csv)' | 'Excel workbook (.xlsx)') {
    return this.section().getByRole('radiogroup', { name: 'File type' }).getByLabel(label);
  }

  async password(password: string, again = password) {
    const encrypt = this.section().getByLabel('Encrypt as a password-protected ZIP (AES-256)');
    if (!(await encrypt.isChecked())) await encrypt.check();
    await this.section().getByLabel('ZIP password').fill(password);
    await this.section().getByLabel('Type the password again').fill(again);
  }

  exportButton() {
    return this.section().getByRole('button', { name: /^Export/ });
  }

  confirmDialog() {
    return this.page.getByRole('dialog', { name: 'Export data that names people?' });
  }

  done() {
    return this.page.getByRole('status').filter({ hasText: 'Export saved' });
  }

  /** Shown while an export is saved: its progress and a way to stop it. */
  cancelButton() {
    return this.page.getByRole('button', { name: 'Cancel export' });
  }

  cancelled() {
    return this.page.getByRole('status').filter({ hasText: 'Export cancelled' });
  }

  failure() {
    return this.page.getByRole('alert').filter({ hasText: 'The export did not finish' });
  }

  downloadLink() {
    return this.done().getByRole('link', { name: 'Download' });
  }

  log() {
    return this.page.getByRole('table', { name: 'Export log' }).locator('tbody tr');
  }

  profiles() {
    return this.page.getByRole('table', { name: 'Export profiles' }).locator('tbody tr');
  }

  async newProfile() {
    await this.page.getByRole('button', { name: 'New profile', exact: true }).click();
    await expect(this.editor()).toBeVisible();
  }

  editor() {
    return this.page.getByRole('dialog', { name: /New export profile|Edit profile/ });
  }

  async addColumn(header: string) {
    await this.editor().getByRole('button', { name: `Add ${header}`, exact: true }).click();
  }

  /** Chooses a file for "Import a profile file", as if picked in the file dialog. */
  async importProfile(name: string, contents: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import a profile file' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
  }

  importError() {
    return this.page.getByRole('alert').filter({ hasText: 'The profile file was not imported' });
  }
}
