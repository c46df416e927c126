// Drill-down: the records behind one figure of the monthly return, so a manager who doubts a
// number can see exactly what it counts. The measures and breakdowns are the return's own, and
// the query layer derives both the counts and these lists from the same selections.
import { z } from 'zod';
import { INSTRUMENT_IDS } from '../instruments/definitions';
import type { InstrumentId } from '../instruments/types';
import { periodSchema } from './periods';
import { NEW_DRILL_BREAKDOWNS, NEW_DRILL_MEASURES } from './returnMeasures';

export const DRILL_MEASURES = [
  'referrals_received',
  'people_supported',
  'contacts_attended',
  'contacts_not_attended',
  'newly_diagnosed_offered',
  'newly_diagnosed_engaged',
  'improved_wellbeing',
  'sustained_wellbeing',
  'group_registrations',
  'group_attendance',
  ...NEW_DRILL_MEASURES,
] as const;
export type DrillMeasure = (typeof DRILL_MEASURES)[number];

/**
 * The return's breakdowns, by the names db/queries/returns.ts gives them: referrals by source and
 * pathway, contacts by type and mode, group events by type, people supported by new or
 * continuing and their demographics; for wellbeing, the instrument (its categories: improved,
 * followed_up and with_baseline during support; followed_up_after_closure and improved after it).
 */
export const DRILL_BREAKDOWNS = [
  'source',
  'pathway',
  'type',
  'mode',
  'event_type',
  'new_or_continuing',
  'gender_identity',
  'ethnic_category',
  'sexual_orientation',
  'age_band',
  'borough',
  ...NEW_DRILL_BREAKDOWNS,
  ...INSTRUMENT_IDS,
] as const;
export type DrillBreakdown = Exclude<(typeof DRILL_BREAKDOWNS)[number], InstrumentId> | InstrumentId;

export const drillDownSchema = z
  .object({
    period: periodSchema,
    measure: z.enum(DRILL_MEASURES),
    /** The return's breakdown (e.g. "pathway"); for wellbeing, the instrument. */
    breakdown: z.enum(DRILL_BREAKDOWNS as unknown as [DrillBreakdown, ...DrillBreakdown[]], { error: 'This figure cannot be broken down that way.' }).optional(),
    /** One category of the breakdown; "not_recorded" lists the records without an answer. */
    category: z.string().min(1).max(60).optional(),
    /** One site's records (their clinic site, or the event's); absent for all sites. */
    siteId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((d) => !d.category || d.breakdown, { error: 'Choose a breakdown before a category.', path: ['category'] });
export type DrillDownRequest = z.output<typeof drillDownSchema>;

export interface DrillRow {
  /** Null for a record about no one person (a group event held). */
  personId: number | null;
  caseId: string | null;
  preferredName: string | null;
  /** The date the record counts on (referral, contact, event, assessment or closure), ISO. */
  on: string | null;
  /** What the record is, in words: "Self-referral · Newly diagnosed". */
  what: string;
}

export interface DrillResult {
  /** How many records the figure counts: always equal to the figure itself. */
  total: number;
  /** The first DRILL_LIMIT of them, newest first. */
  rows: DrillRow[];
}

/** A side panel lists at most this many; the note says how many more the figure counts. */
export const DRILL_LIMIT = 1000;
