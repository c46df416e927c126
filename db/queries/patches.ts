// Updates are patches (core/domain/recordFields.ts): a query writes only the fields sent, after
// checking the record's own cross-field rules on the stored record with the patch applied, since
// the fields sent alone may not show a clash (a consent sent without the phone number it needs).
import type { z } from 'zod';
import { problemsIn } from '../../core/domain/recordFields';
import { DomainError } from '../../core/domain/result';

/** Refuses a whole record that breaks its rule, with each problem beside its field. */
export function refuseProblems<T>(whole: T, rule: (value: T, ctx: z.RefinementCtx) => unknown): void {
  const fields = problemsIn(whole, rule);
  if (fields) throw new DomainError('VALIDATION', 'Some details need checking.', fields);
}
