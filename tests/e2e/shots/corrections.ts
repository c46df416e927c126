// Screenshots for `npm run screenshots` (SHOTS=corrections): putting mistakes right on a person's
// record: a record's actions menu, the "entered in error" dialog, a record struck through with
// its reason, correcting an assessment, removing a contact, and a coordinator's merge and delete.
import type { Browser, Page } from '@playwright/test';
import { startHarness } from '../../harness/server';
import { must, tempDir } from '../../support/workspace';
import { CaseloadPage } from '../pages/CaseloadPage';
import { GroupsPage } from '../pages/GroupsPage';
import { PersonPage } from '../pages/PersonPage';
import { contact, daysAgo, refer, seedWorkspace, shown } from '../seed';

type Shot = (page: Page, name: string, fullPage?: boolean) => Promise<unknown>;
const options = { viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce' } as const;
const phq = (keys: string) => Object.fromEntries([...keys].map((k, i) => [`q${i + 1}`, Number(k)]));

export async function correctionsScreens(browser: Browser, shot: Shot) {
  const { dir, cleanup } = tempDir('caseload-shots-corrections-');
  const harness = await startHarness({ dataDir: dir });
  const page = await browser.newPage(options);
  try {
    await seedWorkspace(harness.ctx);
    const amara = await refer(harness.ctx, { preferredName: 'Amara Okonkwo', referredDaysAgo: 120 });
    await contact(harness.ctx, amara, { contactOn: daysAgo(113), attendance: 'attended', minutes: 45, note: 'First meeting in clinic' });
    const wrong = await contact(harness.ctx, amara, { contactOn: daysAgo(40), attendance: 'attended', note: 'Notes meant for another person' });
    await must(harness.ctx, 'assessments.record', { episodeId: amara.episodes[0].id, instrument: 'phq9', completedOn: daysAgo(100), method: 'self_completed', responses: phq('111111110') });
    const dup = await refer(harness.ctx, { preferredName: 'Amara O', referredDaysAgo: 5, allowDuplicate: true });
    await must(harness.ctx, 'records.markEnteredInError', { kind: 'contact', id: wrong.episodes[0].contacts.find((c) => c.contactOn === daysAgo(40))!.id, reason: 'Logged on the wrong person' });

    await page.goto(harness.url);
    const caseload = new CaseloadPage(page);
    await caseload.goto();
    await caseload.open('Amara Okonkwo');
    const person = new PersonPage(page);
    await person.timeline().waitFor();
    await shot(page, 'corrections-01-timeline-struck-through', true);
    await page.getByRole('button', { name: `Actions for contact on ${shown(daysAgo(113))}` }).click();
    await page.getByRole('menuitem', { name: 'Remove' }).waitFor();
    await shot(page, 'corrections-02-record-menu');
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    await page.getByRole('dialog', { name: 'Remove this contact?' }).waitFor();
    await shot(page, 'corrections-03-remove-contact');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: `Actions for assessment on ${shown(daysAgo(100))}` }).click();
    await page.getByRole('menuitem', { name: 'Mark entered in error…' }).click();
    const error = page.getByRole('dialog', { name: 'Mark as entered in error' });
    await error.getByRole('button', { name: 'Mark entered in error' }).click();
    await shot(page, 'corrections-04-entered-in-error-reason-missing');
    await error.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: `Actions for assessment on ${shown(daysAgo(100))}` }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.getByRole('dialog', { name: 'Correct an assessment' }).waitFor();
    await shot(page, 'corrections-05-correct-assessment');
    await page.getByRole('dialog', { name: 'Correct an assessment' }).getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Correct this record' }).click();
    await shot(page, 'corrections-06-correct-this-record-menu');
    await page.getByRole('menuitem', { name: 'Merge a duplicate record into this one…' }).click();
    const merge = page.getByRole('dialog', { name: 'Merge a duplicate record into this one' });
    await merge.getByRole('textbox', { name: 'Case ID of the duplicate record' }).fill(dup.caseId);
    await merge.getByRole('button', { name: 'Find record' }).click();
    await merge.getByText(`Merge ${dup.caseId} into`).waitFor();
    await shot(page, 'corrections-07-merge');
    await merge.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Correct this record' }).click();
    await page.getByRole('menuitem', { name: 'Delete this person (added by mistake)…' }).click();
    await page.getByRole('dialog', { name: 'Delete this person?' }).getByRole('button', { name: 'Delete person' }).click();
    await page.getByRole('dialog', { name: 'Delete this person?' }).getByRole('alert').waitFor();
    await shot(page, 'corrections-08-delete-refused');
    await page.getByRole('dialog', { name: 'Delete this person?' }).getByRole('button', { name: 'Cancel' }).click();

    const event = await must(harness.ctx, 'groups.create', { type: 'support_group', title: 'Living well', heldOn: daysAgo(3), facilitator: 'Sam Peer' });
    await must(harness.ctx, 'groups.setRegistration', { eventId: event.id, personId: amara.id, registered: true, attended: true });
    const groups = new GroupsPage(page);
    await groups.goto();
    await page.getByText('Past', { exact: true }).click();
    await groups.events().filter({ hasText: 'Living well' }).first().click();
    await page.getByRole('button', { name: 'Remove event…' }).click();
    await page.getByRole('dialog', { name: 'Remove this event?' }).waitFor();
    await shot(page, 'corrections-09-remove-event');
  } finally {
    await page.close();
    await harness.close();
    cleanup();
  }
}
