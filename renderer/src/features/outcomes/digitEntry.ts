// Answering from the keyboard: typing an answer's number chooses it and moves to the next
// question. On a 0–10 scale a "1" might be the start of "10", so after a 1 the form waits a
// moment for a 0 before moving on; any other second digit answers the next question instead.
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';

export const SECOND_DIGIT_WAIT_MS = 1000;

interface Pending {
  index: number;
  digit: number;
  timer: number;
}

interface Options {
  count: number;
  /** The answer values of question `index`. */
  valuesFor: (index: number) => number[];
  choose: (index: number, value: number) => void;
  /** Focus question `index`; past the last, whatever comes after the questions. */
  focusQuestion: (index: number) => void;
}

export function useDigitEntry({ count, valuesFor, choose, focusQuestion }: Options) {
  const pending = useRef<Pending | null>(null);
  useEffect(
    () => () => {
      settle(pending);
    },
    [],
  );

  const enter = useCallback(
    (index: number, digit: number) => {
      const values = valuesFor(index);
      if (!values.includes(digit)) return;
      choose(index, digit);
      if (digit >= 1 && digit * 10 <= Math.max(...values)) {
        pending.current = { index, digit, timer: window.setTimeout(() => ((pending.current = null), focusQuestion(index + 1)), SECOND_DIGIT_WAIT_MS) };
      } else focusQuestion(index + 1);
    },
    [valuesFor, choose, focusQuestion],
  );

  return useCallback(
    (index: number) => (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      if (!/^[0-9]$/.test(e.key)) {
        // Arrows, Tab, Space: the worker is steering; do not move focus under them.
        settle(pending);
        return;
      }
      e.preventDefault();
      const digit = Number(e.key);
      const first = settle(pending);
      if (first && first.index === index) {
        const both = first.digit * 10 + digit;
        if (valuesFor(index).includes(both)) {
          choose(index, both);
          focusQuestion(index + 1);
          return;
        }
        focusQuestion(index + 1);
        if (index + 1 < count) enter(index + 1, digit);
        return;
      }
      enter(index, digit);
    },
    [count, valuesFor, choose, focusQuestion, enter],
  );
}

function settle(ref: { current: Pending | null }): Pending | null {
  const p = ref.current;
  if (p) window.clearTimeout(p.timer);
  ref.current = null;
  return p;
}
