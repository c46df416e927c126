// A person's whole record, assembled for the person screen.
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { ageBand } from '../../core/domain/age';
import type { Closure, ContactAttempt } from '../../core/domain/episode';
import type { Contact } from '../../core/domain/contact';
import type { Goal } from '../../core/domain/goal';
import type { EpisodeView, PersonRecord } from '../../core/domain/record';
import type { PersonDetails } from '../../core/domain/person';
import { DomainError } from '../../core/domain/result';
import { workingDaysBetween } from '../../core/domain/workingDays';
import {
  contactAttempts,
  contacts,
  episodeClosures,
  episodes,
  goalReviews,
  goals,
  groupEvents,
  groupParticipants,
  people,
  riskFlags,
  signposting,
  sites,
} from '../schema';
import type { Orm } from '../types';
import { memberNames } from './stamps';
import { assessmentsFor, engagementFor } from './assessments';
import { getSettings } from './settings';
import { episodeOutcomes, talkingTherapiesOutcome } from '../../core/domain/instruments/outcome';
import { postClosureWindow } from '../../core/domain/instruments/postClosure';
import { dueAssessments } from '../../core/domain/instruments/schedule';
import { engagementChange } from '../../core/domain/engagement';

export function getPersonRecord(orm: Orm, personId: number, today: string): PersonRecord {
  const person = orm.select().from(people).where(eq(people.id, personId)).get();
  if (!person) throw new DomainError('NOT_FOUND', 'That person is no longer on the caseload.');
  const name = memberNames(orm);
  const site = person.clinicSiteId ? orm.select().from(sites).where(eq(sites.id, person.clinicSiteId)).get() : undefined;
  const eps = orm.select().from(episodes).where(eq(episodes.personId, personId)).orderBy(desc(episodes.referralReceivedOn), desc(episodes.id)).all();
  const ids = eps.map((e) => e.id);
  const byEpisode = <T extends { episodeId: number }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const r of rows) map.set(r.episodeId, [...(map.get(r.episodeId) ?? []), r]);
    return (id: number) => map.get(id) ?? [];
  };
  const none = ids.length === 0;
  const attempts = byEpisode(none ? [] : orm.select().from(contactAttempts).where(inArray(contactAttempts.episodeId, ids)).orderBy(desc(contactAttempts.attemptedOn), desc(contactAttempts.id)).all());
  const contactRows = byEpisode(none ? [] : orm.select().from(contacts).where(inArray(contacts.episodeId, ids)).orderBy(desc(contacts.contactOn), desc(contacts.startTime), desc(contacts.id)).all());
  const goalRows = none ? [] : orm.select().from(goals).where(inArray(goals.episodeId, ids)).orderBy(desc(goals.setOn), desc(goals.id)).all();
  const reviewRows = goalRows.length === 0 ? [] : orm.select().from(goalReviews).where(inArray(goalReviews.goalId, goalRows.map((g) => g.id))).orderBy(asc(goalReviews.reviewedOn), asc(goalReviews.id)).all();
  const goalsOf = byEpisode(goalRows);
  const signpostingOf = byEpisode(none ? [] : orm.select().from(signposting).where(inArray(signposting.episodeId, ids)).orderBy(desc(signposting.madeOn), desc(signposting.id)).all());
  const assessmentsOf = byEpisode(assessmentsFor(orm, ids, name));
  const engagementOf = byEpisode(engagementFor(orm, ids, name));
  const settings = getSettings(orm);
  const closuresOf = byEpisode(none ? [] : orm.select().from(episodeClosures).where(inArray(episodeClosures.episodeId, ids)).orderBy(desc(episodeClosures.id)).all());

  const episodeViews: EpisodeView[] = eps.map((e) => {
    const closures: Closure[] = closuresOf(e.id).map((c) => ({
      id: c.id,
      closedOn: c.closedOn,
      reason: c.reason,
      summary: c.summary,
      createdAt: c.createdAt,
      createdByName: name(c.createdBy),
      reopenedAt: c.reopenedAt,
      reopenedByName: c.reopenedBy ? name(c.reopenedBy) : null,
      reopenReason: c.reopenReason,
    }));
    return {
      id: e.id,
      personId: e.personId,
      referralReceivedOn: e.referralReceivedOn,
      referralSource: e.referralSource,
      pathway: e.pathway,
      referrerOrganisation: e.referrerOrganisation,
      referralReasons: e.referralReasons,
      reEngaging: e.reEngaging,
      newlyDiagnosed: e.newlyDiagnosed,
      referralStatus: e.referralStatus,
      firstContactOn: e.firstContactOn,
      workingDaysWaited: workingDaysBetween(e.referralReceivedOn, e.firstContactOn ?? e.closedOn ?? today),
      open: e.closedOn === null,
      closure: e.closedOn ? (closures.find((c) => !c.reopenedAt) ?? null) : null,
      closures,
      attempts: attempts(e.id).map(
        (a): ContactAttempt => ({ id: a.id, episodeId: a.episodeId, attemptedOn: a.attemptedOn, method: a.method, outcome: a.outcome, note: a.note, createdAt: a.createdAt, createdByName: name(a.createdBy) }),
      ),
      contacts: contactRows(e.id).map(
        (c): Contact => ({
          id: c.id,
          episodeId: c.episodeId,
          contactOn: c.contactOn,
          startTime: c.startTime,
          minutes: c.minutes,
          mode: c.mode,
          type: c.type,
          attendance: c.attendance,
          topics: c.topics,
          note: c.note,
          createdAt: c.createdAt,
          createdByName: name(c.createdBy),
          updatedAt: c.updatedAt,
        }),
      ),
      goals: goalsOf(e.id).map(
        (g): Goal => ({
          id: g.id,
          episodeId: g.episodeId,
          description: g.description,
          area: g.area,
          setOn: g.setOn,
          reviewBy: g.reviewBy,
          status: g.status,
          reviews: reviewRows.filter((r) => r.goalId === g.id).map((r) => ({ id: r.id, reviewedOn: r.reviewedOn, status: r.status, note: r.note, createdByName: name(r.createdBy) })),
          createdAt: g.createdAt,
          createdByName: name(g.createdBy),
        }),
      ),
      signposting: signpostingOf(e.id).map((s) => ({
        id: s.id,
        episodeId: s.episodeId,
        serviceType: s.serviceType,
        madeOn: s.madeOn,
        organisation: s.organisation,
        outcome: s.outcome,
        note: s.note,
        createdAt: s.createdAt,
        createdByName: name(s.createdBy),
      })),
      outcomes: (() => {
        const list = assessmentsOf(e.id);
        // Support's own series, and the follow-ups after closure set against its baselines.
        const during = list.filter((a) => !a.afterClosure);
        const after = list.filter((a) => a.afterClosure);
        const outcomes = episodeOutcomes(during);
        const baselines = [...new Set(after.map((a) => a.instrument))].flatMap((i) => during.filter((a) => a.instrument === i).slice(0, 1));
        const engagement = engagementOf(e.id);
        return {
          assessments: list,
          outcomes,
          sustained: baselines.length ? episodeOutcomes([...baselines, ...after.filter((a) => baselines.some((b) => b.instrument === a.instrument))]).filter((o) => o.followedUp) : [],
          postClosureWindow: e.closedOn ? postClosureWindow(e.closedOn) : null,
          talkingTherapies: talkingTherapiesOutcome(outcomes),
          due: dueAssessments({ firstContactOn: e.firstContactOn, open: e.closedOn === null }, settings.enabledInstruments, during, settings.assessmentIntervalWeeks, today),
          engagement,
          engagementChange: engagementChange(engagement),
        };
      })(),
      createdAt: e.createdAt,
      createdByName: name(e.createdBy),
    };
  });

  const risks = orm.select().from(riskFlags).where(eq(riskFlags.personId, personId)).orderBy(desc(riskFlags.raisedOn), desc(riskFlags.id)).all();
  const groups = orm
    .select({ eventId: groupEvents.id, type: groupEvents.type, title: groupEvents.title, heldOn: groupEvents.heldOn, registered: groupParticipants.registered, attended: groupParticipants.attended })
    .from(groupParticipants)
    .innerJoin(groupEvents, eq(groupEvents.id, groupParticipants.eventId))
    .where(eq(groupParticipants.personId, personId))
    .orderBy(desc(groupEvents.heldOn))
    .all();

  const details: PersonDetails = {
    preferredName: person.preferredName,
    nhsNumber: person.nhsNumber,
    hospitalNumber: person.hospitalNumber,
    dateOfBirth: person.dateOfBirth,
    genderIdentity: person.genderIdentity as PersonDetails['genderIdentity'],
    sexualOrientation: person.sexualOrientation as PersonDetails['sexualOrientation'],
    ethnicCategory: person.ethnicCategory as PersonDetails['ethnicCategory'],
    borough: person.borough as PersonDetails['borough'],
    firstLanguage: person.firstLanguage,
    interpreterNeeded: person.interpreterNeeded,
    phone: person.phone,
    email: person.email,
    contactConsent: person.contactConsent as PersonDetails['contactConsent'],
    safeToLeaveMessage: person.safeToLeaveMessage,
    diagnosisMonth: person.diagnosisMonth,
    clinicSiteId: person.clinicSiteId,
  };
  return {
    ...details,
    id: person.id,
    caseId: person.caseId,
    ageBand: ageBand(person.dateOfBirth, today),
    siteName: site?.name ?? null,
    siteOdsCode: site?.odsCode ?? null,
    createdAt: person.createdAt,
    createdByName: name(person.createdBy),
    updatedAt: person.updatedAt,
    episodes: episodeViews,
    riskFlags: risks.map((r) => ({
      id: r.id,
      personId: r.personId,
      episodeId: r.episodeId,
      raisedOn: r.raisedOn,
      description: r.description,
      raisedByName: name(r.createdBy),
      actionTaken: r.actionTaken,
      escalated: r.escalated,
      escalatedOn: r.escalatedOn,
      resolvedOn: r.resolvedOn,
      resolutionNote: r.resolutionNote,
    })),
    groups,
  };
}
