// Goals and their reviews.
import { eq } from 'drizzle-orm';
import { checkReview, goalFields, type GoalDetails, type GoalPatch } from '../../core/domain/goal';
import { editableKeys, pick, sentFields } from '../../core/domain/recordFields';
import { DomainError } from '../../core/domain/result';
import { goalReviews, goals } from '../schema';
import type { Orm, Tx } from '../types';
import { refuseBeforeReferral, requireEpisode } from './episodes';
import { refuseProblems } from './patches';
import { created, updated, type Actor } from './stamps';

/** The goal's fields a form enters (core/domain/goal.ts). */
const DETAILS = editableKeys(goalFields);

export function addGoal(orm: Orm, episodeId: number, input: GoalDetails, actor: Actor): number {
  return orm.transaction((tx) => {
    const episode = requireEpisode(tx, episodeId);
    refuseBeforeReferral(episode, input.setOn, 'setOn', 'A goal');
    tx.insert(goals).values({ episodeId, ...pick(input, DETAILS), status: 'open', ...created(actor) }).run();
    return episode.personId;
  });
}

function goalEpisode(tx: Tx, goalId: number) {
  const goal = tx.select().from(goals).where(eq(goals.id, goalId)).get();
  if (!goal) throw new DomainError('NOT_FOUND', 'That goal no longer exists.');
  return { goal, episode: requireEpisode(tx, goal.episodeId) };
}

/** Writes only the fields sent; the goal's rules are checked on it as it will stand. */
export function updateGoal(orm: Orm, id: number, patch: GoalPatch, actor: Actor): number {
  return orm.transaction((tx) => {
    const { goal, episode } = goalEpisode(tx, id);
    const changes = sentFields(patch);
    const whole = { ...pick(goal, DETAILS), ...changes };
    refuseProblems(whole, checkReview);
    refuseBeforeReferral(episode, whole.setOn, 'setOn', 'A goal');
    tx.update(goals).set({ ...changes, ...updated(actor) }).where(eq(goals.id, id)).run();
    return episode.personId;
  });
}

export function reviewGoal(
  orm: Orm,
  input: { goalId: number; reviewedOn: string; status: string; note: string | null; nextReviewBy: string | null },
  actor: Actor,
): number {
  return orm.transaction((tx) => {
    const { goal, episode } = goalEpisode(tx, input.goalId);
    if (input.reviewedOn < goal.setOn) {
      throw new DomainError('VALIDATION', 'A review cannot be before the goal was set.', { reviewedOn: 'A review cannot be before the goal was set.' });
    }
    if (input.nextReviewBy && input.nextReviewBy < input.reviewedOn) {
      throw new DomainError('VALIDATION', 'The next review cannot be before this one.', { nextReviewBy: 'The next review cannot be before this one.' });
    }
    tx.insert(goalReviews)
      .values({ goalId: goal.id, reviewedOn: input.reviewedOn, status: input.status, note: input.note, createdAt: actor.now.toISOString(), createdBy: actor.memberId })
      .run();
    // A goal still open gets its next review date (or none); a finished one keeps the last.
    const reviewBy = input.status === 'open' ? input.nextReviewBy : goal.reviewBy;
    tx.update(goals).set({ status: input.status, reviewBy, ...updated(actor) }).where(eq(goals.id, goal.id)).run();
    return episode.personId;
  });
}
