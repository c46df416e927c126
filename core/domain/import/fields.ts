// What a spreadsheet's columns can be brought in as: a person's details and their referral. Each
// field says what it holds (so its cells are read the right way) and the headers clinics use for
// it (so a first import guesses the mapping; the coordinator checks it and it is remembered).
import { borough, ethnicCategory, genderIdentity, pathway, referralSource, sexualOrientation, type Code } from '../codes';

export type ImportKind = 'caseload' | 'opt_out';

export type FieldType = 'text' | 'name' | 'date' | 'month' | 'nhs' | 'code' | 'yesNo';

export interface ImportField {
  id: ImportFieldId;
  label: string;
  type: FieldType;
  /** Needed on every row (a referral date is not: it can default to the import's day). */
  required: boolean;
  /** For codes: the set, and other ways spreadsheets write them. */
  codes?: readonly Code[];
  /** Folded headers this field is guessed from (lower case, letters and digits only). */
  headers: readonly string[];
}

export const IMPORT_FIELD_IDS = [
  'preferredName',
  'givenName',
  'familyName',
  'nhsNumber',
  'hospitalNumber',
  'dateOfBirth',
  'genderIdentity',
  'sexualOrientation',
  'ethnicCategory',
  'borough',
  'firstLanguage',
  'phone',
  'email',
  'diagnosisMonth',
  'referralReceivedOn',
  'referralSource',
  'pathway',
  'referrerOrganisation',
] as const;
export type ImportFieldId = (typeof IMPORT_FIELD_IDS)[number];

export const IMPORT_FIELDS: readonly ImportField[] = [
  { id: 'preferredName', label: 'Name (preferred)', type: 'name', required: false, headers: ['name', 'preferredname', 'knownas', 'clientname', 'patientname', 'fullname'] },
  { id: 'givenName', label: 'Given name', type: 'name', required: false, headers: ['givenname', 'firstname', 'forename', 'forenames'] },
  { id: 'familyName', label: 'Family name', type: 'name', required: false, headers: ['familyname', 'surname', 'lastname'] },
  { id: 'nhsNumber', label: 'NHS Number', type: 'nhs', required: false, headers: ['nhsnumber', 'nhsno', 'nhs'] },
  { id: 'hospitalNumber', label: 'Hospital number', type: 'text', required: false, headers: ['hospitalnumber', 'hospitalno', 'mrn', 'clinicnumber', 'gumnumber', 'patientnumber'] },
  { id: 'dateOfBirth', label: 'Date of birth', type: 'date', required: true, headers: ['dateofbirth', 'dob', 'birthdate'] },
  { id: 'genderIdentity', label: 'Gender identity', type: 'code', required: false, codes: genderIdentity.list, headers: ['gender', 'genderidentity', 'sex'] },
  { id: 'sexualOrientation', label: 'Sexual orientation', type: 'code', required: false, codes: sexualOrientation.list, headers: ['sexualorientation', 'orientation', 'sexuality'] },
  { id: 'ethnicCategory', label: 'Ethnic category', type: 'code', required: false, codes: ethnicCategory.list, headers: ['ethnicity', 'ethniccategory', 'ethnicgroup', 'ethnicorigin'] },
  { id: 'borough', label: 'Borough', type: 'code', required: false, codes: borough.list, headers: ['borough', 'localauthority', 'la'] },
  { id: 'firstLanguage', label: 'First language', type: 'text', required: false, headers: ['firstlanguage', 'language', 'mainlanguage'] },
  { id: 'phone', label: 'Phone', type: 'text', required: false, headers: ['phone', 'telephone', 'mobile', 'phonenumber', 'tel'] },
  { id: 'email', label: 'Email', type: 'text', required: false, headers: ['email', 'emailaddress'] },
  { id: 'diagnosisMonth', label: 'HIV diagnosis (month)', type: 'month', required: false, headers: ['diagnosis', 'diagnosisdate', 'dateofdiagnosis', 'hivdiagnosis', 'diagnosed', 'diagnosismonth'] },
  { id: 'referralReceivedOn', label: 'Referral received on', type: 'date', required: false, headers: ['referraldate', 'referred', 'datereferred', 'referralreceived', 'referralreceivedon', 'dateofreferral'] },
  { id: 'referralSource', label: 'Referred by', type: 'code', required: false, codes: referralSource.list, headers: ['referralsource', 'source', 'referredby', 'sourceofreferral'] },
  { id: 'pathway', label: 'Pathway', type: 'code', required: false, codes: pathway.list, headers: ['pathway', 'optoutpathway', 'reason', 'optoutreason'] },
  { id: 'referrerOrganisation', label: 'Referring organisation', type: 'text', required: false, headers: ['referringorganisation', 'referrer', 'organisation'] },
];

export const fieldById = (id: ImportFieldId): ImportField => IMPORT_FIELDS.find((f) => f.id === id)!;

/** A header as compared: lower case, letters and digits only ("D.O.B." → "dob", "NHS No." → "nhsno"). */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
