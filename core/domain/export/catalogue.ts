// Every field an export can hold, with how to write it. Profiles pick from this catalogue. Each
// column is declared once here, keyed by its id; db/queries/exportRows.ts says where each one's
// value comes from, keyed by the same ids (`sourcesOf`), so a column with no source, or a source
// with no column, does not compile. The outcome scores' columns are made from one list
// (REPORTED_SCORES) that both sides read.
import { ageBand as ageBandOf } from '../age';
import { borough, closureReason, ethnicCategory, genderIdentity, pathway, referralSource, referralStatus, sexualOrientation, type Code } from '../codes';
import type { ListKey } from '../programmeLists';
import { INSTRUMENTS } from '../instruments/definitions';
import type { InstrumentId, ScoreDefinition } from '../instruments/types';

export const DATASETS = ['referrals', 'outcomes'] as const;
export type Dataset = (typeof DATASETS)[number];
export type ColumnKind = 'text' | 'identifier' | 'date' | 'number' | 'code' | 'boolean';

/** A column as it is declared: its id is its key. */
export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  /** Names, NHS Number, date of birth, hospital number: only in identifiable profiles. */
  identifiable: boolean;
  codes?: ColumnCodes;
  /**
   * A programme list's column (core/domain/programmeLists.ts): its labels and trust codes are the
   * caseload's, filled in when an export runs (withListCodes); `codes` holds the seed meanwhile.
   */
  list?: ListKey;
}

export interface ColumnCodes {
  list: Code[];
  label: (c: string | null | undefined) => string;
  /** The code as the file writes it: the trust's own where it gave one. Ours without this. */
  exportCode?: (c: string) => string;
}

export interface ExportColumn extends ColumnSpec {
  id: string;
}

const col = (header: string, kind: ColumnKind, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ header, kind, identifiable: false, ...extra });

const PERSON = {
  case_id: col('Case ID', 'identifier'),
  preferred_name: col('Preferred name', 'text', { identifiable: true }),
  // A trust matching a list to its own records (the PAS, the HIV clinic's system) matches on the
  // names those records hold: offered for a custom profile, in no built-in one.
  given_name: col('Given name', 'text', { identifiable: true }),
  family_name: col('Family name', 'text', { identifiable: true }),
  nhs_number: col('NHS Number', 'identifier', { identifiable: true }),
  hospital_number: col('Hospital number', 'identifier', { identifiable: true }),
  date_of_birth: col('Date of birth', 'date', { identifiable: true }),
  age_band: col('Age band', 'text'),
  gender_identity: col('Gender identity', 'code', { codes: genderIdentity }),
  sexual_orientation: col('Sexual orientation', 'code', { codes: sexualOrientation }),
  ethnic_category: col('Ethnic category', 'code', { codes: ethnicCategory }),
  borough: col('Borough', 'code', { codes: borough }),
  site_ods: col('Site ODS code', 'identifier'),
};

const EPISODE = {
  referral_id: col('Referral ID', 'identifier'),
  referral_received_on: col('Referral date', 'date'),
  referral_source: col('Referral source', 'code', { codes: referralSource, list: 'referral_source' }),
  pathway: col('Pathway', 'code', { codes: pathway }),
  newly_diagnosed: col('Newly diagnosed', 'boolean'),
  re_engaging: col('Re-engaging in care', 'boolean'),
  referral_status: col('Referral status', 'code', { codes: referralStatus }),
  first_contact_on: col('First contact date', 'date'),
  working_days_to_first_contact: col('Working days to first contact', 'number'),
  contacts_attended: col('Contacts attended', 'number'),
  contacts_missed: col('Contacts not attended', 'number'),
  closed_on: col('Closure date', 'date'),
  closure_reason: col('Closure reason', 'code', { codes: closureReason, list: 'closure_reason' }),
};

/** The episode's columns an outcomes export offers: which referral it is, not how it went. */
const OUTCOME_EPISODE = {
  referral_id: EPISODE.referral_id,
  referral_received_on: EPISODE.referral_received_on,
  pathway: EPISODE.pathway,
  newly_diagnosed: EPISODE.newly_diagnosed,
  closed_on: EPISODE.closed_on,
};

const REVIEWS = {
  viral_load_first: col('Viral load undetectable (first review)', 'boolean'),
  viral_load_latest: col('Viral load undetectable (latest review)', 'boolean'),
  appointments_missed_first: col('Clinic appointments missed (first review)', 'number'),
  appointments_missed_latest: col('Clinic appointments missed (latest review)', 'number'),
  reengaged_in_care: col('Re-engaged in care', 'boolean'),
};

const GOALS = {
  goals_set: col('Goals set', 'number'),
  goals_achieved: col('Goals achieved', 'number'),
};

/** What an outcomes export tells of each reported score, in column order: baseline against latest. */
export const SCORE_MEASURES = {
  baseline: { suffix: 'baseline', kind: 'number' },
  baseline_on: { suffix: 'baseline date', kind: 'date' },
  latest: { suffix: 'latest', kind: 'number' },
  latest_on: { suffix: 'latest date', kind: 'date' },
  change: { suffix: 'change', kind: 'number' },
  meaningful_improvement: { suffix: 'meaningful improvement', kind: 'boolean' },
  /** Only for a score with a reliable change index (PHQ-9, GAD-7). */
  reliable_improvement: { suffix: 'reliable improvement', kind: 'boolean' },
} as const satisfies Record<string, { suffix: string; kind: ColumnKind }>;
export type ScoreMeasure = keyof typeof SCORE_MEASURES;
/** A score column's id: the score's key, then the measure. */
export type ScoreColumnId = `${string}_${ScoreMeasure}`;

export interface ReportedScore {
  instrument: InstrumentId;
  score: ScoreDefinition;
  /** The instrument's primary score (the only one reported, except for ONS4). */
  primary: boolean;
  /** Its column ids by measure; no reliable_improvement where the score has no reliable change index. */
  columns: Partial<Record<ScoreMeasure, ScoreColumnId>>;
  /** Its columns as the catalogue lists them. */
  catalogue: ExportColumn[];
}

/** Per instrument, its primary score; every score for ONS4, whose four questions are reported apart. */
export const REPORTED_SCORES: ReportedScore[] = Object.values(INSTRUMENTS).flatMap((def) =>
  def.scores
    .filter((s) => s.id === def.primaryScore || def.id === 'ons4')
    .map((score) => {
      const name = def.id === 'ons4' ? `${def.shortName} ${score.label.toLowerCase()}` : def.shortName;
      const key = def.id === 'ons4' ? `${def.id}_${score.id}` : def.id;
      const measures = (Object.keys(SCORE_MEASURES) as ScoreMeasure[]).filter((m) => m !== 'reliable_improvement' || score.reliableChange !== undefined);
      const id = (m: ScoreMeasure): ScoreColumnId => `${key}_${m}`;
      const columns = Object.fromEntries(measures.map((m) => [m, id(m)]));
      const catalogue = measures.map((m) => ({ id: id(m), ...col(`${name} ${SCORE_MEASURES[m].suffix}`, SCORE_MEASURES[m].kind) }));
      return { instrument: def.id, score, primary: score.id === def.primaryScore, columns, catalogue };
    }),
);

/** Each dataset's columns that are declared by name (the rest are REPORTED_SCORES'). */
const NAMED = {
  referrals: { ...PERSON, ...EPISODE },
  outcomes: { ...PERSON, ...OUTCOME_EPISODE, ...REVIEWS, ...GOALS },
};
export type NamedColumnId<D extends Dataset> = keyof (typeof NAMED)[D] & string;
/** Any column id of the dataset: what a built-in profile may name. */
export type ColumnId<D extends Dataset> = NamedColumnId<D> | (D extends 'outcomes' ? ScoreColumnId : never);

const listed = (columns: Record<string, ColumnSpec>): ExportColumn[] => Object.entries(columns).map(([id, spec]) => ({ id, ...spec }));

/** Each dataset's columns in the order the column picker offers them. */
export const CATALOGUE: Record<Dataset, ExportColumn[]> = {
  referrals: listed(NAMED.referrals),
  outcomes: [...listed({ ...PERSON, ...OUTCOME_EPISODE }), ...REPORTED_SCORES.flatMap((s) => s.catalogue), ...listed({ ...REVIEWS, ...GOALS })],
};

export function columnById(dataset: Dataset, id: string): ExportColumn | undefined {
  return CATALOGUE[dataset].find((c) => c.id === id);
}

export { ageBandOf };
