// Every form that sets a passphrase asks for it twice: the schema checks the policy, and this
// checks the second copy matches, in one validator so the four forms say it the same way.
import { schemaResolver } from '@mantine/form';
import type { z } from 'zod';

export const PASSPHRASES_DIFFER = 'The two passphrases do not match.';

/**
 * A Mantine form validator: `schema` on the values without `confirm` (strict schemas refuse the
 * extra key), then `confirm` against the field named `field`.
 */
export function confirmedPassphrase<V extends { confirm: string }>(schema: z.ZodType, field: Exclude<keyof V, 'confirm'>) {
  return (values: V) => {
    const { confirm, ...rest } = values;
    const errors = schemaResolver(schema, { sync: true })(rest);
    if (confirm !== values[field]) errors.confirm = PASSPHRASES_DIFFER;
    return errors;
  };
}
