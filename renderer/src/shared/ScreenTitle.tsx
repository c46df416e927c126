// Each screen's heading, and where keyboard and screen-reader focus lands after moving to it.
// Without this, focus dropped to the page body at every screen change: a screen reader said
// nothing and the next Tab started again from the top of the window.
import { Title, type TitleProps } from '@mantine/core';
import { createContext, useContext, useEffect, type RefObject } from 'react';

/** Set by the workspace when the worker moves to another screen; cleared once a heading has focus. */
export const ArrivalContext = createContext<RefObject<boolean>>({ current: false });

const SELECTOR = '[data-screen-title]';

/** Focuses the screen's heading if a move is still waiting for it; true when it did. */
export function focusScreenTitle(pending: RefObject<boolean>): boolean {
  if (!pending.current) return false;
  // The one on show: while the next screen's code loads, React keeps the last one hidden.
  const heading = [...document.querySelectorAll<HTMLElement>(SELECTOR)].find((h) => h.checkVisibility());
  if (!heading) return false;
  // Scrolled to as well: at 400% a heading left above the fold is focus the worker cannot see.
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'nearest' });
  pending.current = document.activeElement !== heading;
  return !pending.current;
}

/**
 * The screen's one level-2 heading (the level 1 is the service's name in the banner). It takes
 * focus when the screen is arrived at, including a screen whose heading shows only once its data
 * has loaded, such as a person's name on their record.
 */
export function ScreenTitle(props: Omit<TitleProps, 'order'>) {
  const pending = useContext(ArrivalContext);
  useEffect(() => {
    focusScreenTitle(pending);
  }, [pending]);
  return <Title order={2} tabIndex={-1} data-screen-title {...props} />;
}
