// Every risk flag on the person, open ones first. Risk belongs to the person, not an episode, so
// it can be raised and acted on even when every episode is closed.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { displayDate } from '../../../../core/domain/dates';
import type { EpisodeView, PersonRecord } from '../../../../core/domain/record';
import type { RiskFlag } from '../../../../core/domain/risk';
import { Tag } from '../../shared/Tag';
import { RaiseRiskModal } from './RaiseRiskModal';
import { ResolveRiskModal } from './ResolveRiskModal';
import { UpdateRiskModal } from './UpdateRiskModal';

export function RiskTab({ record, episode }: { record: PersonRecord; episode: EpisodeView | null }) {
  const [raising, setRaising] = useState(false);
  const [updating, setUpdating] = useState<RiskFlag | null>(null);
  const [resolving, setResolving] = useState<RiskFlag | null>(null);
  const flags = [...record.riskFlags].sort((a, b) => Number(!!a.resolvedOn) - Number(!!b.resolvedOn) || (a.raisedOn < b.raisedOn ? 1 : -1));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4" id="risks-heading">
          Risk flags
        </Title>
        <Button leftSection={<IconAlertTriangle aria-hidden size={16} />} onClick={() => setRaising(true)}>
          Raise a risk
        </Button>
      </Group>
      {flags.length === 0 ? (
        <Text c="dimmed" size="sm">
          No risk flags have been raised.
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="risks-heading">
          {flags.map((r) => (
            <Paper component="li" key={r.id} withBorder p="sm" radius="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={700} size="sm" id={`risk-item-${r.id}`} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                      {r.description}
                    </Text>
                    {r.resolvedOn ? <Tag tone="good">Resolved {displayDate(r.resolvedOn)}</Tag> : <Tag tone="danger">Open</Tag>}
                  </Group>
                  <Text size="sm">
                    Raised {displayDate(r.raisedOn)} by {r.raisedByName}.{' '}
                    {r.escalated ? `Escalated to the clinical team${r.escalatedOn ? ` on ${displayDate(r.escalatedOn)}` : ''}.` : 'Not escalated.'}
                  </Text>
                  {r.actionTaken && (
                    <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                      Action taken: {r.actionTaken}
                    </Text>
                  )}
                  {r.resolutionNote && (
                    <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                      Resolution: {r.resolutionNote}
                    </Text>
                  )}
                </Stack>
                {!r.resolvedOn && (
                  <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
                    <Button size="xs" variant="default" onClick={() => setUpdating(r)} aria-describedby={`risk-item-${r.id}`}>
                      Update
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setResolving(r)} aria-describedby={`risk-item-${r.id}`}>
                      Resolve
                    </Button>
                  </Group>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {raising && <RaiseRiskModal onClose={() => setRaising(false)} personId={record.id} episodeId={episode?.open ? episode.id : null} />}
      {updating && <UpdateRiskModal onClose={() => setUpdating(null)} personId={record.id} flag={updating} />}
      <ResolveRiskModal personId={record.id} flag={resolving} onClose={() => setResolving(null)} />
    </Stack>
  );
}
