// The figure cards on Reports: what each shows, what it is compared on, and which records behind
// it "Show the records" lists.
import { INSTRUMENTS } from '../../../../core/domain/instruments/definitions';
import { improvementRule } from '../../../../core/domain/instruments/improvement';
import type { InstrumentId } from '../../../../core/domain/instruments/types';
import type { Shown, Unit } from './compare';
import type { Published } from '../../../../core/domain/export/suppression';
import type { DrillBreakdown } from '../../../../core/domain/export/drill';
import type { Drill } from './drill';
import type { Measures } from './measures';
import { countOf } from '../../../../core/domain/plural';

export interface FigureSpec {
  id: string;
  title: string;
  value: Shown;
  previous: Shown;
  unit: Unit;
  detail?: string;
  drill?: Drill;
}

const n = (x: Published) => (x === '*' ? '*' : x.toLocaleString('en-GB'));
/** The count "Show the records" should find; none when it is hidden (that role cannot drill). */
const toFind = (x: Shown) => (typeof x === 'number' ? x : undefined);
const instrumentName = (id: string) => INSTRUMENTS[id as InstrumentId]?.shortName ?? id;

export function figureSpecs(now: Measures, before: Measures): FigureSpec[] {
  const figures: FigureSpec[] = [
    {
      id: 'referrals',
      title: 'Referrals received',
      value: now.referrals,
      previous: before.referrals,
      unit: 'count',
      drill: { title: 'Referrals received', measure: 'referrals_received' },
    },
    {
      id: 'supported',
      title: 'People supported',
      value: now.supported,
      previous: before.supported,
      unit: 'count',
      detail: `${n(now.supportedNew)} new, ${n(now.supportedContinuing)} continuing`,
      drill: { title: 'People supported', measure: 'people_supported' },
    },
    {
      id: 'contacts',
      title: 'Contacts attended',
      value: now.attended,
      previous: before.attended,
      unit: 'count',
      detail: `${n(now.booked)} booked in all`,
      drill: { title: 'Contacts attended', measure: 'contacts_attended' },
    },
    {
      id: 'dna',
      title: 'Did not attend (DNA) rate',
      value: now.dnaRate,
      previous: before.dnaRate,
      unit: 'percent',
      detail: `${n(now.dna)} of ${countOf(now.booked, 'booked contact')} not attended`,
      drill: { title: 'Contacts not attended', measure: 'contacts_not_attended', expected: toFind(now.dna) },
    },
    {
      id: 'average',
      title: 'Average contacts per person',
      value: now.average,
      previous: before.average,
      unit: 'decimal',
      detail: `${countOf(now.attended, 'contact')}, ${countOf(now.supported, 'person', 'people')}`,
      drill: { title: 'People supported', measure: 'people_supported', expected: toFind(now.supported) },
    },
    {
      id: 'newly-diagnosed',
      title: 'Newly diagnosed: engaged',
      value: now.newlyDiagnosedPercent,
      previous: before.newlyDiagnosedPercent,
      unit: 'percent',
      detail: `${n(now.newlyDiagnosedEngaged)} of ${n(now.newlyDiagnosedOffered)} offered peer support engaged`,
      drill: { title: 'Newly diagnosed people offered peer support', measure: 'newly_diagnosed_offered', expected: toFind(now.newlyDiagnosedOffered) },
    },
  ];
  // One card per instrument used in either period: the programmes' targets are per instrument.
  const instruments = [...new Set([...now.wellbeing, ...before.wellbeing].map((w) => w.instrument))].sort();
  if (instruments.length === 0) {
    figures.push({ id: 'wellbeing', title: 'Improved wellbeing', value: null, previous: null, unit: 'percent', detail: 'No follow-up assessments in either period' });
  }
  for (const id of instruments) {
    const w = now.wellbeing.find((x) => x.instrument === id);
    const b = before.wellbeing.find((x) => x.instrument === id);
    figures.push({
      id: `wellbeing-${id}`,
      title: `Improved wellbeing (${instrumentName(id)})`,
      value: w?.percent ?? null,
      previous: b?.percent ?? null,
      unit: 'percent',
      detail: `${n(w?.improved ?? 0)} of ${n(w?.followedUp ?? 0)} paired improved, by ${improvementRule(id as InstrumentId).words}; ${n(w?.noFollowUp ?? 0)} closed with only a baseline`,
      drill: { title: `Followed up on ${instrumentName(id)}`, measure: 'improved_wellbeing', breakdown: id as DrillBreakdown, category: 'followed_up', expected: toFind(w?.followedUp ?? 0) },
    });
  }
  figures.push({
    id: 'groups',
    title: 'Group attendance',
    value: now.groupAttended,
    previous: before.groupAttended,
    unit: 'count',
    detail:
      now.groupRegistered === 0
        ? 'No one registered for a group'
        : `${n(now.groupAttended)} of ${n(now.groupRegistered)} registered came; drop-out ${now.groupDropOut === '*' ? '*' : `${now.groupDropOut?.toLocaleString('en-GB')}%`}`,
    drill: { title: 'Registered for a group or workshop', measure: 'group_registrations', expected: toFind(now.groupRegistered) },
  });
  return figures;
}
