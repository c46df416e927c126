// A risk flag: raised, acted on, escalated to the clinical team, and resolved. An open flag is
// shown on the person's header until it is resolved.
import { z } from 'zod';
import { isRealIsoDate } from './dates';
import { id, optionalIsoDate, optionalText, pastDate, requiredText } from './fields';

export const raiseRiskSchema = z
  .object({
    personId: id,
    episodeId: id.optional().nullable().transform((v) => v ?? null),
    raisedOn: pastDate('Enter the date the risk was identified.', 'This cannot be in the future.'),
    description: requiredText(1000, 'Describe the risk.'),
    actionTaken: optionalText(2000),
    escalated: z.boolean().optional().default(false),
    escalatedOn: optionalIsoDate,
  })
  .superRefine(checkEscalation);

export const updateRiskSchema = z
  .object({
    id,
    actionTaken: optionalText(2000),
    escalated: z.boolean(),
    escalatedOn: optionalIsoDate,
  })
  .superRefine(checkEscalation);

export const resolveRiskSchema = z.object({
  id,
  resolvedOn: pastDate('Enter the date the risk was resolved.', 'This cannot be in the future.'),
  note: optionalText(2000),
});

function checkEscalation(v: { escalated: boolean; escalatedOn: string | null; raisedOn?: string }, ctx: z.RefinementCtx) {
  if (v.escalated && !v.escalatedOn) ctx.addIssue({ code: 'custom', path: ['escalatedOn'], message: 'Enter the date it was escalated to the clinical team.' });
  if (v.raisedOn && v.escalatedOn && isRealIsoDate(v.raisedOn) && v.escalatedOn < v.raisedOn)
    ctx.addIssue({ code: 'custom', path: ['escalatedOn'], message: 'Escalation cannot be before the risk was identified.' });
}

export interface RiskFlag {
  id: number;
  personId: number;
  episodeId: number | null;
  raisedOn: string;
  description: string;
  raisedByName: string;
  actionTaken: string | null;
  escalated: boolean;
  escalatedOn: string | null;
  resolvedOn: string | null;
  resolutionNote: string | null;
}
