// Subject access: a copy of one person's whole record as a PDF and as a CSV, read back by
// independent readers (the PDF's text streams; csv-parse), named by case ID only, and audited.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../core/api/context';
import type { PersonRecord } from '../../core/domain/record';
import { pdfInfo, pdfStreams, pdfText } from '../support/pdfText';
import { call, daysAgo, must, newWorkspace, referral, snapshot, tempDir } from '../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

// Polish, Vietnamese, Turkish, Greek and Cyrillic letters, all in the PDF's embedded font.
const NAME = 'Łucja Nguyễn Öztürk-Ψάρρας Жуков';
// The names the clinic's records hold, beside the preferred one.
const GIVEN = 'Łucja Maria';
const FAMILY = 'Öztürk-Ψάρρας';
const LONG_NOTE = `We talked about telling her sister. ${'She wants to wait until after the next clinic appointment, and to practise what she will say first. '.repeat(40)}End of the long note.`;

/** A record with something in every part: two episodes, closures, a reopening, every kind of entry. */
async function richRecord(ctx: AppContext): Promise<PersonRecord> {
  const p = await must(ctx, 'people.create', {
    preferredName: NAME,
    givenName: GIVEN,
    familyName: FAMILY,
    nhsNumber: '943 476 5919',
    hospitalNumber: '00123456',
    dateOfBirth: '1985-04-12',
    genderIdentity: '2',
    ethnicCategory: 'N',
    borough: 'E09000022',
    phone: '07700 900123',
    contactConsent: ['phone'],
    ...referral(daysAgo(400)),
    referralReasons: 'Newly diagnosed, would like to meet someone living with HIV.',
  });
  const first = p.episodes[0].id;
  await must(ctx, 'attempts.create', { episodeId: first, attemptedOn: daysAgo(399), method: 'phone', outcome: 'no_answer', note: 'No voicemail set up.' });
  await must(ctx, 'contacts.create', { episodeId: first, contactOn: daysAgo(390), startTime: '10:30', minutes: 45, mode: 'in_clinic', type: 'one_to_one', attendance: 'attended', topics: ['stigma'], note: LONG_NOTE });
  await must(ctx, 'contacts.create', { episodeId: first, contactOn: daysAgo(380), mode: 'phone', type: 'one_to_one', attendance: 'dna', topics: [], note: '=SUM(A1:A9) looked like a formula' });
  const withGoal = await must(ctx, 'goals.create', { episodeId: first, description: 'Tell my sister about my diagnosis', area: 'telling_others', setOn: daysAgo(389) });
  await must(ctx, 'goals.review', { goalId: withGoal.episodes[0].goals[0].id, reviewedOn: daysAgo(370), status: 'achieved', note: 'Told her at Sunday lunch.' });
  await must(ctx, 'signposting.create', { episodeId: first, serviceType: 'benefits_advice', madeOn: daysAgo(385), organisation: 'Citizens Advice Lambeth', note: 'PIP form help.' });
  await must(ctx, 'assessments.record', { episodeId: first, instrument: 'phq9', completedOn: daysAgo(388), method: 'self_completed', responses: { q1: 2, q2: 2, q3: 1, q4: 1, q5: 0, q6: 1, q7: 1, q8: 0, q9: 0 } });
  await must(ctx, 'engagement.record', { episodeId: first, reviewedOn: daysAgo(375), viralLoadUndetectable: true, viralLoadOn: daysAgo(380), adherence: 'all_doses', appointmentsKept: 3, appointmentsMissed: 1 });
  await must(ctx, 'episodes.close', { episodeId: first, closedOn: daysAgo(360), reason: 'goals_met', summary: 'Feeling settled.' });
  await must(ctx, 'episodes.reopen', { episodeId: first, reason: 'Asked for more support after a move.' });
  await must(ctx, 'episodes.close', { episodeId: first, closedOn: daysAgo(300), reason: 'person_ended', summary: null });
  const again = await must(ctx, 'episodes.create', { personId: p.id, ...referral(daysAgo(50)) });
  await must(ctx, 'risks.raise', { personId: p.id, episodeId: again.episodes[0].id, raisedOn: daysAgo(40), description: 'Said she felt hopeless last week', actionTaken: 'Told the duty doctor', escalated: true, escalatedOn: daysAgo(40) });
  const event = await must(ctx, 'groups.create', { type: 'recently_diagnosed_workshop', title: 'Spring workshop', heldOn: daysAgo(30), facilitator: 'Sam Peer' });
  await must(ctx, 'groups.setRegistration', { eventId: event.id, personId: p.id, registered: true, attended: true });
  return must(ctx, 'people.get', { id: p.id });
}

/** Text compared without spaces or line breaks: where a line wraps is the layout's business. */
const squash = (s: string) => s.replace(/\s+/g, '');
// The person's name parts, NHS Number and date of birth as they could be written. Precise, so a
// PDF's own creation time (D:…235943Z) or a random case ID cannot look like one.
const IDENTIFIERS = /Łucja|Nguy|Öztürk|Ψάρρας|Жуков|943\s?476\s?5919|1985-04-12|12\/04\/1985|19850412/;
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

describe('subject access copy as PDF', () => {
  it('holds every part of the record, readable, with the name exactly as held, code labels, DD/MM/YYYY dates and page numbers', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const record = await richRecord(ctx);
    const result = await must(ctx, 'people.subjectAccess', { id: record.id, format: 'pdf' });
    const bytes = readFileSync(result.location);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    const lines = pdfText(bytes);
    const text = squash(lines);
    // The name exactly as held, in the title and in the personal details, and so no note that
    // characters were changed.
    const has = (s: string) => expect(text).toContain(squash(s));
    has(`Copy of the record held about ${NAME}`);
    expect(lines.split('\n').filter((l) => l.trim() === NAME)).toHaveLength(1);
    expect(text).not.toContain(squash('A note on the characters in this copy'));
    for (const heading of ['About this copy', 'Personal details', 'Episode 1 of 2', 'Episode 2 of 2', 'Closures and reopenings', 'Contact attempts', 'Contacts', 'Goals', 'Signposting', 'Questionnaires', 'Engagement with care', 'Risk flags', 'Groups and workshops']) {
      has(heading);
    }
    // Facts, in words and in the dates people in England read.
    has('943 476 5919');
    has(`Given name ${GIVEN}`);
    has(`Family name ${FAMILY}`);
    has(ddmmyyyy('1985-04-12'));
    has('Black African');
    has('Lambeth');
    has('1-to-1 peer support');
    has('Did not attend');
    has('Benefits advice');
    has('Citizens Advice Lambeth');
    has('Patient Health Questionnaire (PHQ-9)');
    has('PHQ-9 total 8 (Mild)');
    has('Told her at Sunday lunch.');
    has('Asked for more support after a move.');
    has('Said she felt hopeless last week');
    has('Spring workshop');
    has(`Contact 1: ${ddmmyyyy(daysAgo(390))}`);
    // The long note is there whole, wrapped over lines.
    has(LONG_NOTE);
    expect(text).not.toMatch(/one_to_one|benefits_advice|goals_met|E09000022/);
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);

    // Every page numbered, "Page n of m".
    const pages = pdfStreams(bytes)
      .flat()
      .map((l) => /Page (\d+) of (\d+)\./.exec(l))
      .filter((m) => m !== null);
    expect(pages.length).toBe(result.size);
    expect(pages.map((m) => Number(m![1]))).toEqual(Array.from({ length: result.size }, (_, i) => i + 1));
    expect(pages.every((m) => Number(m![2]) === result.size)).toBe(true);
    close();
  });

  it('shows a character its font lacks as "?" and Arabic letters all there, and says the CSV has the exact text', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const p = await must(ctx, 'people.create', { preferredName: 'محمد', dateOfBirth: '1990-05-01', ...referral(daysAgo(20)) });
    // Amharic (Ethiopic script) is not in the font.
    const note = 'Said ሰላም to the group. Đặng Thị Hồng came too.';
    await must(ctx, 'contacts.create', { episodeId: p.episodes[0].id, contactOn: daysAgo(10), mode: 'phone', type: 'one_to_one', attendance: 'attended', topics: [], note });
    const result = await must(ctx, 'people.subjectAccess', { id: p.id, format: 'pdf' });
    const lines = pdfText(readFileSync(result.location)).split('\n');
    const text = squash(lines.join('\n'));
    expect(text).toContain(squash('Said ??? to the group. Đặng Thị Hồng came too.'));
    // The name on its own line is laid out right to left, so it is read back in drawing order:
    // the same letters, none lost or replaced.
    const sorted = (s: string) => [...s.trim()].sort().join('');
    expect(lines.filter((l) => sorted(l) === sorted('محمد'))).toHaveLength(1);
    expect(text).toContain(squash('A note on the characters in this copy'));
    expect(text).toContain(squash('Some characters in this record are not in the font this PDF uses, so they are shown without their accents or as "?".'));
    expect(text).toContain(squash('Arabic and Hebrew text is shown from right to left'));
    expect(text).toContain(squash('The CSV copy of the record has the exact text.'));
    close();
  });

  it('is named by case ID and date only, and the audit log records who made which file', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const record = await richRecord(ctx);
    const result = await must(ctx, 'people.subjectAccess', { id: record.id, format: 'pdf' });
    expect(result.fileName).toBe(`subject-access-${record.caseId}-${daysAgo(0)}.pdf`);
    expect(result.fileName).not.toMatch(IDENTIFIERS);
    // Nothing else left beside it: no half-written temporary file.
    expect(readdirSync(dirname(result.location))).toEqual([result.fileName]);
    // The PDF's own title (a reader's window title) names the case, not the person.
    const info = pdfInfo(readFileSync(result.location));
    expect(info.Title).toBe(`Subject access copy ${record.caseId}`);
    expect(info.Author).toBe('Riverside Sexual Health');
    expect(JSON.stringify(info)).not.toMatch(IDENTIFIERS);

    const entries = await must(ctx, 'audit.list', { action: 'person.subject_access_copy' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity: 'person', entityId: record.id, memberName: 'Sam Peer' });
    expect(JSON.parse(entries[0].detail!)).toEqual({ format: 'pdf', sha256: result.sha256 });
    expect(JSON.stringify(entries)).not.toMatch(/Łucja|Nguy|Öztürk|Ψάρρας|Жуков|9434765919|subject-access-/);
    close();
  });

  it('copes with a long record: hundreds of contacts, every one in the copy', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const p = await must(ctx, 'people.create', { preferredName: 'Long Record', dateOfBirth: '1970-01-01', ...referral(daysAgo(700)) });
    const episodeId = p.episodes[0].id;
    for (let i = 0; i < 300; i++) {
      await must(ctx, 'contacts.create', { episodeId, contactOn: daysAgo(690 - i * 2), mode: 'phone', type: 'one_to_one', attendance: 'attended', topics: ['isolation'], note: `Session number ${i + 1}: checked in about the week.` });
    }
    // How long it takes is a bench figure (npm run bench: subject access copy), not asserted here.
    const result = await must(ctx, 'people.subjectAccess', { id: p.id, format: 'pdf' });
    const text = squash(pdfText(readFileSync(result.location)));
    const has = (s: string) => expect(text).toContain(squash(s));
    for (const n of [1, 150, 300]) has(`Session number ${n}: checked in about the week.`);
    has('Contact 300:');
    expect(result.size).toBeGreaterThan(20);
    close();
  });

  it('saves nothing and audits nothing when the save is cancelled, or the person is not there', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const record = await richRecord(ctx);
    ctx.exportDestination = async () => null;
    const before = snapshot(ctx);
    const cancelled = await call(ctx, 'people.subjectAccess', { id: record.id, format: 'pdf' });
    expect(cancelled.ok ? 'saved' : cancelled.error.code).toBe('CANCELLED');
    const missing = await call(ctx, 'people.subjectAccess', { id: 99999, format: 'csv' });
    expect(missing.ok ? 'saved' : missing.error.code).toBe('NOT_FOUND');
    expect(snapshot(ctx)).toEqual(before);
    expect(existsSync(join(dir, 'exports'))).toBe(false);
    close();
  });
});

describe('subject access copy as CSV', () => {
  it('re-reads as the same record: a row per fact, exact text, ISO dates, labels for codes', async () => {
    const { ctx, close } = await newWorkspace(dir);
    const record = await richRecord(ctx);
    const result = await must(ctx, 'people.subjectAccess', { id: record.id, format: 'csv' });
    expect(result.fileName).toBe(`subject-access-${record.caseId}-${daysAgo(0)}.csv`);
    const bytes = readFileSync(result.location);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(bytes, { bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(rows[0]).toEqual(['Section', 'Entry', 'Field', 'Value']);
    expect(rows.length - 1).toBe(result.size);
    const body = rows.slice(1).map(([section, entry, field, value]) => ({ section, entry, field, value }));
    const value = (section: string, field: string, entry = '') => body.filter((r) => r.section === section && r.entry === entry && r.field === field).map((r) => r.value);

    // Person details exactly as held.
    expect(value('Personal details', 'Name')).toEqual([NAME]);
    expect(value('Personal details', 'Given name')).toEqual([GIVEN]);
    expect(value('Personal details', 'Family name')).toEqual([FAMILY]);
    // No diagnosis month: newly diagnosed is not known, never "No".
    expect(value('Personal details', 'HIV diagnosis (month)')).toEqual(['']);
    expect(body.filter((r) => r.field === 'Newly diagnosed').map((r) => r.value)).toEqual(['Not known', 'Not known']);
    expect(value('Personal details', 'NHS Number')).toEqual(['943 476 5919']);
    expect(value('Personal details', 'Hospital number')).toEqual(['00123456']);
    expect(value('Personal details', 'Date of birth')).toEqual(['1985-04-12']);
    expect(value('Personal details', 'Borough')).toEqual(['Lambeth']);

    // Each episode, oldest first, with every entry the record holds.
    const [second, first] = record.episodes;
    const entries = (section: string) => [...new Set(body.filter((r) => r.section === section).map((r) => r.entry))];
    expect(value('Episode 1', 'Referral received on')).toEqual([first.referralReceivedOn]);
    expect(value('Episode 2', 'Referral received on')).toEqual([second.referralReceivedOn]);
    expect(entries('Episode 1: Contacts')).toEqual(first.contacts.map((_, i) => `Contact ${i + 1}`));
    expect(value('Episode 1: Contacts', 'Note', 'Contact 1')).toEqual([LONG_NOTE]);
    // A note that would run as a formula in Excel is neutralised, not changed otherwise.
    expect(value('Episode 1: Contacts', 'Note', 'Contact 2')).toEqual([`'${first.contacts[0].note}`]);
    expect(value('Episode 1: Contacts', 'Attendance', 'Contact 2')).toEqual(['Did not attend']);
    expect(entries('Episode 1: Contact attempts')).toHaveLength(first.attempts.length);
    expect(entries('Episode 1: Closures and reopenings')).toEqual(['Closure 1', 'Closure 2']);
    expect(value('Episode 1: Closures and reopenings', 'Reason for reopening', 'Closure 1')).toEqual(['Asked for more support after a move.']);
    expect(value('Episode 1: Closures and reopenings', 'Reason', 'Closure 2')).toEqual(['Person ended support']);
    expect(entries('Episode 1: Goals')).toEqual(['Goal 1', 'Goal 1, review 1']);
    expect(value('Episode 1: Signposting', 'Organisation', 'Signposting 1')).toEqual(['Citizens Advice Lambeth']);
    expect(value('Episode 1: Questionnaires', 'PHQ-9 total', 'Questionnaire 1: PHQ-9')).toEqual(['8 (Mild)']);
    expect(value('Episode 1: Questionnaires', 'Question 9: Thoughts that you would be better off dead, or of hurting yourself in some way', 'Questionnaire 1: PHQ-9')).toEqual(['0 (Not at all)']);
    expect(value('Episode 1: Engagement with care', 'Viral load undetectable', 'Review 1')).toEqual(['Yes']);
    expect(entries('Episode 2: Contacts')).toEqual([]);
    expect(value('Risk flags', 'Description', 'Risk flag 1')).toEqual([record.riskFlags[0].description]);
    expect(value('Risk flags', 'Episode', 'Risk flag 1')).toEqual(['Episode 2']);
    expect(value('Groups and workshops', 'Attended', 'Group 1')).toEqual(['Yes']);
    // No raw codes where a label exists.
    expect(body.map((r) => r.value).join('\n')).not.toMatch(/\b(one_to_one|benefits_advice|goals_met|opt_out_clinic|E09000022)\b/);

    const entriesLogged = await must(ctx, 'audit.list', { action: 'person.subject_access_copy' });
    expect(JSON.parse(entriesLogged[0].detail!)).toEqual({ format: 'csv', sha256: createHash('sha256').update(bytes).digest('hex') });
    close();
  });
});
