import { expect, type Locator, type Page } from '@playwright/test';

export interface NewPerson {
  name: string;
  givenName?: string;
  familyName?: string;
  nhsNumber?: string;
  dateOfBirth: string;
  referred?: string;
  /** Labels as the worker sees them. */
  source?: string;
  pathway?: string;
  referrer?: string;
  diagnosed?: string;
}

export class CaseloadPage {
  constructor(readonly page: Page) {}

  /** After set-up and unlock the app opens on My day: the caseload is one click away. */
  async goto() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Caseload' }).click();
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.page.getByRole('heading', { name: 'Caseload', level: 2 })).toBeVisible();
  }

  rows() {
    return this.page.getByRole('table', { name: 'People on the caseload' }).locator('tbody tr');
  }

  row(name: string) {
    return this.rows().filter({ hasText: name });
  }

  async search(text: string) {
    await this.page.getByRole('textbox', { name: 'Search' }).fill(text);
  }

  /** Opens a person's record from the list, as a worker would after searching. */
  async open(name: string) {
    await this.search(name);
    await this.row(name).first().click();
    await expect(this.page.getByRole('heading', { name, level: 2 })).toBeVisible();
  }

  addDialog() {
    return this.page.getByRole('dialog', { name: 'Add a person' });
  }

  async openAddPerson() {
    await this.page.getByRole('button', { name: /^Add (the first )?person$/ }).first().click();
    await expect(this.addDialog()).toBeVisible();
  }

  /** Fills the form and presses "Add person"; the caller checks where that leads. */
  async addPerson(p: NewPerson) {
    await this.openAddPerson();
    const dialog = this.addDialog();
    await dialog.getByLabel('Preferred name').fill(p.name);
    if (p.givenName) await dialog.getByLabel('Given name (optional)').fill(p.givenName);
    if (p.familyName) await dialog.getByLabel('Family name (optional)').fill(p.familyName);
    if (p.nhsNumber) await dialog.getByLabel('NHS Number (optional)').fill(p.nhsNumber);
    await typeDate(dialog.getByLabel('Date of birth'), p.dateOfBirth);
    if (p.diagnosed) await dialog.getByLabel('HIV diagnosis (optional)').fill(p.diagnosed);
    if (p.referred) await typeDate(dialog.getByLabel('Date referred'), p.referred);
    await choose(this.page, dialog.getByRole('combobox', { name: 'Referral source' }), p.source ?? 'Opt-out pathway from HIV clinic');
    await choose(this.page, dialog.getByRole('combobox', { name: 'Pathway' }), p.pathway ?? 'Opt-out: new diagnosis');
    if (p.referrer) await dialog.getByLabel('Referrer organisation (optional)').fill(p.referrer);
    await dialog.getByRole('button', { name: 'Add person' }).click();
  }

  async lock() {
    await this.page.getByRole('button', { name: 'Lock' }).click();
  }
}

/** Types a DD/MM/YYYY date as a worker would, then leaves the field. */
export async function typeDate(field: Locator, ddmmyyyy: string) {
  await field.fill(ddmmyyyy);
  await field.press('Tab');
}

/** Picks an option from a drop-down by typing nothing: open it, then choose the words. */
export async function choose(page: Page, field: Locator, option: string) {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(field).toHaveValue(option);
}
