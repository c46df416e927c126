// People, episodes and everything recorded in them. Each change answers with the whole record,
// read back from the database, so the screen shows exactly what was saved.
import { recordAssessment, recordEngagement } from '../../../db/queries/assessments';
import { addContact, updateContact } from '../../../db/queries/contacts';
import { addAttempt, closeEpisode, createEpisode, reopenEpisode, setReferralStatus, updateReferral } from '../../../db/queries/episodes';
import { addGoal, reviewGoal, updateGoal } from '../../../db/queries/goals';
import { removeAttempt, removeContact, updateAssessment, updateAttempt, updateEngagement } from '../../../db/queries/corrections';
import { markEnteredInError } from '../../../db/queries/enteredInError';
import { deletePerson, mergePeople } from '../../../db/queries/mergePeople';
import { getMyDay } from '../../../db/queries/myDay';
import { createPerson, findDuplicates, listPeople, updatePerson } from '../../../db/queries/people';
import { getPersonRecord } from '../../../db/queries/record';
import { raiseRisk, resolveRisk, updateRisk } from '../../../db/queries/risks';
import { addSignposting, updateSignposting } from '../../../db/queries/signposting';
import type { PersonRecord } from '../../domain/record';
import type { AppContext } from '../context';
import type { MethodName } from '../contract';
import { session, type Session } from './context';
import type { HandlerMap } from './types';

/** Runs a change and answers with the affected person's record. */
function change<I>(fn: (s: Session, input: I) => number) {
  return (ctx: AppContext, input: I): PersonRecord => {
    const s = session(ctx);
    const personId = fn(s, input);
    return getPersonRecord(s.ws.orm, personId, s.today);
  };
}

type PeopleMethods = Exclude<Extract<MethodName, `people.${string}` | `episodes.${string}` | `attempts.${string}` | `contacts.${string}` | `goals.${string}` | `signposting.${string}` | `risks.${string}` | `assessments.${string}` | `engagement.${string}` | `records.${string}` | 'myDay.get'>, 'people.subjectAccess'>;

export const peopleHandlers = {
  'myDay.get': (ctx) => {
    const s = session(ctx);
    return getMyDay(s.ws.orm, s.today, s.settings());
  },
  'people.list': (ctx, input) => {
    const s = session(ctx);
    return listPeople(s.ws.orm, input, s.today, s.settings());
  },
  'people.get': (ctx, input) => {
    const s = session(ctx);
    return getPersonRecord(s.ws.orm, input.id, s.today);
  },
  'people.findDuplicates': (ctx, input) => findDuplicates(session(ctx).ws.orm, input),
  'people.create': change((s, input) => createPerson(s.ws.orm, input, s.settings(), s.actor)),
  'people.update': change((s, { id, ...patch }) => updatePerson(s.ws.orm, id, patch, s.settings(), s.actor)),
  'episodes.create': change((s, { personId, ...referral }) => createEpisode(s.ws.orm, personId, referral, s.settings(), s.actor)),
  'episodes.updateReferral': change((s, { episodeId, ...patch }) => updateReferral(s.ws.orm, episodeId, patch, s.settings(), s.actor)),
  'episodes.setReferralStatus': change((s, input) => setReferralStatus(s.ws.orm, input.episodeId, input.status, s.actor)),
  'episodes.close': change((s, input) => closeEpisode(s.ws.orm, input, s.actor)),
  'episodes.reopen': change((s, input) => reopenEpisode(s.ws.orm, input, s.actor)),
  'attempts.create': change((s, input) => addAttempt(s.ws.orm, input, s.actor)),
  'contacts.create': change((s, { episodeId, ...contact }) => addContact(s.ws.orm, episodeId, contact, s.actor)),
  'contacts.update': change((s, { id, ...patch }) => updateContact(s.ws.orm, id, patch, s.actor)),
  'goals.create': change((s, { episodeId, ...goal }) => addGoal(s.ws.orm, episodeId, goal, s.actor)),
  'goals.update': change((s, { id, ...patch }) => updateGoal(s.ws.orm, id, patch, s.actor)),
  'goals.review': change((s, input) => reviewGoal(s.ws.orm, input, s.actor)),
  'signposting.create': change((s, input) => addSignposting(s.ws.orm, input, s.actor)),
  'signposting.update': change((s, { id, ...patch }) => updateSignposting(s.ws.orm, id, patch, s.actor)),
  'risks.raise': change((s, input) => raiseRisk(s.ws.orm, input, s.actor)),
  'risks.update': change((s, { id, ...patch }) => updateRisk(s.ws.orm, id, patch, s.actor)),
  'risks.resolve': change((s, input) => resolveRisk(s.ws.orm, input, s.actor)),
  'assessments.record': change((s, input) => recordAssessment(s.ws.orm, input, s.settings(), s.actor)),
  'engagement.record': change((s, input) => recordEngagement(s.ws.orm, input, s.actor)),
  'assessments.update': change((s, { id, ...patch }) => updateAssessment(s.ws.orm, id, patch, s.actor)),
  'attempts.update': change((s, { id, ...patch }) => updateAttempt(s.ws.orm, id, patch, s.actor)),
  'engagement.update': change((s, { id, ...patch }) => updateEngagement(s.ws.orm, id, patch, s.actor)),
  'contacts.remove': change((s, input) => removeContact(s.ws.orm, input.id, s.actor)),
  'attempts.remove': change((s, input) => removeAttempt(s.ws.orm, input.id, s.actor)),
  'records.markEnteredInError': change((s, input) => markEnteredInError(s.ws.orm, input, s.actor)),
  'people.merge': change((s, input) => mergePeople(s.ws.orm, input, s.actor)),
  'people.delete': (ctx, input) => {
    const s = session(ctx);
    deletePerson(s.ws.orm, input.id, s.actor);
    return { deleted: true as const };
  },
} satisfies HandlerMap<PeopleMethods>;
