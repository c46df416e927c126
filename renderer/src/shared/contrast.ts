// Text colours that keep WCAG AA contrast where Mantine's own do not: its light alerts and subtle
// buttons put shade-6 to shade-9 text on a tint, under 4.5:1 for green, orange and red. Each of
// these is 7:1 or better on white and on its own tint (see Tag.tsx). One place, so a screen that
// says "saved" or "delete" in colour says it in the same colour as every other screen.
export const TEXT = {
  danger: '#9b1c1c',
  good: '#1b5a2a',
  warning: '#6e3b00',
  neutral: '#2f3d48',
  info: '#003f7d',
} as const;

/** The pale tints behind each colour of text above (Tags, cards): each pair is 6.9:1 or better (tests/unit/contrast.test.ts). */
export const TINT = {
  danger: '#fde8e8',
  good: '#e3f4e8',
  warning: '#fff1d6',
  neutral: '#eceff2',
  info: '#e6f0fa',
} as const;

/**
 * Something overdue or waiting too long: amber, with the word ("overdue") beside it. Red is kept
 * for risk and safety (risk flags, PHQ-9 item 9, errors, deleting), so an overdue count never
 * reads as a risk. The edge is 5:1 on white and on the tint (a part of the screen needs 3:1).
 */
export const ATTENTION = { edge: '#a85400', tint: '#fff8eb', text: TEXT.warning } as const;

/** Alert titles: a success, a warning, a danger. */
export const GOOD_TITLE = { title: { color: TEXT.good } };
export const WARNING_TITLE = { title: { color: TEXT.warning } };
export const DANGER_TITLE = { title: { color: TEXT.danger } };

/** A subtle button that deletes or removes something. */
export const DANGER_BUTTON = { label: { color: TEXT.danger }, section: { color: TEXT.danger } };
