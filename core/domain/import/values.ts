// Reading one spreadsheet cell as a field's value. Clinics' spreadsheets write the same thing many
// ways: "N/A", "-" and blanks for nothing; dates typed DD/MM/YYYY or D/M/YY, exported ISO, or held
// as Excel's day numbers; codes as the NHS code, its label, or a clinic's shorthand ("F", "Black
// African"). Every reading either gives a value or says, in the coordinator's words, why not.
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import type { Code } from '../codes';
import type { ImportField } from './fields';

dayjs.extend(customParseFormat);

/** A cell as the reader hands it over: text, a number, true/false, an ISO date (from a date cell), or nothing. */
export type Cell = string | number | boolean | null;

/** Ways a spreadsheet says "nothing here" (compared lower case, trimmed). */
const NOTHING = new Set(['', 'n/a', 'na', 'n.a.', 'n/k', '-', '--', '—', '–', 'null', 'nil', 'none', '#n/a', '.', '?']);

/** The cell as trimmed text (no-break spaces too), or null when it says nothing. */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  const text = String(cell).replace(/[\u00a0\u2007\u202f]/g, ' ').trim();
  return NOTHING.has(text.toLowerCase()) ? null : text;
}

export type Reading<T> = { ok: true; value: T } | { ok: false; problem: string };
const ok = <T>(value: T): Reading<T> => ({ ok: true, value });
const fail = (problem: string): Reading<never> => ({ ok: false, problem });

// Excel's day numbers: day 1 is 1900-01-01 and it counts a 29 February 1900 that never was, so
// from March 1900 on, day n is 1899-12-30 plus n days (the 1900 date system, Windows' default).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const LAST_SERIAL = 2958465; // 9999-12-31

export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > LAST_SERIAL) return null;
  return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

const MONTH_NAMES = 'january february march april may june july august september october november december'.split(' ');
/** Day, month (digits or a name), year (two or four digits), with / - . or spaces between. */
const DAY_FIRST = /^(\d{1,2})[/.\- ]+(\d{1,2}|[A-Za-z]{3,9})[/.\- ]+(\d{4}|\d{2})$/;

/** A month's number from its digits or its English name ("Mar", "March", "Sept"); null when neither. */
function monthNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const t = text.toLowerCase();
  const at = MONTH_NAMES.findIndex((m) => m === t || m.slice(0, 3) === t || (t === 'sept' && m === 'september'));
  return at >= 0 ? at + 1 : null;
}

/** A two-digit year: in this century unless that would be after this year (a birth in '66 is 1966). */
function fullYear(text: string, today: string): number {
  if (text.length === 4) return Number(text);
  const yy = Number(text);
  return 2000 + yy > Number(today.slice(0, 4)) ? 1900 + yy : 2000 + yy;
}

/**
 * A date: ISO (with or without a time), day first (DD/MM/YYYY, D/M/YYYY, 3 Mar 1985), two-digit
 * years (D/M/YY: a year that would be after this one is read as the 1900s), or an Excel day number.
 * Never month first: a clinic in England writes 03/04/1985 for the 3rd of April.
 */
export function readDate(cell: Cell, today: string): Reading<string> {
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    return iso ? ok(iso) : fail(`“${cell}” is not a date.`);
  }
  const text = cellText(cell);
  if (text === null) return fail('It is blank.');
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) return dayjs(iso[1], 'YYYY-MM-DD', true).isValid() ? ok(iso[1]) : fail(`“${text}” is not a real date.`);
  if (/^\d{5}(\.\d+)?$/.test(text)) return readDate(Number(text), today);
  // A date and a time ("03/04/1985 00:00"): the date part.
  const parts = DAY_FIRST.exec(text.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, ''));
  const month = parts ? monthNumber(parts[2]) : null;
  if (!parts || month === null) return fail(`“${text}” is not a date this import understands: use DD/MM/YYYY.`);
  const value = `${fullYear(parts[3], today)}-${String(month).padStart(2, '0')}-${parts[1].padStart(2, '0')}`;
  return dayjs(value, 'YYYY-MM-DD', true).isValid() ? ok(value) : fail(`“${text}” is not a real date: dates are read day first, as DD/MM/YYYY.`);
}

/** A month (CCYY-MM): as a month (2019-03, 03/2019, Mar 2019) or the month of a whole date. */
export function readMonth(cell: Cell, today: string): Reading<string> {
  const text = typeof cell === 'number' ? null : cellText(cell);
  if (text !== null) {
    // 2019-03, or 03/2019 (month first only when there is no day).
    const isoMonth = /^(\d{4})-(\d{1,2})$/.exec(text);
    const dayless = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
    const [year, month] = isoMonth ? [isoMonth[1], isoMonth[2]] : dayless ? [dayless[2], dayless[1]] : [null, null];
    if (year && month) {
      if (Number(month) >= 1 && Number(month) <= 12) return ok(`${year}-${month.padStart(2, '0')}`);
      return fail(`“${text}” is not a month.`);
    }
    const named = /^([A-Za-z]{3,9})[ -]+(\d{4}|\d{2})$/.exec(text);
    const byName = named ? monthNumber(named[1]) : null;
    if (named && byName !== null) return ok(`${fullYear(named[2], today)}-${String(byName).padStart(2, '0')}`);
    if (/^\d{4}$/.test(text)) return fail(`“${text}” is a year only: the diagnosis needs a month and year.`);
  }
  const date = readDate(cell, today);
  return date.ok ? ok(date.value.slice(0, 7)) : fail(date.problem.replace('a date', 'a month or date'));
}

/** How a code's value is compared: lower case, "&" as "and", letters and digits only. */
export function foldValue(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]/g, '');
}

// Shorthand clinics use, by field, folded. A code's own code and its label are always understood.
const SHORTHAND: Record<string, Record<string, string>> = {
  genderIdentity: {
    m: '1', male: '1', man: '1', transman: '1', f: '2', female: '2', woman: '2', transwoman: '2',
    nonbinary: '3', nb: '3', other: '4', notstated: 'Z', prefernottosay: 'Z', declined: 'Z', notknown: 'X', unknown: 'X',
  },
  ethnicCategory: {
    whitebritish: 'A', british: 'A', whiteirish: 'B', irish: 'B', whiteother: 'C', otherwhite: 'C',
    mixedwhiteandblackcaribbean: 'D', mixedwhiteandblackafrican: 'E', mixedwhiteandasian: 'F', mixedother: 'G', othermixed: 'G', mixed: 'G',
    asianindian: 'H', asianpakistani: 'J', asianbangladeshi: 'K', asianother: 'L', otherasian: 'L',
    blackcaribbean: 'M', caribbean: 'M', blackafrican: 'N', african: 'N', blackother: 'P', otherblack: 'P',
    chinese: 'R', other: 'S', otherethnicgroup: 'S', notstated: 'Z', prefernottosay: 'Z', declined: 'Z', notknown: '99', unknown: '99',
  },
  sexualOrientation: {
    straight: '1', heterosexual: '1', gay: '2', lesbian: '2', gayman: '2', gaywoman: '2', bisexual: '3', bi: '3', other: '4',
    notsure: 'U', unsure: 'U', questioning: 'U', notstated: 'Z', prefernottosay: 'Z', declined: 'Z', notknown: '9', unknown: '9',
  },
  borough: { outsidelondon: 'outside_london', outoflondon: 'outside_london', notlondon: 'outside_london', notknown: 'not_known', unknown: 'not_known', city: 'E09000001' },
  referralSource: {
    optout: 'opt_out_clinic', optoutclinic: 'opt_out_clinic', optouttesting: 'opt_out_clinic', hivclinic: 'opt_out_clinic', clinic: 'opt_out_clinic',
    clinician: 'clinician', doctor: 'clinician', nurse: 'clinician', consultant: 'clinician', healthadviser: 'clinician',
    self: 'self', selfreferral: 'self', selfreferred: 'self', gp: 'gp', voluntary: 'voluntary_sector', voluntarysector: 'voluntary_sector', charity: 'voluntary_sector',
    mentalhealth: 'mental_health', other: 'other',
  },
  pathway: {
    newdiagnosis: 'opt_out_new_diagnosis', newlydiagnosed: 'opt_out_new_diagnosis', new: 'opt_out_new_diagnosis', newdx: 'opt_out_new_diagnosis',
    reengagement: 'opt_out_reengagement', reengaging: 'opt_out_reengagement', reengagingincare: 'opt_out_reengagement', reengagedincare: 'opt_out_reengagement', losttofollowup: 'opt_out_reengagement', ltfu: 'opt_out_reengagement',
    other: 'other',
  },
};

// By field: each code's own code (lower case) and label (folded), worked out once, not per cell.
const KNOWN = new Map<string, Map<string, string>>();
function knownWords(field: ImportField): Map<string, string> {
  let words = KNOWN.get(field.id);
  if (!words) {
    words = new Map<string, string>();
    for (const [word, code] of Object.entries(SHORTHAND[field.id] ?? {})) words.set(`~${word}`, code);
    for (const c of field.codes as readonly Code[]) words.set(`~${foldValue(c.label)}`, c.code);
    for (const c of field.codes as readonly Code[]) words.set(c.code.toLowerCase(), c.code);
    KNOWN.set(field.id, words);
  }
  return words;
}

/** The code a value stands for without being told: its code, its label, or known shorthand; else null. */
export function recogniseCode(field: ImportField, text: string): string | null {
  const words = knownWords(field);
  return words.get(text.toLowerCase()) ?? words.get(`~${foldValue(text)}`) ?? null;
}

/** Leading zeros and digits as written: a number cell from Excel becomes its digits (no ".0"). */
export function readText(cell: Cell): string | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  return cellText(cell);
}
