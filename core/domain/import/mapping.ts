// The first guess at which column is which field, from the headers; and the header row's shape,
// under which the coordinator's own mapping is remembered for the next file laid out the same way.
import { foldHeader, IMPORT_FIELDS, type ImportFieldId } from './fields';
import type { ImportMapping } from './rows';

export function guessColumns(headers: readonly string[]): (ImportFieldId | null)[] {
  const taken = new Set<ImportFieldId>();
  return headers.map((header) => {
    const folded = foldHeader(header);
    const field = IMPORT_FIELDS.find((f) => !taken.has(f.id) && f.headers.includes(folded));
    if (!field) return null;
    taken.add(field.id);
    return field.id;
  });
}

/** The header row's shape: the headers, folded, in order. Two files with the same shape map alike. */
export function headerShape(headers: readonly string[]): string {
  return headers.map(foldHeader).join('|');
}

/** A remembered mapping fits only a file with the same number of columns. */
export function fits(mapping: ImportMapping | null, headers: readonly string[]): mapping is ImportMapping {
  return !!mapping && mapping.columns.length === headers.length;
}
