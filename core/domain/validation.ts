// Turns a schema's complaints into field → message pairs, the shape forms show beside inputs.
// Used by the API dispatcher and by the renderer's forms, so both say the same thing.
import type { z } from 'zod';

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Mantine-form style validator from a schema: `validate: formValidator(schema)`. */
export function formValidator<T extends z.ZodType>(schema: T) {
  return (values: unknown): Record<string, string> => {
    const parsed = schema.safeParse(values);
    return parsed.success ? {} : fieldErrors(parsed.error);
  };
}
