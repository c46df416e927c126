// The person-details form's values, and how they map to and from the record and the update.
// The details are declared in core/domain/person.ts; each needs its line in FORM (the compiler
// refuses a detail without one): how the form's input holds it. The form sends every detail it
// holds, and the update is a patch, so a detail this form does not hold is never overwritten.
import type { PersonDetails, UpdatePersonInput } from '../../../../core/domain/person';
import type { PersonRecord } from '../../../../core/domain/record';
import { formatNhsNumber } from '../../../../core/domain/nhsNumber';
import { isoToMonth, monthToIso } from '../../shared/MonthField';

/** From the stored value to the input's, and back to what the update schema takes. */
interface Held<Stored, Shown> {
  toForm: (stored: Stored) => Shown;
  toInput: (shown: Shown) => unknown;
}

/** A text input holds '' for nothing; the schema reads '' as nothing. */
const typed: Held<string | null, string> = { toForm: (v) => v ?? '', toInput: (v) => v };
/** Selects and checkboxes hold the value as stored (a code select: null for none). */
const asStored = <V>(): Held<V, V> => ({ toForm: (v) => v, toInput: (v) => v });

const FORM = {
  preferredName: typed,
  nhsNumber: { toForm: (v: string | null) => (v ? formatNhsNumber(v) : ''), toInput: (v: string) => v.trim() || null },
  hospitalNumber: typed,
  dateOfBirth: { toForm: (v: string): string | null => v, toInput: (v: string | null) => v ?? '' },
  genderIdentity: asStored<string | null>(),
  sexualOrientation: asStored<string | null>(),
  ethnicCategory: asStored<string | null>(),
  borough: asStored<string | null>(),
  firstLanguage: typed,
  interpreterNeeded: asStored<boolean>(),
  phone: typed,
  email: typed,
  contactConsent: asStored<string[]>(),
  safeToLeaveMessage: asStored<boolean>(),
  /** As typed: MM/YYYY. */
  diagnosisMonth: { toForm: isoToMonth, toInput: monthToIso },
  /** Select values are strings. */
  clinicSiteId: { toForm: (v: number | null) => (v === null ? null : String(v)), toInput: (v: string | null) => (v ? Number(v) : null) },
} satisfies { [K in keyof PersonDetails]: { toForm: (stored: PersonDetails[K]) => unknown; toInput: (shown: never) => unknown } };

type Form = typeof FORM;
export type DetailsValues = { [K in keyof Form]: ReturnType<Form[K]['toForm']> };

const KEYS = Object.keys(FORM) as (keyof Form)[];

export function detailsValuesOf(r: PersonRecord): DetailsValues {
  return Object.fromEntries(KEYS.map((k) => [k, (FORM[k].toForm as (v: unknown) => unknown)(r[k])])) as DetailsValues;
}

export function detailsInput(id: number, v: DetailsValues): UpdatePersonInput {
  // The code selects only offer codes from the set; the schema checks them again.
  return { id, ...Object.fromEntries(KEYS.map((k) => [k, (FORM[k].toInput as (v: unknown) => unknown)(v[k])])) } as UpdatePersonInput;
}
