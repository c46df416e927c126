// A person's whole record laid out for a subject access copy: sections with headings, entries
// in date order, and every value in words (code labels, Yes/No). The PDF and the CSV are both
// drawn from this one layout, so the two files can never say different things.
import { adherence, assessmentMethod } from './assessment';
import {
  attemptMethod,
  attemptOutcome,
  attendance,
  borough,
  closureReason,
  contactChannel,
  contactMode,
  contactTopic,
  contactType,
  ethnicCategory,
  genderIdentity,
  goalArea,
  goalStatus,
  groupEventType,
  pathway,
  referralSource,
  referralStatus,
  serviceType,
  sexualOrientation,
  signpostingOutcome,
} from './codes';
import { newlyDiagnosedKnown } from './episode';
import { INSTRUMENTS } from './instruments/definitions';
import { formatNhsNumber } from './nhsNumber';
import type { EpisodeView, PersonRecord } from './record';
import type { SubjectAccessFormat } from './subjectAccess';

/** How a value is shown: dates DD/MM/YYYY in the PDF and ISO in the CSV; long text full width. */
export type FieldKind = 'text' | 'long' | 'date' | 'month' | 'timestamp';

export interface CopyField {
  label: string;
  /** Null: nothing recorded. Dates and timestamps are ISO here. */
  value: string | null;
  kind: FieldKind;
}

export interface CopyEntry {
  title: string;
  /** The entry's own date (ISO), shown beside its title in the PDF. */
  date: string | null;
  fields: CopyField[];
}

export interface CopySection {
  heading: string;
  /** 1: a part of the record (an episode, risk flags); 2: a kind of record inside an episode. */
  level: 1 | 2;
  /** Set on episode sections: the referral date shown beside the heading. */
  date: string | null;
  paragraphs: string[];
  fields: CopyField[];
  entries: CopyEntry[];
  /** Shown when the section has no fields or entries. */
  empty: string | null;
  /** The section's name in the CSV: "Episode 2: Contacts". */
  path: string;
}

export interface CopyMeta {
  producedAt: string;
  producedByName: string;
  organisation: string;
}

export interface RecordCopy {
  title: string;
  caseId: string;
  meta: CopyMeta;
  sections: CopySection[];
}

const text = (label: string, value: string | number | null | undefined): CopyField => ({ label, value: value === null || value === undefined || value === '' ? null : String(value), kind: 'text' });
const long = (label: string, value: string | null | undefined): CopyField => ({ label, value: value || null, kind: 'long' });
const date = (label: string, value: string | null | undefined): CopyField => ({ label, value: value || null, kind: 'date' });
const stamp = (label: string, value: string | null | undefined): CopyField => ({ label, value: value || null, kind: 'timestamp' });
const yesNo = (label: string, value: boolean | null | undefined, unknown = 'Not known'): CopyField => text(label, value === true ? 'Yes' : value === false ? 'No' : unknown);

/** Oldest first, ties in the order they were recorded: a copy reads as a story. */
function chronological<T extends { id: number }>(items: T[], dateOf: (t: T) => string): T[] {
  return [...items].sort((a, b) => (dateOf(a) === dateOf(b) ? a.id - b.id : dateOf(a) < dateOf(b) ? -1 : 1));
}

function section(heading: string, level: 1 | 2, path: string, parts: Partial<Pick<CopySection, 'date' | 'paragraphs' | 'fields' | 'entries' | 'empty'>>): CopySection {
  return { heading, level, path, date: parts.date ?? null, paragraphs: parts.paragraphs ?? [], fields: parts.fields ?? [], entries: parts.entries ?? [], empty: parts.empty ?? null };
}

const NONE = 'None recorded.';

/** How to read the file, which differs between the two. */
const HOW_TO_READ: Record<SubjectAccessFormat, string> = {
  pdf: 'Dates are shown day/month/year. Where something was never recorded, this copy says "Not recorded".',
  csv: 'Each row is one fact. Dates are year-month-day (2026-11-21); times are UTC. A blank value means nothing was recorded.',
};

export function recordCopy(record: PersonRecord, meta: CopyMeta, format: SubjectAccessFormat): RecordCopy {
  const episodes = chronological(record.episodes, (e) => e.referralReceivedOn);
  const episodeNumber = new Map(episodes.map((e, i) => [e.id, i + 1]));
  const sections: CopySection[] = [
    section('About this copy', 1, 'About this copy', {
      paragraphs: [
        `This is a copy of everything ${meta.organisation}'s peer support service holds about you in its caseload. It was made because you asked for a copy of your record (a subject access request).`,
        `Each episode of support starts with a referral. "Recorded by" is the member of staff who wrote the entry. ${HOW_TO_READ[format]}`,
      ],
      fields: [stamp('Produced on', meta.producedAt), text('Produced by', meta.producedByName), text('Organisation', meta.organisation), text('Case ID', record.caseId), text('Episodes of support', episodes.length)],
    }),
    section('Personal details', 1, 'Personal details', { fields: personFields(record) }),
  ];
  episodes.forEach((e, i) => sections.push(...episodeSections(e, i + 1, episodes.length, record.diagnosisMonth)));
  sections.push(
    section('Risk flags', 1, 'Risk flags', {
      entries: chronological(record.riskFlags, (r) => r.raisedOn).map((r, i) => ({
        title: `Risk flag ${i + 1}`,
        date: r.raisedOn,
        fields: [
          date('Raised on', r.raisedOn),
          long('Description', r.description),
          text('Episode', r.episodeId && episodeNumber.has(r.episodeId) ? `Episode ${episodeNumber.get(r.episodeId)}` : null),
          long('Action taken', r.actionTaken),
          yesNo('Escalated', r.escalated),
          date('Escalated on', r.escalatedOn),
          date('Resolved on', r.resolvedOn),
          long('How it was resolved', r.resolutionNote),
          text('Raised by', r.raisedByName),
        ],
      })),
      empty: NONE,
    }),
    section('Groups and workshops', 1, 'Groups and workshops', {
      entries: chronological(
        record.groups.map((g) => ({ ...g, id: g.eventId })),
        (g) => g.heldOn,
      ).map((g, i) => ({
        title: `Group ${i + 1}`,
        date: g.heldOn,
        fields: [
          text('Kind of group', groupEventType.label(g.type)),
          text('Title', g.title),
          date('Held on', g.heldOn),
          yesNo('Registered', g.registered),
          yesNo('Attended', g.attended, 'Not yet recorded'),
        ],
      })),
      empty: NONE,
    }),
  );
  return { title: `Copy of the record held about ${record.preferredName}`, caseId: record.caseId, meta, sections };
}

function personFields(r: PersonRecord): CopyField[] {
  return [
    text('Name', r.preferredName),
    text('Given name', r.givenName),
    text('Family name', r.familyName),
    text('Case ID', r.caseId),
    text('NHS Number', r.nhsNumber ? formatNhsNumber(r.nhsNumber) : null),
    text('Hospital number', r.hospitalNumber),
    date('Date of birth', r.dateOfBirth),
    text('Gender identity', genderIdentity.label(r.genderIdentity)),
    text('Sexual orientation', sexualOrientation.label(r.sexualOrientation)),
    text('Ethnic category', ethnicCategory.label(r.ethnicCategory)),
    text('Borough', borough.label(r.borough)),
    text('First language', r.firstLanguage),
    yesNo('Interpreter needed', r.interpreterNeeded),
    text('Phone', r.phone),
    text('Email', r.email),
    text('Agreed ways to contact you', r.contactConsent.map((c) => contactChannel.label(c)).join(', ')),
    yesNo('Safe to leave a message', r.safeToLeaveMessage),
    { label: 'HIV diagnosis (month)', value: r.diagnosisMonth, kind: 'month' },
    text('Clinic site', r.siteName ? `${r.siteName}${r.siteOdsCode ? ` (${r.siteOdsCode})` : ''}` : null),
    stamp('Record created', r.createdAt),
    text('Record created by', r.createdByName),
    stamp('Details last changed', r.updatedAt),
  ];
}

function episodeSections(e: EpisodeView, n: number, of: number, diagnosisMonth: string | null): CopySection[] {
  const name = `Episode ${n}`;
  const sub = (heading: string, parts: Parameters<typeof section>[3]) => section(heading, 2, `${name}: ${heading}`, { empty: NONE, ...parts });
  const goals = chronological(e.goals, (g) => g.setOn);
  return [
    section(`Episode ${n} of ${of}`, 1, name, {
      date: e.referralReceivedOn,
      fields: [
        date('Referral received on', e.referralReceivedOn),
        text('Referred by', referralSource.label(e.referralSource)),
        text('Pathway', pathway.label(e.pathway)),
        text('Referring organisation', e.referrerOrganisation),
        long('Reasons for referral', e.referralReasons),
        yesNo('Re-engaging in care', e.reEngaging),
        yesNo('Newly diagnosed', newlyDiagnosedKnown(e.newlyDiagnosed, diagnosisMonth)),
        text('Referral status', referralStatus.label(e.referralStatus)),
        date('First contact on', e.firstContactOn),
        text('Support', e.open ? 'Open' : 'Closed'),
        stamp('Referral recorded', e.createdAt),
        text('Referral recorded by', e.createdByName),
      ],
    }),
    sub('Closures and reopenings', {
      entries: chronological(e.closures, (c) => c.closedOn).map((c, i) => ({
        title: `Closure ${i + 1}`,
        date: c.closedOn,
        fields: [
          date('Closed on', c.closedOn),
          text('Reason', closureReason.label(c.reason)),
          long('Summary', c.summary),
          text('Closed by', c.createdByName),
          stamp('Reopened', c.reopenedAt),
          text('Reopened by', c.reopenedByName),
          long('Reason for reopening', c.reopenReason),
        ],
      })),
    }),
    sub('Contact attempts', {
      entries: chronological(e.attempts, (a) => a.attemptedOn).map((a, i) => ({
        title: `Attempt ${i + 1}`,
        date: a.attemptedOn,
        fields: [date('Date', a.attemptedOn), text('How', attemptMethod.label(a.method)), text('Outcome', attemptOutcome.label(a.outcome)), long('Note', a.note), text('Recorded by', a.createdByName)],
      })),
    }),
    sub('Contacts', {
      entries: chronological(e.contacts, (c) => `${c.contactOn} ${c.startTime ?? ''}`).map((c, i) => ({
        title: `Contact ${i + 1}`,
        date: c.contactOn,
        fields: [
          date('Date', c.contactOn),
          text('Start time', c.startTime),
          text('Minutes', c.minutes),
          text('Kind of contact', contactType.label(c.type)),
          text('How', contactMode.label(c.mode)),
          text('Attendance', c.attendance ? attendance.label(c.attendance) : 'Planned'),
          text('Topics', c.topics.map((t) => contactTopic.label(t)).join(', ')),
          long('Note', c.note),
          text('Recorded by', c.createdByName),
          stamp('Recorded', c.createdAt),
          stamp('Last changed', c.updatedAt),
        ],
      })),
    }),
    sub('Goals', {
      entries: goals.flatMap((g, i) => [
        {
          title: `Goal ${i + 1}`,
          date: g.setOn,
          fields: [long('Goal', g.description), text('Area', goalArea.label(g.area)), date('Set on', g.setOn), date('Review by', g.reviewBy), text('Status', goalStatus.label(g.status)), text('Set by', g.createdByName)],
        },
        ...g.reviews.map((r, j) => ({
          title: `Goal ${i + 1}, review ${j + 1}`,
          date: r.reviewedOn,
          fields: [date('Reviewed on', r.reviewedOn), text('Status', goalStatus.label(r.status)), long('Note', r.note), text('Reviewed by', r.createdByName)],
        })),
      ]),
    }),
    sub('Signposting', {
      entries: chronological(e.signposting, (s) => s.madeOn).map((s, i) => ({
        title: `Signposting ${i + 1}`,
        date: s.madeOn,
        fields: [
          date('Date', s.madeOn),
          text('Service', serviceType.label(s.serviceType)),
          text('Organisation', s.organisation),
          text('Outcome', signpostingOutcome.label(s.outcome)),
          long('Note', s.note),
          text('Recorded by', s.createdByName),
        ],
      })),
    }),
    sub('Questionnaires', {
      entries: chronological(e.outcomes.assessments, (a) => a.completedOn).map((a, i) => {
        const def = INSTRUMENTS[a.instrument];
        const scores = def.scores
          .filter((s) => a.scores[s.id] !== undefined)
          .map((s) => text(s.label, `${a.scores[s.id]}${a.bands[s.id] ? ` (${a.bands[s.id]!.label})` : ''}`));
        const answers = def.items.map((item, k) => {
          const answer = a.responses[item.id];
          const option = (item.options ?? def.options).find((o) => o.value === answer);
          // Licensed wording is shown only where the licence allows it: the number is enough here.
          const question = def.licence.requiresConfirmation || !item.text ? `Question ${k + 1}` : `Question ${k + 1}: ${item.text}`;
          return text(question, answer === null || answer === undefined ? 'Not answered' : option && option.label !== String(answer) ? `${answer} (${option.label})` : String(answer));
        });
        return {
          title: `Questionnaire ${i + 1}: ${def.shortName}`,
          date: a.completedOn,
          fields: [text('Questionnaire', def.name), date('Completed on', a.completedOn), text('How it was completed', assessmentMethod.label(a.method)), ...scores, yesNo('Score pro-rated for a missed answer', a.prorated), ...answers, text('Recorded by', a.createdByName)],
        };
      }),
    }),
    sub('Engagement with care', {
      entries: chronological(e.outcomes.engagement, (r) => r.reviewedOn).map((r, i) => ({
        title: `Review ${i + 1}`,
        date: r.reviewedOn,
        fields: [
          date('Reviewed on', r.reviewedOn),
          yesNo('Viral load undetectable', r.viralLoadUndetectable),
          date('Viral load result date', r.viralLoadOn),
          text('Taking treatment', adherence.label(r.adherence)),
          text('Clinic appointments kept', r.appointmentsKept),
          text('Clinic appointments missed', r.appointmentsMissed),
          yesNo('Back in care', r.reengagedInCare),
          long('Note', r.note),
          text('Recorded by', r.createdByName),
        ],
      })),
    }),
  ];
}
