import { expect, type Locator, type Page } from '@playwright/test';
import { choose, typeDate } from './CaseloadPage';

export interface ContactEntry {
  date?: string;
  attendance?: string;
  type?: string;
  mode?: string;
  topics?: string[];
  minutes?: string;
  startTime?: string;
  note?: string;
}

/** A person's record: header, risk banner, episode bar, and a tab per kind of record. */
export class PersonPage {
  constructor(readonly page: Page) {}

  async expectShown(name: string) {
    await expect(this.page.getByRole('heading', { name, level: 2 })).toBeVisible();
  }

  /** The key facts under the name (a description list). */
  facts() {
    return this.page.locator('dl').first();
  }

  riskBanner() {
    return this.page.getByRole('region', { name: /open risk/i });
  }

  dialog(name: string | RegExp) {
    return this.page.getByRole('dialog', { name });
  }

  async openTab(name: string) {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
    await expect(this.page.getByRole('tab', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-selected', 'true');
  }

  /** Opens the subject access dialog from the record's header. */
  async openSubjectAccess() {
    await this.page.getByRole('button', { name: 'Subject access copy' }).click();
    const dialog = this.dialog('Subject access copy');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  timeline() {
    return this.page.getByRole('list', { name: 'Timeline, newest first' });
  }

  /** Waits for a save's toast, then for the dialog to go. */
  async saved(dialog: Locator) {
    await expect(dialog).toBeHidden();
  }

  async logAttempt(a: { date?: string; method?: string; outcome: string; note?: string }) {
    await this.openTab('Referral');
    await this.page.getByRole('button', { name: 'Log attempt' }).click();
    const dialog = this.dialog('Log a contact attempt');
    await expect(dialog).toBeVisible();
    if (a.date) await typeDate(dialog.getByLabel('Date'), a.date);
    if (a.method) await dialog.getByRole('radio', { name: a.method, exact: true }).check();
    await dialog.getByRole('radio', { name: a.outcome, exact: true }).check();
    if (a.note) await dialog.getByLabel('Note (optional)').fill(a.note);
    await dialog.getByRole('button', { name: 'Log attempt' }).click();
    await this.saved(dialog);
  }

  async openLogContact() {
    await this.page.getByRole('button', { name: 'Log contact' }).click();
    const dialog = this.dialog('Log a contact');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Fills the contact form from the keyboard where a worker would; the caller submits. */
  async fillContact(dialog: Locator, c: ContactEntry) {
    if (c.date) await typeDate(dialog.getByRole('textbox', { name: 'Date', exact: true }), c.date);
    if (c.startTime) await dialog.getByLabel('Start time (optional)').fill(c.startTime);
    if (c.minutes) await dialog.getByLabel('Length in minutes (optional)').fill(c.minutes);
    if (c.type) await dialog.getByRole('radio', { name: c.type, exact: true }).check();
    if (c.mode) await dialog.getByRole('radio', { name: c.mode, exact: true }).check();
    if (c.attendance) await dialog.getByRole('radio', { name: c.attendance, exact: true }).check();
    for (const topic of c.topics ?? []) {
      // Topics are checkboxes under the chips: focus one and press Space, as from the keyboard.
      const chip = dialog.getByRole('checkbox', { name: topic });
      await chip.focus();
      await chip.press('Space');
      await expect(chip).toBeChecked();
    }
    if (c.note) await dialog.getByLabel('Private note (optional)').fill(c.note);
  }

  async logContact(c: ContactEntry) {
    const dialog = await this.openLogContact();
    await this.fillContact(dialog, c);
    await dialog.getByRole('button', { name: 'Log contact' }).click();
    await this.saved(dialog);
  }

  async addGoal(g: { description: string; area: string; reviewBy?: string }) {
    await this.openTab('Goals');
    await this.page.getByRole('button', { name: 'Add goal' }).click();
    const dialog = this.dialog('Add a goal');
    await dialog.getByLabel('Goal').fill(g.description);
    await choose(this.page, dialog.getByRole('combobox', { name: 'Area' }), g.area);
    if (g.reviewBy) await typeDate(dialog.getByLabel('Review by (optional)'), g.reviewBy);
    await dialog.getByRole('button', { name: 'Add goal' }).click();
    await this.saved(dialog);
  }

  async addSignposting(s: { service: string; organisation?: string; note?: string }) {
    await this.openTab('Signposting');
    await this.page.getByRole('button', { name: 'Add signposting' }).click();
    const dialog = this.dialog('Add signposting');
    await choose(this.page, dialog.getByRole('combobox', { name: 'Service' }), s.service);
    if (s.organisation) await dialog.getByLabel('Organisation (optional)').fill(s.organisation);
    if (s.note) await dialog.getByLabel('Note (optional)').fill(s.note);
    await dialog.getByRole('button', { name: 'Add signposting' }).click();
    await this.saved(dialog);
  }

  async raiseRisk(r: { description: string; action?: string; escalatedOn?: string }) {
    await this.openTab('Risk');
    await this.page.getByRole('button', { name: 'Raise a risk' }).click();
    const dialog = this.dialog('Raise a risk');
    await dialog.getByLabel('What is the risk?').fill(r.description);
    if (r.action) await dialog.getByLabel('Action taken (optional)').fill(r.action);
    if (r.escalatedOn) {
      await dialog.getByLabel('Escalated to the clinical team').check();
      await typeDate(dialog.getByLabel('Date escalated'), r.escalatedOn);
    }
    await dialog.getByRole('button', { name: 'Raise risk' }).click();
    await this.saved(dialog);
  }

  async closeEpisode(c: { reason: string; summary?: string; date?: string }) {
    await this.page.getByRole('button', { name: 'Close episode' }).click();
    const dialog = this.dialog('Close this episode');
    if (c.date) await typeDate(dialog.getByLabel('Date support ended'), c.date);
    await dialog.getByRole('radio', { name: c.reason, exact: true }).check();
    if (c.summary) await dialog.getByLabel('Closing summary (optional)').fill(c.summary);
    await dialog.getByRole('button', { name: 'Close episode' }).click();
    await this.saved(dialog);
  }

  async reopenEpisode(reason: string) {
    await this.page.getByRole('button', { name: 'Reopen episode' }).click();
    const dialog = this.dialog('Reopen this episode');
    await dialog.getByLabel('Why is it being reopened?').fill(reason);
    await dialog.getByRole('button', { name: 'Reopen episode' }).click();
    await this.saved(dialog);
  }
}
