// Clinic sites, each named by its ODS code (1–9 letters and digits: trust RQM, site RQM01).
import { z } from 'zod';
import { id, requiredLine } from './fields';

export const siteSchema = z.object({
  id: id.optional(),
  name: requiredLine(120, 'Enter the site’s name.'),
  odsCode: z
    .string({ error: 'Enter the site’s ODS code.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,9}$/, { error: 'An ODS code is 1 to 9 letters and digits, for example RQM01.' }),
  active: z.boolean().optional().default(true),
});

export interface Site {
  id: number;
  name: string;
  odsCode: string;
  active: boolean;
}
