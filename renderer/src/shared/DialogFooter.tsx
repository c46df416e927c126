// A dialog's buttons, always in view: on a 1366×768 screen, or zoomed in, a long form scrolls
// under them instead of pushing Save below the fold. Pair it with DIALOG_SCROLL_PADDING on the
// Modal, so a field reached by Tab is scrolled clear of the footer and header, never under them.
import { Group } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './DialogFooter.module.css';

export function DialogFooter({ children }: { children: ReactNode }) {
  return (
    <Group justify="flex-end" className={classes.footer}>
      {children}
    </Group>
  );
}

/**
 * Modal `styles` that keep a focused field out from under the sticky header and footer: room for
 * the header and the field's own label and hint above it, and for the footer below.
 */
export const DIALOG_SCROLL_PADDING = { content: { scrollPaddingTop: '7rem', scrollPaddingBottom: '5rem' } } as const;
