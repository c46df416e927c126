// Signposting and onward referrals to other services, and what came of them.
import { z } from 'zod';
import { signpostingOutcome } from './codes';
import { listCode } from './programmeLists';
import { id, optionalLine, optionalText, pastDate } from './fields';
import { fixed, input, inputShape, patchSchema, show, someFields, type RecordOf } from './recordFields';

/** Signposting, declared once (see recordFields.ts). */
export const signpostingFields = {
  madeOn: input(pastDate('Enter the date of the referral or signposting.', 'This cannot be in the future.'), show.date('Date')),
  serviceType: input(listCode, show.listCode('Service', 'signposting_category')),
  organisation: input(optionalLine(120), show.text('Organisation')),
  outcome: input(signpostingOutcome.schema.optional().default('pending'), show.code('Outcome', signpostingOutcome)),
  note: input(optionalText(2000), show.long('Note')),
  createdByName: fixed<string>(show.text('Recorded by')),
};

export const newSignpostingSchema = z.object({ episodeId: id, ...inputShape(signpostingFields) });

/** What came of it, later: the outcome and the note, as sent. */
const updatable = someFields(signpostingFields, ['outcome', 'note']);
export const updateSignpostingSchema = patchSchema(updatable, { id });
export type SignpostingPatch = Omit<z.output<typeof updateSignpostingSchema>, 'id'>;

export interface Signposting extends RecordOf<typeof signpostingFields> {
  id: number;
  episodeId: number;
}
