// The person-details form's values, and how they map to and from the record and the schema.
import type { PersonRecord } from '../../../../core/domain/record';
import type { UpdatePersonInput } from '../../../../core/domain/person';
import { formatNhsNumber } from '../../../../core/domain/nhsNumber';
import { isoToMonth, monthToIso } from '../../shared/MonthField';

export interface DetailsValues {
  preferredName: string;
  givenName: string;
  familyName: string;
  nhsNumber: string;
  hospitalNumber: string;
  dateOfBirth: string | null;
  genderIdentity: string | null;
  sexualOrientation: string | null;
  ethnicCategory: string | null;
  borough: string | null;
  firstLanguage: string;
  interpreterNeeded: boolean;
  phone: string;
  email: string;
  contactConsent: string[];
  safeToLeaveMessage: boolean;
  /** As typed: MM/YYYY. */
  diagnosisMonth: string;
  /** Select values are strings. */
  clinicSiteId: string | null;
}

export function detailsValuesOf(r: PersonRecord): DetailsValues {
  return {
    preferredName: r.preferredName,
    givenName: r.givenName ?? '',
    familyName: r.familyName ?? '',
    nhsNumber: r.nhsNumber ? formatNhsNumber(r.nhsNumber) : '',
    hospitalNumber: r.hospitalNumber ?? '',
    dateOfBirth: r.dateOfBirth,
    genderIdentity: r.genderIdentity,
    sexualOrientation: r.sexualOrientation,
    ethnicCategory: r.ethnicCategory,
    borough: r.borough,
    firstLanguage: r.firstLanguage ?? '',
    interpreterNeeded: r.interpreterNeeded,
    phone: r.phone ?? '',
    email: r.email ?? '',
    contactConsent: r.contactConsent,
    safeToLeaveMessage: r.safeToLeaveMessage,
    diagnosisMonth: isoToMonth(r.diagnosisMonth),
    clinicSiteId: r.clinicSiteId === null ? null : String(r.clinicSiteId),
  };
}

export function detailsInput(id: number, v: DetailsValues): UpdatePersonInput {
  return {
    id,
    preferredName: v.preferredName,
    givenName: v.givenName,
    familyName: v.familyName,
    nhsNumber: v.nhsNumber.trim() || null,
    hospitalNumber: v.hospitalNumber,
    dateOfBirth: v.dateOfBirth ?? '',
    // The code selects only offer codes from the set; the schema checks them again.
    genderIdentity: v.genderIdentity as UpdatePersonInput['genderIdentity'],
    sexualOrientation: v.sexualOrientation as UpdatePersonInput['sexualOrientation'],
    ethnicCategory: v.ethnicCategory as UpdatePersonInput['ethnicCategory'],
    borough: v.borough as UpdatePersonInput['borough'],
    firstLanguage: v.firstLanguage,
    interpreterNeeded: v.interpreterNeeded,
    phone: v.phone,
    email: v.email,
    contactConsent: v.contactConsent as UpdatePersonInput['contactConsent'],
    safeToLeaveMessage: v.safeToLeaveMessage,
    diagnosisMonth: monthToIso(v.diagnosisMonth),
    clinicSiteId: v.clinicSiteId ? Number(v.clinicSiteId) : null,
  };
}
