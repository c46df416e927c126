// A code set: stable codes with labels, a schema that accepts only those codes, and a lookup.
import { z } from 'zod';

export interface Code<C extends string = string> {
  code: C;
  label: string;
}

export function codeSet<const C extends string>(entries: readonly (readonly [C, string])[]) {
  const list = entries.map(([code, label]) => ({ code, label })) as Code<C>[];
  const codes = entries.map(([code]) => code) as [C, ...C[]];
  const labels = new Map<string, string>(entries);
  return {
    list,
    codes,
    schema: z.enum(codes, { error: 'Choose one of the options.' }),
    label: (code: string | null | undefined) => (code == null ? '' : (labels.get(code) ?? code)),
  };
}
