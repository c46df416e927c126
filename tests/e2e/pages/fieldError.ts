import type { Locator, Page } from '@playwright/test';

/**
 * A message shown beside its field. A refused form also lists it, as a link, in the error
 * summary at its top; this is the one under the field.
 */
export function besideField(scope: Page | Locator, message: string | RegExp): Locator {
  return scope.getByText(message).and(scope.locator(':not(a)'));
}
