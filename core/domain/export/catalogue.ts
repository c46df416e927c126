// Every field an export can hold, with how to write it. Profiles pick from this catalogue;
// the rows come from db/queries/exports.ts with these ids as keys.
import { ageBand as ageBandOf } from '../age';
import { borough, closureReason, ethnicCategory, genderIdentity, pathway, referralSource, referralStatus, sexualOrientation, type Code } from '../codes';
import { INSTRUMENTS } from '../instruments/definitions';

export type Dataset = 'referrals' | 'outcomes';
export type ColumnKind = 'text' | 'identifier' | 'date' | 'number' | 'code' | 'boolean';

export interface ExportColumn {
  id: string;
  header: string;
  kind: ColumnKind;
  /** Names, NHS Number, date of birth, hospital number: only in identifiable profiles. */
  identifiable: boolean;
  codes?: { list: Code[]; label: (c: string | null | undefined) => string };
}

const col = (id: string, header: string, kind: ColumnKind, extra: Partial<ExportColumn> = {}): ExportColumn => ({ id, header, kind, identifiable: false, ...extra });

const person: ExportColumn[] = [
  col('case_id', 'Case ID', 'identifier'),
  col('preferred_name', 'Preferred name', 'text', { identifiable: true }),
  // A trust matching a list to its own records (the PAS, the HIV clinic's system) matches on the
  // names those records hold: offered for a custom profile, in no built-in one.
  col('given_name', 'Given name', 'text', { identifiable: true }),
  col('family_name', 'Family name', 'text', { identifiable: true }),
  col('nhs_number', 'NHS Number', 'identifier', { identifiable: true }),
  col('hospital_number', 'Hospital number', 'identifier', { identifiable: true }),
  col('date_of_birth', 'Date of birth', 'date', { identifiable: true }),
  col('age_band', 'Age band', 'text'),
  col('gender_identity', 'Gender identity', 'code', { codes: genderIdentity }),
  col('sexual_orientation', 'Sexual orientation', 'code', { codes: sexualOrientation }),
  col('ethnic_category', 'Ethnic category', 'code', { codes: ethnicCategory }),
  col('borough', 'Borough', 'code', { codes: borough }),
  col('site_ods', 'Site ODS code', 'identifier'),
];

const episode: ExportColumn[] = [
  col('referral_id', 'Referral ID', 'identifier'),
  col('referral_received_on', 'Referral date', 'date'),
  col('referral_source', 'Referral source', 'code', { codes: referralSource }),
  col('pathway', 'Pathway', 'code', { codes: pathway }),
  col('newly_diagnosed', 'Newly diagnosed', 'boolean'),
  col('re_engaging', 'Re-engaging in care', 'boolean'),
  col('referral_status', 'Referral status', 'code', { codes: referralStatus }),
  col('first_contact_on', 'First contact date', 'date'),
  col('working_days_to_first_contact', 'Working days to first contact', 'number'),
  col('contacts_attended', 'Contacts attended', 'number'),
  col('contacts_missed', 'Contacts not attended', 'number'),
  col('closed_on', 'Closure date', 'date'),
  col('closure_reason', 'Closure reason', 'code', { codes: closureReason }),
];

const outcomeColumns: ExportColumn[] = [
  ...Object.values(INSTRUMENTS).flatMap((def) =>
    def.scores
      .filter((s) => s.id === def.primaryScore || def.id === 'ons4')
      .flatMap((s) => {
        const name = def.id === 'ons4' ? `${def.shortName} ${s.label.toLowerCase()}` : def.shortName;
        const key = def.id === 'ons4' ? `${def.id}_${s.id}` : def.id;
        return [
          col(`${key}_baseline`, `${name} baseline`, 'number'),
          col(`${key}_baseline_on`, `${name} baseline date`, 'date'),
          col(`${key}_latest`, `${name} latest`, 'number'),
          col(`${key}_latest_on`, `${name} latest date`, 'date'),
          col(`${key}_change`, `${name} change`, 'number'),
          col(`${key}_meaningful_improvement`, `${name} meaningful improvement`, 'boolean'),
          ...(s.reliableChange !== undefined ? [col(`${key}_reliable_improvement`, `${name} reliable improvement`, 'boolean')] : []),
        ];
      }),
  ),
  col('viral_load_first', 'Viral load undetectable (first review)', 'boolean'),
  col('viral_load_latest', 'Viral load undetectable (latest review)', 'boolean'),
  col('appointments_missed_first', 'Clinic appointments missed (first review)', 'number'),
  col('appointments_missed_latest', 'Clinic appointments missed (latest review)', 'number'),
  col('reengaged_in_care', 'Re-engaged in care', 'boolean'),
  col('goals_set', 'Goals set', 'number'),
  col('goals_achieved', 'Goals achieved', 'number'),
];

export const CATALOGUE: Record<Dataset, ExportColumn[]> = {
  referrals: [...person, ...episode],
  outcomes: [...person, ...episode.filter((c) => ['referral_id', 'referral_received_on', 'pathway', 'newly_diagnosed', 'closed_on'].includes(c.id)), ...outcomeColumns],
};

export function columnById(dataset: Dataset, id: string): ExportColumn | undefined {
  return CATALOGUE[dataset].find((c) => c.id === id);
}

export { ageBandOf };
