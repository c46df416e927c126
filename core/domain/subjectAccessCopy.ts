// A person's whole record laid out for a subject access copy: sections with headings, entries
// in date order, and every value in words (code labels, Yes/No). The PDF and the CSV are both
// drawn from this one layout, so the two files can never say different things.
import { assessmentFields, engagementFields } from './assessment';
import { contactFields } from './contact';
import { attemptFields, closureFields, episodeFields } from './episode';
import { goalFields, goalReviewFields } from './goal';
import { personGroupFields } from './group';
import { INSTRUMENTS } from './instruments/definitions';
import { personFields } from './person';
import type { EpisodeView, PersonRecord } from './record';
import { copyFields, type CopyContext, type CopyField, type FieldKind } from './recordFields';
import { riskFields } from './risk';
import { signpostingFields } from './signposting';
import type { SubjectAccessFormat } from './subjectAccess';
import { KIND_LABELS } from './corrections';

export type { CopyField, FieldKind } from './recordFields';

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

/** A line about the copy itself (the records' lines come from their declarations). */
const about = (label: string, value: string | number, kind: FieldKind = 'text'): CopyField => ({ label, value: value === '' ? null : String(value), kind });

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

/** `listLabel`: the programme lists' labels as the caseload holds them (renamed, added entries). */
export function recordCopy(record: PersonRecord, meta: CopyMeta, format: SubjectAccessFormat, listLabel?: CopyContext['listLabel']): RecordCopy {
  const episodes = chronological(record.episodes, (e) => e.referralReceivedOn);
  const episodeNumber = new Map(episodes.map((e, i) => [e.id, i + 1]));
  // Each record's lines come from its declaration (core/domain/*.ts: recordFields.ts).
  const ctx: CopyContext = {
    episodeName: (id) => (id !== null && episodeNumber.has(id) ? `Episode ${episodeNumber.get(id)}` : null),
    diagnosisMonth: record.diagnosisMonth,
    listLabel,
  };
  const sections: CopySection[] = [
    section('About this copy', 1, 'About this copy', {
      paragraphs: [
        `This is a copy of everything ${meta.organisation}'s peer support service holds about you in its caseload. It was made because you asked for a copy of your record (a subject access request).`,
        `Each episode of support starts with a referral. "Recorded by" is the member of staff who wrote the entry. ${HOW_TO_READ[format]}`,
      ],
      fields: [about('Produced on', meta.producedAt, 'timestamp'), about('Produced by', meta.producedByName), about('Organisation', meta.organisation), about('Case ID', record.caseId), about('Episodes of support', episodes.length)],
    }),
    section('Personal details', 1, 'Personal details', { fields: copyFields(personFields, record, ctx) }),
  ];
  episodes.forEach((e, i) => sections.push(...episodeSections(e, i + 1, episodes.length, ctx)));
  sections.push(
    section('Risk flags', 1, 'Risk flags', {
      entries: chronological(record.riskFlags, (r) => r.raisedOn).map((r, i) => ({
        title: `Risk flag ${i + 1}`,
        date: r.raisedOn,
        fields: copyFields(riskFields, r, ctx),
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
        fields: copyFields(personGroupFields, g, ctx),
      })),
      empty: NONE,
    }),
  );
  // Kept, not counted: a person's copy holds everything held about them, mistakes included. Only
  // when there are some, so a copy of a record never corrected reads as it always has.
  if (record.enteredInError.length) sections.push(
    section('Records entered in error', 1, 'Records entered in error', {
      paragraphs: ['These entries were found to be wrong after they were made. They are kept, with the reason, so the record shows what was corrected and when; they are not used in the service’s figures or reports.'],
      entries: chronological(record.enteredInError, (r) => r.recordedOn).map((r, i) => ({
        title: `Entered in error ${i + 1}: ${KIND_LABELS[r.kind]}`,
        date: r.recordedOn,
        fields: [
          about('What it was', r.summary),
          about('Its date', r.recordedOn, 'date'),
          ...(r.note ? [about('Note', r.note, 'long')] : []),
          ...(r.kind === 'referral' ? [about('Records made in it, kept with it', r.recordsWithIt)] : []),
          about('Why it was entered in error', r.reason, 'long'),
          about('Marked by', r.markedByName),
          about('Marked on', r.markedAt, 'timestamp'),
        ],
      })),
      empty: NONE,
    }),
  );
  return { title: `Copy of the record held about ${record.preferredName}`, caseId: record.caseId, meta, sections };
}

function episodeSections(e: EpisodeView, n: number, of: number, ctx: CopyContext): CopySection[] {
  const name = `Episode ${n}`;
  const sub = (heading: string, parts: Parameters<typeof section>[3]) => section(heading, 2, `${name}: ${heading}`, { empty: NONE, ...parts });
  const goals = chronological(e.goals, (g) => g.setOn);
  return [
    section(`Episode ${n} of ${of}`, 1, name, { date: e.referralReceivedOn, fields: copyFields(episodeFields, e, ctx) }),
    sub('Closures and reopenings', {
      entries: chronological(e.closures, (c) => c.closedOn).map((c, i) => ({ title: `Closure ${i + 1}`, date: c.closedOn, fields: copyFields(closureFields, c, ctx) })),
    }),
    sub('Contact attempts', {
      entries: chronological(e.attempts, (a) => a.attemptedOn).map((a, i) => ({ title: `Attempt ${i + 1}`, date: a.attemptedOn, fields: copyFields(attemptFields, a, ctx) })),
    }),
    sub('Contacts', {
      entries: chronological(e.contacts, (c) => `${c.contactOn} ${c.startTime ?? ''}`).map((c, i) => ({ title: `Contact ${i + 1}`, date: c.contactOn, fields: copyFields(contactFields, c, ctx) })),
    }),
    sub('Goals', {
      entries: goals.flatMap((g, i) => [
        { title: `Goal ${i + 1}`, date: g.setOn, fields: copyFields(goalFields, g, ctx) },
        ...g.reviews.map((r, j) => ({ title: `Goal ${i + 1}, review ${j + 1}`, date: r.reviewedOn, fields: copyFields(goalReviewFields, r, ctx) })),
      ]),
    }),
    sub('Signposting', {
      entries: chronological(e.signposting, (s) => s.madeOn).map((s, i) => ({ title: `Signposting ${i + 1}`, date: s.madeOn, fields: copyFields(signpostingFields, s, ctx) })),
    }),
    sub('Questionnaires', {
      entries: chronological(e.outcomes.assessments, (a) => a.completedOn).map((a, i) => ({
        title: `Questionnaire ${i + 1}: ${INSTRUMENTS[a.instrument].shortName}`,
        date: a.completedOn,
        fields: copyFields(assessmentFields, a, ctx),
      })),
    }),
    sub('Engagement with care', {
      entries: chronological(e.outcomes.engagement, (r) => r.reviewedOn).map((r, i) => ({ title: `Review ${i + 1}`, date: r.reviewedOn, fields: copyFields(engagementFields, r, ctx) })),
    }),
  ];
}
