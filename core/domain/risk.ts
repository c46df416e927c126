// A risk flag: raised, acted on, escalated to the clinical team, and resolved. An open flag is
// shown on the person's header until it is resolved.
import { z } from 'zod';
import { isRealIsoDate } from './dates';
import { id, optionalIsoDate, optionalText, pastDate, requiredText } from './fields';
import { fixed, input, inputShape, patchSchema, show, someFields, type Editable, type RecordOf } from './recordFields';

/** A risk flag, declared once (see recordFields.ts). */
export const riskFields = {
  raisedOn: input(pastDate('Enter the date the risk was identified.', 'This cannot be in the future.'), show.date('Raised on')),
  description: input(requiredText(1000, 'Describe the risk.'), show.long('Description')),
  /** The episode it arose in, if any. */
  episodeId: input(
    id.optional().nullable().transform((v) => v ?? null),
    show.text('Episode', (v: number | null, _r, ctx) => ctx.episodeName(v)),
  ),
  actionTaken: input(optionalText(2000), show.long('Action taken')),
  escalated: input(z.boolean().optional().default(false), show.yesNo('Escalated')),
  escalatedOn: input(optionalIsoDate, show.date('Escalated on')),
  resolvedOn: fixed<string | null>(show.date('Resolved on')),
  resolutionNote: fixed<string | null>(show.long('How it was resolved')),
  resolvedByName: fixed<string | null>(show.text('Resolved by')),
  raisedByName: fixed<string>(show.text('Raised by')),
};

export const raiseRiskSchema = z
  .object({ personId: id, ...inputShape(riskFields) })
  .superRefine(checkEscalation);

/** What can change while the flag is open: the action, the escalation. Only the fields sent. */
const updatable = someFields(riskFields, ['actionTaken', 'escalated', 'escalatedOn']);
export const updateRiskSchema = patchSchema(updatable, { id }, checkEscalation);
export type RiskPatch = Omit<z.output<typeof updateRiskSchema>, 'id'>;
export type RiskUpdatable = Editable<typeof updatable>;

export const resolveRiskSchema = z.object({
  id,
  resolvedOn: pastDate('Enter the date the risk was resolved.', 'This cannot be in the future.'),
  note: optionalText(2000),
});

export function checkEscalation(v: { escalated: boolean; escalatedOn: string | null; raisedOn?: string }, ctx: z.RefinementCtx) {
  if (v.escalated && !v.escalatedOn) ctx.addIssue({ code: 'custom', path: ['escalatedOn'], message: 'Enter the date it was escalated to the clinical team.' });
  if (v.raisedOn && v.escalatedOn && isRealIsoDate(v.raisedOn) && v.escalatedOn < v.raisedOn)
    ctx.addIssue({ code: 'custom', path: ['escalatedOn'], message: 'Escalation cannot be before the risk was identified.' });
}

export interface RiskFlag extends RecordOf<typeof riskFields> {
  id: number;
  personId: number;
}
