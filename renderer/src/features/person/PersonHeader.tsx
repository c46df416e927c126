// The facts a worker checks before anything else: who this is, and where their referral stands.
import { Box, Group, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { pathway, referralStatus } from '../../../../core/domain/codes';
import { displayDate } from '../../../../core/domain/dates';
import { formatNhsNumber } from '../../../../core/domain/nhsNumber';
import type { EpisodeView, PersonRecord } from '../../../../core/domain/record';
import { Tag } from '../../shared/Tag';
import { statusTone } from './tones';
import { ScreenTitle } from '../../shared/ScreenTitle';

export function PersonHeader({ record, episode, actions }: { record: PersonRecord; episode: EpisodeView | null; actions?: ReactNode }) {
  return (
    <Box>
      {/* On a narrow window (zoomed in) the actions go under the name rather than squeeze it. */}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Group gap="sm" align="baseline" wrap="wrap" style={{ minWidth: 0, flex: '1 1 16rem' }}>
          {/* Long names wrap between words rather than push the facts off the screen. */}
          <ScreenTitle style={{ overflowWrap: 'break-word', minWidth: 0 }}>
            {record.preferredName}
          </ScreenTitle>
          {episode && (
            <Tag tone={episode.open ? 'info' : 'neutral'} size="lg">
              {episode.open ? 'Episode open' : 'Episode closed'}
            </Tag>
          )}
        </Group>
        {actions && <Group gap="xs" style={{ flexShrink: 0, maxWidth: '100%' }}>{actions}</Group>}
      </Group>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" verticalSpacing="xs" mt="sm" mb={0}>
        <Fact label="Case ID">
          <Text span ff="monospace" fw={600}>
            {record.caseId}
          </Text>
        </Fact>
        <Fact label="NHS Number">{record.nhsNumber ? formatNhsNumber(record.nhsNumber) : <Dim>Not given</Dim>}</Fact>
        <Fact label="Age band">
          {record.ageBand} <Dim>(born {displayDate(record.dateOfBirth)})</Dim>
        </Fact>
        <Fact label="Pathway">{episode ? pathway.label(episode.pathway) : <Dim>No referral</Dim>}</Fact>
        <Fact label="Referral status">
          {episode ? <Tag tone={statusTone(episode.referralStatus)}>{referralStatus.label(episode.referralStatus)}</Tag> : <Dim>None</Dim>}
        </Fact>
        <Fact label="Site">{record.siteName ?? <Dim>Not set</Dim>}</Fact>
      </SimpleGrid>
    </Box>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </div>
  );
}

function Dim({ children }: { children: ReactNode }) {
  return (
    <Text span size="sm" c="dimmed">
      {children}
    </Text>
  );
}
