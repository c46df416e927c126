// The assessment form's values and how they become the API's input. Answers are kept per
// instrument, so choosing another instrument and coming back loses nothing typed.
import type { FormErrors } from '@mantine/form';
import type { RecordAssessmentInput } from '../../../../core/domain/assessment';
import type { InstrumentDefinition, InstrumentId } from '../../../../core/domain/instruments/types';

export type Answers = Record<string, number | null>;

export interface AssessmentValues {
  instrument: string;
  completedOn: string | null;
  method: string;
  answers: Partial<Record<InstrumentId, Answers>>;
}

export const itemErrorKey = (instrument: string, itemId: string) => `answers.${instrument}.${itemId}`;

export function toInput(v: AssessmentValues, def: InstrumentDefinition, episodeId: number, allowEarly: boolean, afterClosure = false): RecordAssessmentInput {
  const given = v.answers[def.id] ?? {};
  return {
    episodeId,
    instrument: def.id,
    completedOn: v.completedOn ?? '',
    method: v.method as RecordAssessmentInput['method'],
    // Every item is sent, unanswered ones as null, so the app can name what is missing.
    responses: Object.fromEntries(def.items.map((i) => [i.id, given[i.id] ?? null])),
    allowEarly,
    afterClosure,
  };
}

/** The app names items as `responses.q3`; the form keeps them under the instrument. */
export function formErrors(fields: Record<string, unknown>, instrument: string): FormErrors {
  return Object.fromEntries(
    Object.entries(fields).map(([path, message]) => [path.startsWith('responses.') ? itemErrorKey(instrument, path.slice('responses.'.length)) : path, message as string]),
  );
}
