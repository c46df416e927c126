// A person's whole record, assembled for the person screen.
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { ageBand } from '../../core/domain/age';
import { attemptFields, closureFields, episodeFields, type Closure, type ContactAttempt } from '../../core/domain/episode';
import { contactFields, type Contact } from '../../core/domain/contact';
import { goalFields, goalReviewFields, type Goal } from '../../core/domain/goal';
import { personGroupFields, registrationFields } from '../../core/domain/group';
import type { EpisodeView, PersonRecord } from '../../core/domain/record';
import { personFields } from '../../core/domain/person';
import { pick, storedKeys } from '../../core/domain/recordFields';
import { riskFields } from '../../core/domain/risk';
import { signpostingFields } from '../../core/domain/signposting';
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
import { enteredInErrorFor } from './enteredInError';
import { getSettings } from './settings';
import { episodeOutcomes, talkingTherapiesOutcome } from '../../core/domain/instruments/outcome';
import { postClosureWindow } from '../../core/domain/instruments/postClosure';
import { dueAssessments } from '../../core/domain/instruments/schedule';
import { engagementChange } from '../../core/domain/engagement';

// Each record's declared fields (core/domain), read as stored: the compiler checks each has its
// column. Who recorded a record (a member's name) and whether an episode is open are worked out.
const PERSON = storedKeys(personFields, ['createdByName']);
const EPISODE = storedKeys(episodeFields, ['createdByName', 'open']);
const CLOSURE = storedKeys(closureFields, ['createdByName', 'reopenedByName']);
const ATTEMPT = storedKeys(attemptFields, ['createdByName']);
const CONTACT = storedKeys(contactFields, ['createdByName']);
const GOAL = storedKeys(goalFields, ['createdByName']);
const GOAL_REVIEW = storedKeys(goalReviewFields, ['createdByName']);
const SIGNPOSTING = storedKeys(signpostingFields, ['createdByName']);
const RISK = storedKeys(riskFields, ['raisedByName', 'resolvedByName']);
const REGISTRATION = storedKeys(registrationFields);
const eventColumns = pick(groupEvents, storedKeys(personGroupFields, REGISTRATION));
const registrationColumns = pick(groupParticipants, REGISTRATION);

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
      ...pick(c, CLOSURE),
      id: c.id,
      createdAt: c.createdAt,
      createdByName: name(c.createdBy),
      reopenedByName: c.reopenedBy ? name(c.reopenedBy) : null,
    }));
    return {
      ...pick(e, EPISODE),
      id: e.id,
      personId: e.personId,
      open: e.closedOn === null,
      createdByName: name(e.createdBy),
      workingDaysWaited: workingDaysBetween(e.referralReceivedOn, e.firstContactOn ?? e.closedOn ?? today),
      closure: e.closedOn ? (closures.find((c) => !c.reopenedAt) ?? null) : null,
      closures,
      attempts: attempts(e.id).map((a): ContactAttempt => ({ ...pick(a, ATTEMPT), id: a.id, episodeId: a.episodeId, createdAt: a.createdAt, createdByName: name(a.createdBy) })),
      contacts: contactRows(e.id).map((c): Contact => ({ ...pick(c, CONTACT), id: c.id, episodeId: c.episodeId, createdByName: name(c.createdBy) })),
      goals: goalsOf(e.id).map(
        (g): Goal => ({
          ...pick(g, GOAL),
          id: g.id,
          episodeId: g.episodeId,
          reviews: reviewRows.filter((r) => r.goalId === g.id).map((r) => ({ ...pick(r, GOAL_REVIEW), id: r.id, createdByName: name(r.createdBy) })),
          createdAt: g.createdAt,
          createdByName: name(g.createdBy),
        }),
      ),
      signposting: signpostingOf(e.id).map((s) => ({ ...pick(s, SIGNPOSTING), id: s.id, episodeId: s.episodeId, createdByName: name(s.createdBy) })),
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
    };
  });

  const risks = orm.select().from(riskFlags).where(eq(riskFlags.personId, personId)).orderBy(desc(riskFlags.raisedOn), desc(riskFlags.id)).all();
  const groups = orm
    .select({ eventId: groupEvents.id, ...eventColumns, ...registrationColumns })
    .from(groupParticipants)
    .innerJoin(groupEvents, eq(groupEvents.id, groupParticipants.eventId))
    .where(eq(groupParticipants.personId, personId))
    .orderBy(desc(groupEvents.heldOn))
    .all();

  return {
    ...pick(person, PERSON),
    id: person.id,
    createdByName: name(person.createdBy),
    ageBand: ageBand(person.dateOfBirth, today),
    siteName: site?.name ?? null,
    siteOdsCode: site?.odsCode ?? null,
    episodes: episodeViews,
    riskFlags: risks.map((r) => ({ ...pick(r, RISK), id: r.id, personId: r.personId, raisedByName: name(r.createdBy), resolvedByName: r.resolvedBy ? name(r.resolvedBy) : null })),
    groups,
    enteredInError: enteredInErrorFor(orm, personId, name),
  };
}
