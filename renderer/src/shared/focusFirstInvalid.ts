// After a refused submit, take keyboard focus to the first field that needs fixing, so a
// keyboard or screen-reader user lands on the message rather than hunting for it.
// A form with an error summary (ErrorSummary.tsx) sends focus to the summary instead.
import type { SyntheticEvent } from 'react';
import { ERROR_SUMMARY_ATTRIBUTE } from './ErrorSummary';

export function focusFirstInvalid(_errors: unknown, _values: unknown, event: SyntheticEvent<HTMLFormElement> | undefined): void {
  const form = event?.currentTarget;
  if (form?.querySelector(`[${ERROR_SUMMARY_ATTRIBUTE}]`)) return;
  // The error messages render on the next frame; aria-invalid is set with them.
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
