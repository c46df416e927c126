// What the schedule says is due in this episode (baseline at the start, then follow-ups at the
// interval set in Settings), each with a button that opens the form on that instrument.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { DueAssessment } from '../../../../core/domain/instruments/schedule';
import type { InstrumentId } from '../../../../core/domain/instruments/types';
import { displayDate } from '../../../../core/domain/dates';
import { Tag } from '../../shared/Tag';
import { dueKind, instrumentName } from './labels';

export function DueAssessments({ due, onRecord }: { due: DueAssessment[]; onRecord?: (instrument: InstrumentId) => void }) {
  if (due.length === 0) return null;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="due-assessments-heading" style={{ borderLeft: '6px solid #6e3b00' }}>
      <Title order={4} id="due-assessments-heading" mb="xs">
        Assessments due
      </Title>
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {due.map((d) => {
          const id = `due-${d.instrument}`;
          return (
            <Group component="li" key={d.instrument} justify="space-between" wrap="nowrap">
              <Group gap="xs" id={id}>
                <Text fw={700}>
                  {instrumentName(d.instrument)} {dueKind(d.kind)}
                </Text>
                <Text size="sm">due {displayDate(d.dueOn)}</Text>
                {d.overdue && <Tag tone="warning">Overdue</Tag>}
              </Group>
              {onRecord && (
                <Button size="xs" variant="default" onClick={() => onRecord(d.instrument)} aria-describedby={id}>
                  Record
                </Button>
              )}
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
