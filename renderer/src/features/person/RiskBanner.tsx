// Open risk flags, on the record's header until they are resolved: hard to miss on purpose.
import { Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { displayDate } from '../../../../core/domain/dates';
import type { PersonRecord } from '../../../../core/domain/record';
import type { RiskFlag } from '../../../../core/domain/risk';
import { ResolveRiskModal } from './ResolveRiskModal';
import { TEXT } from '../../shared/contrast';

// Dark red on a pale red tint: 7.4:1 for the text, and the thick rule does not rely on colour alone.

export function RiskBanner({ record }: { record: PersonRecord }) {
  const headingId = useId();
  const [resolving, setResolving] = useState<RiskFlag | null>(null);
  const open = record.riskFlags.filter((r) => !r.resolvedOn);
  if (open.length === 0) return null;
  return (
    <Box component="section" aria-labelledby={headingId} p="md" style={{ background: '#fdecec', border: `1px solid ${TEXT.danger}`, borderLeftWidth: 8, borderRadius: 4 }}>
      <Group gap="xs" mb="xs" wrap="nowrap">
        <IconAlertTriangle size={22} color={TEXT.danger} aria-hidden />
        <Title order={3} size="h4" c={TEXT.danger} id={headingId}>
          {open.length === 1 ? 'Open risk' : `${open.length} open risks`}
        </Title>
      </Group>
      <Stack gap="sm">
        {open.map((r) => (
          <Group key={r.id} justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text fw={700} id={`risk-${r.id}`} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                {r.description}
              </Text>
              <Text size="sm">
                Raised {displayDate(r.raisedOn)} by {r.raisedByName}.{' '}
                {r.escalated ? `Escalated to the clinical team${r.escalatedOn ? ` on ${displayDate(r.escalatedOn)}` : ''}.` : 'Not escalated to the clinical team.'}
              </Text>
              {r.actionTaken && (
                <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                  Action taken: {r.actionTaken}
                </Text>
              )}
            </div>
            <Button variant="default" onClick={() => setResolving(r)} aria-describedby={`risk-${r.id}`} style={{ flexShrink: 0 }}>
              Resolve
            </Button>
          </Group>
        ))}
      </Stack>
      <ResolveRiskModal personId={record.id} flag={resolving} onClose={() => setResolving(null)} />
    </Box>
  );
}
