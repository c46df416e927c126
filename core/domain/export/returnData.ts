// A workstation's return data: the monthly return's true counts for one period, aggregate only,
// for a coordinator to combine with other workstations' before anything is suppressed (hidden
// counts cannot be added up: "*" + 9 is nothing). It holds the return's counts by measure,
// breakdown and category and, for each wellbeing instrument, the count, sum and sum of squares of
// the changes (so a combined mean and its interval can be worked out); never a row about a person.
// The file travels encrypted (core/api/returns/sealedFile.ts).
import { z } from 'zod';
import type { Period } from './periods';
import type { CountGroup, ReturnInputs } from './returnInputs';
import { changeSums, meanChangeFromSums, type ChangeSums } from '../stats/meanChange';

export const RETURN_DATA_FORMAT = 'peer-caseload-return-data';
export const RETURN_DATA_VERSION = 1;

const count = z.number().int().min(0).max(10_000_000);
const code = z.string().min(1).max(80);
const sums = z.object({ n: count, sum: z.number().finite(), sumOfSquares: z.number().finite().min(0) });

export const returnDataSchema = z.object({
  format: z.literal(RETURN_DATA_FORMAT),
  version: z.literal(RETURN_DATA_VERSION),
  /** The caseload's own id: the same caseload twice would count everyone twice. */
  workstationId: z.string().uuid(),
  site: z.object({ odsCode: z.string().regex(/^[A-Z0-9]{1,9}$/), name: z.string().min(1).max(120) }),
  period: z
    .object({
      kind: z.enum(['month', 'quarter', 'financial_year', 'financial_quarter', 'custom']),
      start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      label: z.string().min(1).max(80),
    })
    .refine((p) => p.start <= p.end),
  appVersion: z.string().min(1).max(40),
  exportedAt: z.string().datetime(),
  groups: z
    .array(
      z.object({
        measure: code,
        breakdown: code,
        total: count,
        categories: z.array(z.object({ category: code, count })).max(500),
        /** Categories that overlap (one person in several), so do not add up to the total: no sum to suppress by. */
        overlapping: z.boolean().optional(),
      }),
    )
    .max(500),
  attended: count,
  dna: count,
  peopleSupported: count,
  newlyDiagnosedOffered: count,
  newlyDiagnosedEngaged: count,
  wellbeing: z.array(z.object({ instrument: code, improved: count, followedUp: count, noFollowUp: count, change: sums })).max(50),
  sustained: z.array(z.object({ instrument: code, improved: count, followedUp: count, change: sums })).max(50),
});
export type ReturnData = z.infer<typeof returnDataSchema>;

/** The counts a return data file carries: what it has beyond its label (who, where, when). */
export type ReturnCounts = Omit<ReturnData, 'format' | 'version' | 'workstationId' | 'site' | 'period' | 'appVersion' | 'exportedAt'>;

/** The changes behind each instrument's mean, as the return's query gives them. */
export interface ChangeLists {
  wellbeing: Map<string, number[]>;
  sustained: Map<string, number[]>;
}

/** The return's true counts as a data file carries them. */
export function countsOf(inputs: ReturnInputs, changes: ChangeLists): ReturnCounts {
  return {
    groups: inputs.groups.map((g) => ({ measure: g.measure, breakdown: g.breakdown, total: g.total, categories: g.categories.map((c) => ({ category: c.category, count: c.count })), ...(g.overlapping ? { overlapping: true } : {}) })),
    attended: inputs.attended,
    dna: inputs.dna,
    peopleSupported: inputs.peopleSupported,
    newlyDiagnosedOffered: inputs.newlyDiagnosedOffered,
    newlyDiagnosedEngaged: inputs.newlyDiagnosedEngaged,
    wellbeing: inputs.wellbeing.map((w) => ({ ...w, change: changeSums(changes.wellbeing.get(w.instrument) ?? []) })),
    sustained: inputs.sustained.map((w) => ({ instrument: w.instrument, improved: w.improved, followedUp: w.followedUp, change: changeSums(changes.sustained.get(w.instrument) ?? []) })),
  };
}

/** The return's inputs back from the counts: what the suppression and the return's rows work on. */
export function inputsOf(c: ReturnCounts): ReturnInputs {
  return {
    groups: c.groups.map((g): CountGroup => ({ measure: g.measure, breakdown: g.breakdown, total: g.total, categories: g.categories, ...(g.overlapping ? { overlapping: true } : {}) })),
    attended: c.attended,
    dna: c.dna,
    peopleSupported: c.peopleSupported,
    newlyDiagnosedOffered: c.newlyDiagnosedOffered,
    newlyDiagnosedEngaged: c.newlyDiagnosedEngaged,
    wellbeing: c.wellbeing.map(({ change: _change, ...w }) => w),
    wellbeingChange: c.wellbeing.map((w) => ({ instrument: w.instrument, ...meanChangeFromSums(w.change) })),
    sustained: c.sustained.map((w) => ({ instrument: w.instrument, improved: w.improved, followedUp: w.followedUp, change: meanChangeFromSums(w.change) })),
  };
}

const addSums = (a: ChangeSums, b: ChangeSums): ChangeSums => ({ n: a.n + b.n, sum: a.sum + b.sum, sumOfSquares: a.sumOfSquares + b.sumOfSquares });

/**
 * Several returns' counts added up, figure by figure. A measure, breakdown, category or
 * instrument one return lacks counts 0 there; the order is the first return's, then what later
 * ones add, so every new measure of the return is carried through without being named here.
 */
export function addCounts(all: readonly ReturnCounts[]): ReturnCounts {
  const groups = new Map<string, { measure: string; breakdown: string; total: number; categories: Map<string, number>; overlapping?: boolean }>();
  const wellbeing = new Map<string, ReturnCounts['wellbeing'][number]>();
  const sustained = new Map<string, ReturnCounts['sustained'][number]>();
  const sum = (pick: (c: ReturnCounts) => number) => all.reduce((a, c) => a + pick(c), 0);
  for (const c of all) {
    for (const g of c.groups) {
      const key = `${g.measure}|${g.breakdown}`;
      let into = groups.get(key);
      if (!into) groups.set(key, (into = { measure: g.measure, breakdown: g.breakdown, total: 0, categories: new Map(), ...(g.overlapping ? { overlapping: true } : {}) }));
      into.total += g.total;
      for (const x of g.categories) into.categories.set(x.category, (into.categories.get(x.category) ?? 0) + x.count);
    }
    for (const w of c.wellbeing) {
      const into = wellbeing.get(w.instrument);
      wellbeing.set(
        w.instrument,
        into
          ? { instrument: w.instrument, improved: into.improved + w.improved, followedUp: into.followedUp + w.followedUp, noFollowUp: into.noFollowUp + w.noFollowUp, change: addSums(into.change, w.change) }
          : { ...w },
      );
    }
    for (const w of c.sustained) {
      const into = sustained.get(w.instrument);
      sustained.set(w.instrument, into ? { instrument: w.instrument, improved: into.improved + w.improved, followedUp: into.followedUp + w.followedUp, change: addSums(into.change, w.change) } : { ...w });
    }
  }
  const byInstrument = <T extends { instrument: string }>(m: Map<string, T>) => [...m.values()].sort((a, b) => a.instrument.localeCompare(b.instrument));
  return {
    groups: [...groups.values()].map((g) => ({ measure: g.measure, breakdown: g.breakdown, total: g.total, categories: [...g.categories].map(([category, n]) => ({ category, count: n })), ...(g.overlapping ? { overlapping: true } : {}) })),
    attended: sum((c) => c.attended),
    dna: sum((c) => c.dna),
    peopleSupported: sum((c) => c.peopleSupported),
    newlyDiagnosedOffered: sum((c) => c.newlyDiagnosedOffered),
    newlyDiagnosedEngaged: sum((c) => c.newlyDiagnosedEngaged),
    wellbeing: byInstrument(wellbeing),
    sustained: byInstrument(sustained),
  };
}

/** The label of a workstation's file, for the coordinator's list (what they read out by phone). */
export interface ReturnFileSummary {
  fileName: string;
  workstationId: string;
  siteOds: string;
  siteName: string;
  period: Period;
  appVersion: string;
  exportedAt: string;
  /** SHA-256 of the file as received, in groups of four. */
  fingerprint: string;
}

/** SHA-256 hex in groups of four, easier to read aloud and compare. */
export const groupedFingerprint = (hex: string) => hex.match(/.{1,4}/g)!.join(' ');
