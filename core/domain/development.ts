// Peer workers' development: the training they attend, their supervision (by whom, and whether held
// jointly with the clinic's team) and other CPD. BHIVA's standards ask a service to show its peer
// workers are trained and supervised, so the monthly return counts these; it counts them across
// the team only, never per member, as a row here is about a named member of staff.
import { z } from 'zod';
import { id, optionalLine, optionalText, pastDate } from './fields';

export const DEVELOPMENT_KINDS = ['training', 'supervision', 'cpd'] as const;
export type DevelopmentKind = (typeof DEVELOPMENT_KINDS)[number];

export const DEVELOPMENT_KIND_LABELS: Record<DevelopmentKind, string> = {
  training: 'Training',
  supervision: 'Supervision',
  cpd: 'Other CPD',
};

const hours = z
  .number({ error: 'Enter the hours as a number, for example 1.5.' })
  .min(0.25, { error: 'Enter at least a quarter of an hour (0.25).' })
  .max(100, { error: 'Enter 100 hours or fewer: record a long course as its sessions.' })
  .refine((h) => Number.isInteger(h * 4), { error: 'Enter hours to the nearest quarter hour, for example 1.25.' })
  .optional()
  .nullable()
  .transform((v) => v ?? null);

export const recordDevelopmentSchema = z
  .object({
    /** Whose development: a peer worker records their own, a coordinator anyone's. */
    memberId: id,
    kind: z.enum(DEVELOPMENT_KINDS, { error: 'Choose training, supervision or other CPD.' }),
    heldOn: pastDate('Enter the date.', 'This cannot be in the future.'),
    title: optionalLine(120),
    hours,
    supervisor: optionalLine(80),
    jointWithClinic: z.boolean().optional().default(false),
    note: optionalText(1000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind !== 'supervision' && (v.supervisor || v.jointWithClinic)) ctx.addIssue({ code: 'custom', path: ['supervisor'], message: 'Only supervision has a supervisor.' });
    if (v.kind === 'supervision' && !v.supervisor) ctx.addIssue({ code: 'custom', path: ['supervisor'], message: 'Enter who gave the supervision.' });
    if (v.kind !== 'supervision' && !v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: v.kind === 'training' ? 'Enter the training’s name.' : 'Enter what the CPD was.' });
    if (v.kind !== 'supervision' && v.hours === null) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'Enter how many hours it took.' });
  });
export type RecordDevelopmentInput = z.input<typeof recordDevelopmentSchema>;

export const developmentListSchema = z.object({ memberId: id }).strict();
export const removeDevelopmentSchema = z.object({ id }).strict();

export interface DevelopmentEntry {
  id: number;
  memberId: number;
  kind: DevelopmentKind;
  heldOn: string;
  title: string | null;
  hours: number | null;
  supervisor: string | null;
  jointWithClinic: boolean;
  note: string | null;
  createdByName: string;
  createdAt: string;
}

/** The team's development in a period, as the return counts it: totals, never a member's own. */
export interface DevelopmentFigures {
  /** Members who could sign in at some point in the period and support people (peer workers and coordinators). */
  workers: number;
  /** Of them, those with at least one supervision in the period. */
  workersSupervised: number;
  supervisions: number;
  jointSupervisions: number;
  trainingSessions: number;
  trainingHours: number;
  cpdHours: number;
}
