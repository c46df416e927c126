// The NHS error summary: when a form is refused, a box at its top titled "There is a problem"
// lists every message with a link to its field, and takes focus, so a screen-reader user hears
// what is wrong at once and someone zoomed in does not have to hunt down a long form for it. The
// messages stay beside their fields as well.
//
// Put <ErrorSummary errors={form.errors} /> first inside the <form>: it notices the form's own
// submit, so nothing else needs wiring (focusFirstInvalid leaves focus to it).
import { Anchor, List, Paper, Text, Title } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { useEffect, useId, useRef, useState, type MouseEvent, type ReactNode } from 'react';

export const ERROR_SUMMARY_ATTRIBUTE = 'data-error-summary';

const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, button';

/** The field a message belongs to: Mantine form marks each input (or a radio group's box) with its path. */
function fieldFor(form: HTMLFormElement | null | undefined, path: string): HTMLElement | null {
  const marked = form?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`) ?? null;
  return marked?.matches(FOCUSABLE) ? marked : (marked?.querySelector<HTMLElement>(FOCUSABLE) ?? null);
}

interface Props {
  errors: FormErrors;
  /** What the refusal says as a whole, above the list (e.g. which items an assessment must have). */
  message?: ReactNode;
  /** Link text for a message that needs its field named to make sense on its own ("Item 9: …"). */
  describe?: (path: string, message: ReactNode) => ReactNode;
}

export function ErrorSummary({ errors, message, describe = (_path, m) => m }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [submits, setSubmits] = useState(0);
  const messages = Object.entries(errors).filter(([, m]) => m !== null && m !== undefined && m !== '' && m !== false);
  const showing = submits > 0 && messages.length > 0;

  useEffect(() => {
    const form = box.current?.closest('form');
    const submitted = () => setSubmits((n) => n + 1);
    // Capture: heard before the form's own handler checks the fields.
    form?.addEventListener('submit', submitted, true);
    return () => form?.removeEventListener('submit', submitted, true);
  }, []);

  // Focus on every refused submit, and when the app refuses what the form let through.
  useEffect(() => {
    if (showing) box.current?.focus();
  }, [showing, submits]);

  const form = box.current?.closest('form');
  // Listed in the order the fields are on the form; a message with no field on it comes last.
  const listed = messages
    .map(([path, m]) => ({ path, text: describe(path, m), field: fieldFor(form, path) }))
    .sort((a, b) => (a.field && b.field ? (a.field.compareDocumentPosition(b.field) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1) : a.field ? -1 : b.field ? 1 : 0));

  const goTo = (e: MouseEvent, field: HTMLElement) => {
    e.preventDefault();
    // The label sits above the field: scroll so both show, then focus the field itself.
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  };

  return (
    <div ref={box} tabIndex={-1} {...{ [ERROR_SUMMARY_ATTRIBUTE]: '' }} role={showing ? 'alert' : undefined} aria-labelledby={showing ? titleId : undefined} style={{ outlineOffset: 2 }}>
      {showing && (
        <Paper p="md" mb="md" style={{ border: '4px solid var(--mantine-color-red-9)' }}>
          <Title order={3} size="h4" id={titleId} mb="xs">
            There is a problem
          </Title>
          {message && (
            <Text size="sm" mb="xs">
              {message}
            </Text>
          )}
          <List spacing={4} listStyleType="none">
            {listed.map(({ path, text, field }) => (
              <List.Item key={path}>
                {field ? (
                  <Anchor href={`#${field.id}`} c="red.9" fw={700} td="underline" onClick={(e) => goTo(e, field)}>
                    {text}
                  </Anchor>
                ) : (
                  <Text c="red.9" fw={700}>
                    {text}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </div>
  );
}
