// The day's numbers at a glance. Each figure is a button that jumps to its list, so a worker on
// the keyboard can get to "overdue" without tabbing through every row above it.
import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { MyDay } from '../../../../core/domain/myDay';
import { ATTENTION } from '../../shared/contrast';
import { pluralWord } from '../../../../core/domain/plural';

export interface Figure {
  target: string;
  value: number;
  label: string;
  detail?: string;
  /** Red for an open risk; amber for something overdue (red is kept for risk and safety). */
  tone?: 'risk' | 'attention';
}

const TONE_STYLE = {
  risk: { card: { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2, background: 'var(--mantine-color-red-0)' }, figure: 'red.9', detail: 'red.9' },
  attention: { card: { borderColor: ATTENTION.edge, borderWidth: 2, background: ATTENTION.tint }, figure: ATTENTION.text, detail: ATTENTION.text },
} as const;

export function figuresFor(day: MyDay): Figure[] {
  const c = day.counts;
  return [
    { target: 'risks', value: c.risks, label: pluralWord(c.risks, 'open risk flag'), tone: c.risks > 0 ? 'risk' : undefined },
    { target: 'waiting', value: c.waiting, label: 'waiting for first contact', detail: c.overdue > 0 ? `${c.overdue.toLocaleString('en-GB')} overdue` : undefined, tone: c.overdue > 0 ? 'attention' : undefined },
    { target: 'today', value: c.plannedToday, label: pluralWord(c.plannedToday, 'contact planned today', 'contacts planned today') },
    { target: 'outcome', value: c.needsOutcome, label: pluralWord(c.needsOutcome, 'earlier contact needs an outcome', 'earlier contacts need an outcome') },
    { target: 'goals', value: c.goalsDue, label: pluralWord(c.goalsDue, 'goal due for review', 'goals due for review') },
    { target: 'inactive', value: c.inactive, label: 'with no recent contact' },
  ];
}

function jumpTo(target: string) {
  const heading = document.getElementById(`${target}-title`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

export function Headline({ figures }: { figures: Figure[] }) {
  return (
    <SimpleGrid cols={{ base: 3, lg: 6 }} spacing="sm" role="list" aria-label="Today at a glance">
      {figures.map((f) => (
        <div role="listitem" key={f.target}>
          <UnstyledButton onClick={() => jumpTo(f.target)} w="100%" h="100%" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
            <Paper withBorder p="sm" h="100%" style={f.tone && TONE_STYLE[f.tone].card}>
              <Text fz={30} fw={700} lh={1.1} c={f.tone ? TONE_STYLE[f.tone].figure : f.value > 0 ? 'nhsBlue.8' : 'dimmed'}>
                {f.value.toLocaleString('en-GB')}
              </Text>
              <Text size="sm" lh={1.3}>
                {f.label}
              </Text>
              {f.detail && (
                <Text size="sm" fw={700} c={f.tone && TONE_STYLE[f.tone].detail}>
                  {f.detail}
                </Text>
              )}
            </Paper>
          </UnstyledButton>
        </div>
      ))}
    </SimpleGrid>
  );
}
