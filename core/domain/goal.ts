// Goals the person sets with their peer worker, reviewed over time.
import { z } from 'zod';
import { goalArea, goalStatus } from './codes';
import { isRealIsoDate } from './dates';
import { id, optionalIsoDate, optionalText, pastDate, requiredText } from './fields';

const goalFields = {
  description: requiredText(500, 'Describe the goal in the person’s words.'),
  area: goalArea.schema,
  setOn: pastDate('Enter the date the goal was set.', 'A goal cannot be set in the future.'),
  reviewBy: optionalIsoDate,
};

function checkReview(v: { setOn: string; reviewBy: string | null }, ctx: z.RefinementCtx) {
  if (v.reviewBy && isRealIsoDate(v.setOn) && v.reviewBy < v.setOn)
    ctx.addIssue({ code: 'custom', path: ['reviewBy'], message: 'The review date cannot be before the goal was set.' });
}

export const newGoalSchema = z.object({ episodeId: id, ...goalFields }).superRefine(checkReview);
export const updateGoalSchema = z.object({ id, ...goalFields }).superRefine(checkReview);

export const reviewGoalSchema = z.object({
  goalId: id,
  reviewedOn: pastDate('Enter the date of the review.', 'A review cannot be in the future.'),
  status: goalStatus.schema,
  note: optionalText(2000),
  /** The next review, when the goal stays open. */
  nextReviewBy: optionalIsoDate,
});

export interface GoalReview {
  id: number;
  reviewedOn: string;
  status: string;
  note: string | null;
  createdByName: string;
}

export interface Goal {
  id: number;
  episodeId: number;
  description: string;
  area: string;
  setOn: string;
  reviewBy: string | null;
  status: string;
  reviews: GoalReview[];
  createdAt: string;
  createdByName: string;
}
