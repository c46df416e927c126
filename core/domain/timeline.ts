// Everything that happened in a person's record, newest first, as one list.
import { attemptMethod, attemptOutcome, attendance, goalStatus, pathway } from './codes';
import { INSTRUMENTS } from './instruments/definitions';
import type { CorrectableKind } from './corrections';
import type { PersonRecord } from './record';
import { LIST_DEFINITIONS, labeller, type ListKey } from './programmeLists';

/** A programme list's words for a code: the caseload's lists, or the seed's without them. */
export type ListLabel = (list: ListKey, code: string | null | undefined) => string;
const seedLabel: ListLabel = (list, code) => labeller([], LIST_DEFINITIONS[list].seed)(code);

export interface TimelineItem {
  date: string;
  kind: 'referral' | 'attempt' | 'contact' | 'goal' | 'goal_review' | 'signposting' | 'risk' | 'risk_resolved' | 'closure' | 'reopened' | 'group' | 'assessment' | 'engagement' | 'entered_in_error';
  title: string;
  detail: string | null;
  episodeId: number | null;
  /** The record itself, for its actions (edit, remove, mark entered in error); open: its episode is open. */
  record?: { kind: CorrectableKind; id: number; open: boolean };
  /** Set on a record marked entered in error: shown struck through, with why. */
  enteredInError?: { kind: CorrectableKind; reason: string; markedByName: string; markedAt: string };
}

export function timeline(record: PersonRecord, listLabel: ListLabel = seedLabel): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const e of record.episodes) {
    const open = e.open;
    items.push({ date: e.referralReceivedOn, kind: 'referral', title: `Referral received: ${pathway.label(e.pathway)}`, detail: e.referralReasons, episodeId: e.id, record: { kind: 'referral', id: e.id, open } });
    for (const a of e.attempts)
      items.push({ date: a.attemptedOn, kind: 'attempt', title: `Contact attempt (${attemptMethod.label(a.method).toLowerCase()}): ${attemptOutcome.label(a.outcome)}`, detail: a.note, episodeId: e.id, record: { kind: 'attempt', id: a.id, open } });
    for (const c of e.contacts)
      items.push({
        date: c.contactOn,
        kind: 'contact',
        title: `${listLabel('contact_type', c.type)}, ${listLabel('contact_mode', c.mode).toLowerCase()}: ${c.attendance ? attendance.label(c.attendance) : 'Planned'}`,
        detail: c.note,
        episodeId: e.id,
        record: { kind: 'contact', id: c.id, open },
      });
    for (const g of e.goals) {
      items.push({ date: g.setOn, kind: 'goal', title: `Goal set: ${g.description}`, detail: null, episodeId: e.id, record: { kind: 'goal', id: g.id, open } });
      for (const r of g.reviews) items.push({ date: r.reviewedOn, kind: 'goal_review', title: `Goal reviewed: ${goalStatus.label(r.status)}`, detail: r.note, episodeId: e.id });
    }
    for (const s of e.signposting)
      items.push({ date: s.madeOn, kind: 'signposting', title: `Signposted to ${listLabel('signposting_category', s.serviceType).toLowerCase()}${s.organisation ? ` (${s.organisation})` : ''}`, detail: s.note, episodeId: e.id, record: { kind: 'signposting', id: s.id, open } });
    for (const a of e.outcomes?.assessments ?? []) {
      const def = INSTRUMENTS[a.instrument];
      const primary = def.scores.find((x) => x.id === def.primaryScore)!;
      const band = a.bands[primary.id]?.label;
      items.push({ date: a.completedOn, kind: 'assessment', title: `${def.shortName}: ${a.scores[primary.id]}${band ? ` (${band.toLowerCase()})` : ''}${a.prorated ? ', pro-rated' : ''}`, detail: null, episodeId: e.id, record: { kind: 'assessment', id: a.id, open } });
    }
    for (const r of e.outcomes?.engagement ?? [])
      items.push({ date: r.reviewedOn, kind: 'engagement', title: 'Engagement with care reviewed', detail: r.note, episodeId: e.id, record: { kind: 'engagement', id: r.id, open } });
    for (const c of e.closures) {
      items.push({ date: c.closedOn, kind: 'closure', title: `Episode closed: ${listLabel('closure_reason', c.reason)}`, detail: c.summary, episodeId: e.id });
      if (c.reopenedAt) items.push({ date: c.reopenedAt.slice(0, 10), kind: 'reopened', title: 'Episode reopened', detail: c.reopenReason, episodeId: e.id });
    }
  }
  for (const r of record.riskFlags) {
    items.push({ date: r.raisedOn, kind: 'risk', title: `Risk flag raised: ${r.description}`, detail: r.actionTaken, episodeId: r.episodeId, record: { kind: 'risk', id: r.id, open: true } });
    if (r.resolvedOn) items.push({ date: r.resolvedOn, kind: 'risk_resolved', title: 'Risk flag resolved', detail: r.resolutionNote, episodeId: r.episodeId });
  }
  for (const g of record.groups)
    items.push({ date: g.heldOn, kind: 'group', title: `${g.title ?? 'Group'}: ${g.attended === true ? 'attended' : g.attended === false ? 'did not attend' : 'registered'}`, detail: null, episodeId: null });
  for (const x of record.enteredInError)
    items.push({
      date: x.recordedOn,
      kind: 'entered_in_error',
      title: x.summary,
      detail: x.note,
      episodeId: x.episodeId,
      enteredInError: { kind: x.kind, reason: x.reason, markedByName: x.markedByName, markedAt: x.markedAt },
    });
  // Newest first; on the same day, the order things were recorded in is kept.
  return items.map((item, i) => ({ item, i })).sort((a, b) => (a.item.date === b.item.date ? b.i - a.i : a.item.date < b.item.date ? 1 : -1)).map((x) => x.item);
}
