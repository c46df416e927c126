// Signposting and onward referrals to other services, and what came of them.
import { z } from 'zod';
import { serviceType, signpostingOutcome } from './codes';
import { id, optionalLine, optionalText, pastDate } from './fields';

export const newSignpostingSchema = z.object({
  episodeId: id,
  serviceType: serviceType.schema,
  madeOn: pastDate('Enter the date of the referral or signposting.', 'This cannot be in the future.'),
  organisation: optionalLine(120),
  outcome: signpostingOutcome.schema.optional().default('pending'),
  note: optionalText(2000),
});

export const updateSignpostingSchema = z.object({
  id,
  outcome: signpostingOutcome.schema,
  note: optionalText(2000),
});

export interface Signposting {
  id: number;
  episodeId: number;
  serviceType: string;
  madeOn: string;
  organisation: string | null;
  outcome: string;
  note: string | null;
  createdAt: string;
  createdByName: string;
}
