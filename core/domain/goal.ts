// Goals the person sets with their peer worker, reviewed over time.
import { z } from 'zod';
import { goalArea, goalStatus } from './codes';
import { isRealIsoDate } from './dates';
import { id, optionalIsoDate, optionalText, pastDate, requiredText } from './fields';
import { fixed, input, inputShape, patchSchema, show, type Editable, type RecordOf } from './recordFields';

/** A goal, declared once (see recordFields.ts). Its status changes only by a review. */
export const goalFields = {
  description: input(requiredText(500, 'Describe the goal in the person’s words.'), show.long('Goal')),
  area: input(goalArea.schema, show.code('Area', goalArea)),
  setOn: input(pastDate('Enter the date the goal was set.', 'A goal cannot be set in the future.'), show.date('Set on')),
  reviewBy: input(optionalIsoDate, show.date('Review by')),
  status: fixed<string>(show.code('Status', goalStatus)),
  createdByName: fixed<string>(show.text('Set by')),
};

export function checkReview(v: { setOn: string; reviewBy: string | null }, ctx: z.RefinementCtx) {
  if (v.reviewBy && isRealIsoDate(v.setOn) && v.reviewBy < v.setOn)
    ctx.addIssue({ code: 'custom', path: ['reviewBy'], message: 'The review date cannot be before the goal was set.' });
}

export const newGoalSchema = z.object({ episodeId: id, ...inputShape(goalFields) }).superRefine(checkReview);
/** A change to a goal: only the fields sent. */
export const updateGoalSchema = patchSchema(goalFields, { id }, checkReview);
export type GoalPatch = Omit<z.output<typeof updateGoalSchema>, 'id'>;
export type GoalDetails = Editable<typeof goalFields>;

export const goalReviewFields = {
  reviewedOn: input(pastDate('Enter the date of the review.', 'A review cannot be in the future.'), show.date('Reviewed on')),
  status: input(goalStatus.schema, show.code('Status', goalStatus)),
  note: input(optionalText(2000), show.long('Note')),
  createdByName: fixed<string>(show.text('Reviewed by')),
};

export const reviewGoalSchema = z.object({
  goalId: id,
  ...inputShape(goalReviewFields),
  /** The next review, when the goal stays open. */
  nextReviewBy: optionalIsoDate,
});

export interface GoalReview extends RecordOf<typeof goalReviewFields> {
  id: number;
}

export interface Goal extends RecordOf<typeof goalFields> {
  id: number;
  episodeId: number;
  reviews: GoalReview[];
  createdAt: string;
}
