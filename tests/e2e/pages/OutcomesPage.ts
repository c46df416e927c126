import { expect, type Locator, type Page } from '@playwright/test';
import { typeDate } from './CaseloadPage';

/** The Outcomes part of a person's record, its assessment and engagement forms, and the risk prompt. */
export class OutcomesPage {
  constructor(readonly page: Page) {}

  async open() {
    const tab = this.page.getByRole('tab', { name: /^Outcomes/ });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(this.page.getByRole('heading', { name: 'Outcomes', level: 3 })).toBeVisible();
  }

  assessmentDialog() {
    return this.page.getByRole('dialog', { name: 'Record an assessment' });
  }

  engagementDialog() {
    return this.page.getByRole('dialog', { name: 'Record an engagement review' });
  }

  riskPrompt() {
    return this.page.getByRole('dialog', { name: /Possible risk/ });
  }

  /** Opens the form, on the instrument given, completed on the date given (DD/MM/YYYY). */
  async startAssessment(instrument: string, completedOn?: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Record assessment' }).click();
    const dialog = this.assessmentDialog();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: instrument, exact: true }).check();
    if (completedOn) await typeDate(dialog.getByRole('textbox', { name: 'Completed on' }), completedOn);
    return dialog;
  }

  question(dialog: Locator, n: number) {
    return dialog.getByRole('radiogroup', { name: new RegExp(`^(${n}\\.|Item ${n}\\b)`) });
  }

  /** Answers from the keyboard: focus the first question and type one digit (or two, for 10) per answer. */
  async typeAnswers(dialog: Locator, keys: string, from = 1) {
    await this.question(dialog, from).getByRole('radio').first().focus();
    await this.page.keyboard.type(keys);
  }

  async save(dialog: Locator) {
    await dialog.getByRole('button', { name: 'Save assessment' }).click();
  }

  async saved(dialog: Locator) {
    await expect(dialog).toBeHidden();
  }

  section(instrument: string) {
    return this.page.getByRole('region', { name: instrument, exact: true });
  }

  chart(instrument: string) {
    return this.section(instrument).getByRole('img', { name: new RegExp(`^${instrument}:`) });
  }

  rows(instrument: string) {
    return this.section(instrument).getByRole('table', { name: `${instrument} assessments` }).locator('tbody tr');
  }

  due() {
    return this.page.getByRole('region', { name: 'Assessments due' });
  }
}
