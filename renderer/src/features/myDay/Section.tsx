// One list on My day: a heading with its full count, a short note on what the list means, the
// rows (scrolling inside the card when there are many), an empty state that says what to do,
// and "and N more" when the app sent only the first part of a long list.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  /** The full count, which may be more than the rows shown. */
  count: number;
  shown: number;
  note?: ReactNode;
  empty: { title: string; hint: string };
  /** Where the rest of a capped list can be seen; without it the remainder is only counted. */
  onMore?: () => void;
  moreLabel?: string;
  tone?: 'alert';
  /** Taller lists scroll inside the card so the rest of the day stays in reach. */
  maxListHeight?: number;
  children: ReactNode;
}

export function Section({ id, title, count, shown, note, empty, onMore, moreLabel, tone, maxListHeight = 400, children }: Props) {
  const alert = tone === 'alert' && count > 0;
  const rest = count - shown;
  return (
    <Paper
      component="section"
      aria-labelledby={`${id}-title`}
      withBorder
      p="md"
      h="100%"
      style={alert ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2, borderLeftWidth: 6 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={3} size="h4" id={`${id}-title`} tabIndex={-1} c={alert ? 'red.9' : undefined}>
            {title}
          </Title>
          <Badge size="lg" color={alert ? 'red.9' : count > 0 ? 'nhsBlue' : 'gray.7'} variant={count > 0 ? 'filled' : 'outline'}>
            {count.toLocaleString('en-GB')}
          </Badge>
        </Group>
        {note && (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        )}
        {count === 0 ? (
          <Group gap="xs" wrap="nowrap" align="flex-start" py="xs">
            <IconCircleCheck size={20} color="var(--mantine-color-green-9)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <div>
              <Text fw={600}>{empty.title}</Text>
              <Text size="sm" c="dimmed">
                {empty.hint}
              </Text>
            </div>
          </Group>
        ) : (
          <div style={{ maxHeight: maxListHeight, overflowY: 'auto' }}>{children}</div>
        )}
        {rest > 0 &&
          (onMore ? (
            <Anchor component="button" type="button" size="sm" fw={600} onClick={onMore} ta="left">
              and {rest.toLocaleString('en-GB')} more: {moreLabel ?? 'see them in the caseload'}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              and {rest.toLocaleString('en-GB')} more not shown here
            </Text>
          ))}
      </Stack>
    </Paper>
  );
}
