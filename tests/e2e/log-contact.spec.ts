// Logging a contact from the keyboard alone, on a clinic PC's 1366×768 screen: from the caseload
// search to the record in type, ↓, Enter; then the contact form, whose start time is one plain
// field that explains a time it cannot read and never drops what was typed.
import { expectCodeSnifferClean } from './codeSniffer';
import { expect, expectAccessible, test } from './fixtures';
import { CaseloadPage } from './pages/CaseloadPage';
import { PersonPage } from './pages/PersonPage';
import { refer, seedWorkspace } from './seed';
import { must } from '../support/workspace';

test.use({ viewport: { width: 1366, height: 768 } });

test('a contact logged by keyboard from the caseload search: a time that does not read is explained, nothing typed is lost, and it shows on the timeline', async ({ page, harness }) => {
  await seedWorkspace(harness.ctx);
  const amara = await refer(harness.ctx, { preferredName: 'Amara Okonkwo', referredDaysAgo: 10 });
  await refer(harness.ctx, { preferredName: 'Bola Adeyemi', referredDaysAgo: 5 });
  await page.goto(harness.url);
  const caseload = new CaseloadPage(page);
  await caseload.goto();

  // Type, ↓, Enter.
  await page.getByRole('textbox', { name: 'Search' }).focus();
  await page.keyboard.type('amara');
  await page.keyboard.press('ArrowDown');
  await expect(caseload.row('Amara Okonkwo')).toBeFocused();
  await page.keyboard.press('Enter');
  const person = new PersonPage(page);
  await person.expectShown('Amara Okonkwo');

  // Tab to "Log contact" and open it: the dialog starts on the date, with Save in view.
  const logContact = page.getByRole('button', { name: 'Log contact' });
  const focused = () => logContact.evaluate((el) => (el as unknown as { matches(selector: string): boolean }).matches(':focus'));
  for (let tabs = 0; tabs < 40 && !(await focused()); tabs++) await page.keyboard.press('Tab');
  await expect(logContact).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = person.dialog('Log a contact');
  const date = dialog.getByRole('textbox', { name: 'Date', exact: true });
  const time = dialog.getByRole('textbox', { name: 'Start time (optional)' });
  const minutes = dialog.getByRole('textbox', { name: 'Length in minutes (optional)' });
  const save = dialog.getByRole('button', { name: 'Log contact' });
  const summary = dialog.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
  /** The summary has focus; Tab reaches its link to the time, and Enter puts focus back in the time. */
  const backToTheTimeFromTheSummary = async (message: RegExp) => {
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    await page.keyboard.press('Tab');
    await expect(summary.getByRole('link', { name: message })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(time).toBeFocused();
  };
  await expect(date).toBeFocused();
  await expect(save).toBeInViewport();

  // "Tab, a time, Tab, 45": one tab stop for the time, so the 45 lands in the length. A time
  // that does not read is refused beside the field, with both kept as typed.
  await page.keyboard.press('Tab');
  await expect(time).toBeFocused();
  await page.keyboard.type('9:3x');
  await page.keyboard.press('Tab');
  await expect(time).toHaveAccessibleDescription(/Enter a time on the 24-hour clock, such as 09:30 or 14:45, or leave it blank\./);
  await expect(minutes).toBeFocused();
  await page.keyboard.type('45');
  await page.keyboard.press('Enter');
  // Refused: "There is a problem" at the top takes focus, its link goes back to the time.
  await backToTheTimeFromTheSummary(/Enter a time on the 24-hour clock/);
  await expect(time).toHaveAttribute('aria-invalid', 'true');
  await expect(time).toHaveValue('9:3x');
  await expect(minutes).toHaveValue('45');
  await expect(dialog).toBeVisible();
  await expect(save).toBeInViewport();
  await expectAccessible(page, 'log contact: a start time that does not read');
  await expectCodeSnifferClean(page, 'log contact: a start time that does not read');

  // No such hour: said in the same place, naming what was typed.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('25:00');
  await page.keyboard.press('Enter');
  await backToTheTimeFromTheSummary(/There is no 25:00 in a day/);
  await expect(time).toHaveAccessibleDescription(/There is no 25:00 in a day: enter a time from 00:00 to 23:59\./);
  await expect(minutes).toHaveValue('45');

  // Typed as people write it, read as 09:30.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('930');
  await page.keyboard.press('Tab');
  await expect(time).toHaveValue('09:30');
  await expect(time).not.toHaveAttribute('aria-invalid', 'true');
  await expect(minutes).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  // On the timeline, and on the Contacts tab with its time and length.
  await expect(person.timeline().getByRole('listitem').first()).toContainText('1-to-1 peer support, in person in clinic: Attended');
  await person.openTab('Contacts');
  const contacts = page.getByRole('list', { name: 'Contacts' });
  await expect(contacts).toContainText('at 09:30');
  await expect(contacts).toContainText('45 min');
  const record = await must(harness.ctx, 'people.get', { id: amara.id });
  expect(record.episodes[0].contacts).toMatchObject([{ startTime: '09:30', minutes: 45, attendance: 'attended' }]);
});
