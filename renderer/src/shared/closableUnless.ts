// A dialog whose work is running stays open: closing it would hide the outcome (a restore, a
// deletion, a saved copy's location) while the work carries on unseen.
export function closableUnless(busy: boolean) {
  return { closeOnClickOutside: !busy, closeOnEscape: !busy, withCloseButton: !busy };
}
