// Workspace settings with their defaults and limits, in one place.
import { z } from 'zod';
import { INSTRUMENT_IDS } from './instruments/definitions';
import { HIDDEN_CHARACTER_MESSAGE, isVisibleText } from './fields';
import { isFullPath } from './localPath';
import type { InstrumentId } from './instruments/types';
import { DEFAULT_RETENTION_YEARS } from './retention';

const whole = (what: string, min: number, max: number) =>
  z
    .number({ error: `Enter a number of ${what}.` })
    .int({ error: `Enter a whole number of ${what}.` })
    .min(min, { error: `Enter at least ${min}.` })
    .max(max, { error: `Enter ${max} at most.` });

/** A backup folder: a full path; a network drive is fine (backups are encrypted and written whole). */
export const backupFolderField = z
  .string()
  .trim()
  .max(1000, { error: 'Keep the folder path under 1,000 characters.' })
  .refine(isFullPath, { error: 'Enter the folder’s full path, for example D:\\Caseload backups or \\\\server\\share\\caseload.' });

export const settingsSchema = z.object({
  /** Lock after this many idle minutes: clinical systems lock at 5–15. */
  idleLockMinutes: whole('minutes', 1, 15).max(15, { error: 'Lock after 15 minutes at most: the caseload must not stay open on an empty desk.' }),
  /** "Newly diagnosed": diagnosed within this many months before the referral. */
  newlyDiagnosedMonths: whole('months', 1, 60),
  /** A referral waiting longer than this for first contact is overdue. */
  firstContactOverdueWorkingDays: whole('working days', 1, 60),
  /** An open episode with no contact for longer than this is shown as inactive. */
  inactiveWeeks: whole('weeks', 1, 52),
  /** Instruments offered when recording an assessment. Licensed ones need a confirmed licence. */
  enabledInstruments: z.array(z.enum(INSTRUMENT_IDS as [InstrumentId, ...InstrumentId[]])).max(INSTRUMENT_IDS.length).transform((v) => [...new Set(v)]),
  /** Follow-up assessments fall due this many weeks after the last. */
  assessmentIntervalWeeks: whole('weeks', 2, 52),
  /** What to do at once when someone may be at risk (PHQ-9 item 9): the clinic's own route. */
  /** Published aggregate counts from 1 to this are hidden as "*" (NHS practice: 7). */
  suppressionThreshold: whole('people', 0, 20),
  /** Round other published counts to the nearest 5. */
  roundToFive: z.boolean(),
  /** Where backups go (a network drive is fine); null: a "backups" folder beside the caseload. */
  backupFolder: backupFolderField.nullable(),
  /** How many backups to keep. */
  backupKeep: whole('backups', 1, 90),
  /** Years a record is kept after care ends before it is listed as past retention. */
  retentionYears: whole('years', 1, 30),
  escalationRoute: z
    .string({ error: 'Describe what a worker should do at once.' })
    .trim()
    .min(1, { error: 'Describe what a worker should do at once.' })
    .max(1000, { error: 'Keep this to 1,000 characters or fewer.' })
    .refine((v) => isVisibleText(v, { lines: true }), { error: HIDDEN_CHARACTER_MESSAGE }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 5,
  newlyDiagnosedMonths: 12,
  firstContactOverdueWorkingDays: 5,
  inactiveWeeks: 6,
  enabledInstruments: ['phq9', 'gad7', 'ons4'],
  assessmentIntervalWeeks: 12,
  suppressionThreshold: 7,
  roundToFive: false,
  backupFolder: null,
  backupKeep: 14,
  retentionYears: DEFAULT_RETENTION_YEARS,
  escalationRoute:
    'Stay with the person and keep the conversation going kindly. Tell the duty clinician in clinic straight away. If they are in immediate danger call 999; out of hours, NHS 111 (option 2 for mental health).',
};

/** Licences an organisation confirms before licensed instruments can be switched on. */
export const LICENCES = {
  warwick: { label: 'WEMWBS and SWEMWBS (University of Warwick)', instruments: ['wemwbs', 'swemwbs'] as InstrumentId[] },
  pozqol: { label: 'PozQoL', instruments: ['pozqol'] as InstrumentId[] },
} as const;
export type LicenceId = keyof typeof LICENCES;

export interface LicenceConfirmation {
  confirmedOn: string;
  confirmedByName: string;
}
export type Licences = Partial<Record<LicenceId, LicenceConfirmation>>;

export const confirmLicenceSchema = z.object({
  licence: z.enum(['warwick', 'pozqol']),
  /** False withdraws the confirmation (and switches the instruments off). */
  confirmed: z.boolean(),
});

export function licenceFor(instrument: InstrumentId): LicenceId | null {
  for (const [id, l] of Object.entries(LICENCES)) if ((l.instruments as readonly string[]).includes(instrument)) return id as LicenceId;
  return null;
}

export const settingsPatchSchema = settingsSchema.partial();
