// Export profiles: which columns, in what order, with which headers and formats. A trust
// writes one, sends the JSON file to every clinic, and gets the same CSV back from each.
import { z } from 'zod';
import type { CsvFormat } from './csv';
import { CATALOGUE, DATASETS, type ColumnId, type Dataset } from './catalogue';
import { HIDDEN_CHARACTER_MESSAGE, visibleLine } from '../fields';
import { listsInFileSchema } from '../programmeLists';

export const PROFILE_FILE_FORMAT = 'peer-caseload-export-profile';

/** What a file is saved as: CSV, or an Excel workbook whose cells keep their types (identifiers as
 * text with their leading zeros, dates as dates). The person chooses on the Export screen; a
 * profile may set which is offered first. */
export const FILE_TYPES = ['csv', 'xlsx'] as const;
export type FileType = (typeof FILE_TYPES)[number];
export const PROFILE_FILE_VERSION = 1;

const columnRef = z.object({
  id: z.string().min(1).max(60),
  /** The header the trust wants; the catalogue's header when absent. */
  header: z.string().trim().min(1).max(80).refine(visibleLine, { error: HIDDEN_CHARACTER_MESSAGE }).optional(),
});

export const profileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/, { error: 'Use lower-case letters, digits, - and _ for the profile id.' }),
    name: z.string().trim().min(1, { error: 'Give the profile a name.' }).max(80).refine(visibleLine, { error: HIDDEN_CHARACTER_MESSAGE }),
    dataset: z.enum(DATASETS),
    columns: z.array(columnRef).min(1, { error: 'Choose at least one column.' }).max(120),
    dateFormat: z.enum(['iso', 'dmy']).default('iso'),
    codeStyle: z.enum(['code', 'label', 'both']).default('code'),
    delimiter: z.enum([',', ';', '\t']).default(','),
    bom: z.boolean().default(true),
    lineEnding: z.enum(['crlf', 'lf']).default('crlf'),
    /** The file type the Export screen offers first for this profile. */
    fileType: z.enum(FILE_TYPES).default('csv'),
    /** Names, NHS Numbers and dates of birth are allowed only when this is true. */
    identifiable: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.columns.forEach((c, i) => {
      const column = CATALOGUE[p.dataset].find((x) => x.id === c.id);
      if (!column) ctx.addIssue({ code: 'custom', path: ['columns', i, 'id'], message: `There is no column called “${c.id}” in ${p.dataset} exports.` });
      else if (column.identifiable && !p.identifiable)
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'id'], message: `“${column.header}” identifies the person: it needs a profile marked identifiable.` });
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'id'], message: `“${c.id}” is chosen twice.` });
      seen.add(c.id);
    });
  });
export type ExportProfile = z.output<typeof profileSchema>;
export type ExportProfileInput = z.input<typeof profileSchema>;

/** The small versioned file a trust sends to its clinics. */
export const profileFileSchema = z.object({
  format: z.literal(PROFILE_FILE_FORMAT, { error: 'This is not an export profile file.' }),
  version: z.literal(PROFILE_FILE_VERSION, { error: 'This profile file was made by a newer version of the app.' }),
  profile: profileSchema,
  /**
   * The trust's programme lists (support types, closure reasons…, with its own codes), so a trust
   * sets them once for all its clinics. Optional: a file without them leaves the lists alone, and
   * an older app reading a file with them ignores them.
   */
  lists: listsInFileSchema.optional(),
});

export function csvFormatOf(p: ExportProfile): CsvFormat {
  return { delimiter: p.delimiter, bom: p.bom, lineEnding: p.lineEnding };
}

/** A built-in profile's columns: a named column the catalogue lacks does not compile (a score column's key is checked here). */
const cols = <D extends Dataset>(dataset: D, ids: ColumnId<D>[]) => ids.map((id) => {
  if (!CATALOGUE[dataset].some((c) => c.id === id)) throw new Error(`built-in profile names unknown column ${id}`);
  return { id };
});

export const BUILT_IN_PROFILES: ExportProfile[] = [
  {
    id: 'referrals',
    name: 'Referrals (pseudonymised)',
    dataset: 'referrals',
    columns: cols('referrals', [
      'case_id', 'referral_id', 'referral_received_on', 'referral_source', 'pathway', 'site_ods', 'newly_diagnosed', 're_engaging',
      'first_contact_on', 'working_days_to_first_contact', 'referral_status', 'contacts_attended', 'contacts_missed', 'closed_on',
      'closure_reason', 'gender_identity', 'sexual_orientation', 'ethnic_category', 'borough', 'age_band',
    ]),
    dateFormat: 'iso',
    codeStyle: 'code',
    delimiter: ',',
    bom: true,
    lineEnding: 'crlf',
    fileType: 'csv',
    identifiable: false,
  },
  {
    id: 'outcomes',
    name: 'Outcomes (pseudonymised)',
    dataset: 'outcomes',
    columns: cols('outcomes', [
      'case_id', 'referral_id', 'referral_received_on', 'pathway', 'newly_diagnosed', 'closed_on',
      'swemwbs_baseline', 'swemwbs_latest', 'swemwbs_change', 'swemwbs_meaningful_improvement',
      'wemwbs_baseline', 'wemwbs_latest', 'wemwbs_change', 'wemwbs_meaningful_improvement',
      'phq9_baseline', 'phq9_latest', 'phq9_change', 'phq9_reliable_improvement',
      'gad7_baseline', 'gad7_latest', 'gad7_change', 'gad7_reliable_improvement',
      'ons4_satisfied_baseline', 'ons4_satisfied_latest', 'ons4_anxious_baseline', 'ons4_anxious_latest',
      'pozqol_baseline', 'pozqol_latest', 'pozqol_change',
      'viral_load_first', 'viral_load_latest', 'appointments_missed_first', 'appointments_missed_latest', 'reengaged_in_care',
      'goals_set', 'goals_achieved',
    ]),
    dateFormat: 'iso',
    codeStyle: 'code',
    delimiter: ',',
    bom: true,
    lineEnding: 'crlf',
    fileType: 'csv',
    identifiable: false,
  },
];
