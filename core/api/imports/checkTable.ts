// The dry run: every row read and checked as the "Add a person" form would check it, people
// already on the caseload found (the same duplicate check as the form's), and people who appear
// twice in the file found too. The import itself runs this again inside its transaction, so what
// it writes is exactly what the dry run said it would.
import { duplicateMatcher } from '../../../db/queries/people';
import { PROBLEMS_SHOWN, type ImportCheck } from '../../domain/import/check';
import type { ImportKind } from '../../domain/import/fields';
import { mappingProblems, readRow, seenValues, type ImportMapping, type RowProblem } from '../../domain/import/rows';
import { foldedNames } from '../../domain/nameFolding';
import type { NewPerson } from '../../domain/person';
import { displayDate } from '../../domain/dates';
import type { Table } from './readTable';
import type { Orm } from '../../../db/types';

export interface Checked {
  check: ImportCheck;
  /** Who would be added, in file order. */
  people: NewPerson[];
}

const REASONS = { nhs_number: 'the same NHS Number', name_and_birth: 'the same date of birth and a name in common' } as const;

export function checkTable(orm: Orm, table: Table, mapping: ImportMapping, kind: ImportKind, today: string, onProgress?: (done: number) => void): Checked {
  const base = { rows: table.rows.length, values: seenValues(table.rows, mapping) };
  const mapped = mappingProblems(mapping.columns);
  if (mapping.columns.length !== table.headers.length) mapped.unshift('The mapping does not fit this file’s columns: choose the file again.');
  if (mapped.length > 0) return { check: { ...base, toCreate: 0, skipped: [], problems: [], problemCount: 0, mappingProblems: mapped, preview: [] }, people: [] };

  const problems: RowProblem[] = [];
  let problemCount = 0;
  const note = (p: RowProblem[]) => {
    problemCount += p.length;
    for (const one of p) if (problems.length < PROBLEMS_SHOWN) problems.push(one);
  };
  const skipped: ImportCheck['skipped'] = [];
  const people: NewPerson[] = [];
  const preview: ImportCheck['preview'] = [];
  // Who is already in the file: by NHS Number, and by date of birth with each name they go by.
  const byNhs = new Map<string, number>();
  const byBirthAndName = new Map<string, number>();
  const onCaseload = duplicateMatcher(orm);
  table.rows.forEach((r, i) => {
    if (onProgress && i % 1000 === 0) onProgress(i);
    const reading = readRow(r.line, r.cells, mapping, kind, today);
    if (!reading.ok) return note(reading.problems);
    const person = reading.person;
    const keys = foldedNames(person).map((n) => `${person.dateOfBirth}|${n}`);
    const earlier = (person.nhsNumber ? byNhs.get(person.nhsNumber) : undefined) ?? keys.map((k) => byBirthAndName.get(k)).find((n) => n !== undefined);
    if (earlier !== undefined) {
      const same = person.nhsNumber && byNhs.get(person.nhsNumber) === earlier ? 'the same NHS Number' : 'the same date of birth and a name in common';
      return note([{ row: r.line, field: null, message: `This looks like the same person as row ${earlier} (${same}). Keep one of the two rows.` }]);
    }
    if (person.nhsNumber) byNhs.set(person.nhsNumber, r.line);
    for (const k of keys) byBirthAndName.set(k, r.line);
    const already = onCaseload(person);
    if (already) {
      skipped.push({ row: r.line, reason: `Already on the caseload as ${already.caseId} (${REASONS[already.reason]}): not added again.` });
      return;
    }
    people.push(person);
    if (preview.length < 20) preview.push({ row: r.line, name: person.preferredName, dateOfBirth: displayDate(person.dateOfBirth), referralReceivedOn: displayDate(person.referralReceivedOn) });
  });
  return { check: { ...base, toCreate: problemCount > 0 ? 0 : people.length, skipped, problems, problemCount, mappingProblems: [], preview }, people };
}
