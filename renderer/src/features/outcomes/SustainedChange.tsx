// Whether change lasted: each instrument's follow-up 6–12 months after support ended, set against
// the baseline of the support it followed.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { changeSentence, type InstrumentOutcome } from '../../../../core/domain/instruments/outcome';
import { displayDate } from '../../../../core/domain/dates';

export function SustainedChange({ outcomes }: { outcomes: InstrumentOutcome[] }) {
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="sustained-heading" data-testid="sustained-change">
      <Stack gap={4}>
        <Title order={4} id="sustained-heading">
          After support ended
        </Title>
        {outcomes.map((o) => (
          <Text key={o.instrument} fw={700}>
            {changeSentence(o.instrument, o)} (follow-up after closure, {displayDate(o.latestOn)})
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
