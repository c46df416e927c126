// One headline figure: the number, what it is made of, and how it compares with the period
// before. The card opens the records behind it (the button is the
// keyboard's way in; a click anywhere on the card does the same for the mouse).
import { Anchor, Group, Paper, Text, Title } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight, IconMinus } from '@tabler/icons-react';
import { compare, formatValue, type Direction } from './compare';
import type { FigureSpec } from './figures';

const ARROWS: Record<Direction, typeof IconArrowUpRight> = { up: IconArrowUpRight, down: IconArrowDownRight, same: IconArrowRight, none: IconMinus };

export function FigureCard({ figure, previousLabel, onDrill }: { figure: FigureSpec; previousLabel: string; onDrill?: () => void }) {
  const comparison = compare(figure.value, figure.previous, figure.unit, previousLabel);
  const Arrow = ARROWS[comparison.direction];
  const titleId = `figure-${figure.id}`;
  return (
    <Paper
      component="article"
      aria-labelledby={titleId}
      withBorder
      p="md"
      h="100%"
      onClick={onDrill}
      style={onDrill ? { cursor: 'pointer' } : undefined}
      data-figure={figure.id}
    >
      <Title order={3} size="h6" id={titleId} fw={600}>
        {figure.title}
      </Title>
      <Text fz={32} fw={700} lh={1.2} c={figure.value === null ? 'dimmed' : 'nhsBlue.8'}>
        {formatValue(figure.value, figure.unit)}
      </Text>
      {figure.detail && (
        <Text size="sm" lh={1.35}>
          {figure.detail}
        </Text>
      )}
      <Group gap={4} wrap="nowrap" align="flex-start" mt={6}>
        <Arrow size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} color="var(--mantine-color-dimmed)" />
        <Text size="sm" c="dimmed" lh={1.35}>
          {comparison.text}
        </Text>
      </Group>
      {onDrill && (
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={600}
          mt={6}
          aria-label={`Show the records: ${figure.title}`}
          onClick={(e) => {
            // The card's own click opens the same list; once is enough.
            e.stopPropagation();
            onDrill();
          }}
        >
          Show the records
        </Anchor>
      )}
    </Paper>
  );
}
