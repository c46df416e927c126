// Progress while the caseload is re-encrypted under a new key. The main process works through
// four stages and answers between them; a large caseload may take several seconds.
import { Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { REKEY_STAGE_LABELS, REKEY_STAGES } from '../../../../core/domain/rekey';
import { callQuery } from '../../shared/queryKeys';

export function RekeyProgress() {
  const progress = useQuery({ ...callQuery('workspace.rekeyProgress', {}), refetchInterval: 250, gcTime: 0 });
  const stage = progress.data?.stage ?? 'preparing';
  const step = REKEY_STAGES.indexOf(stage) + 1;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600} role="status" aria-live="polite">
        {REKEY_STAGE_LABELS[stage]} (step {step} of {REKEY_STAGES.length})…
      </Text>
      <Progress value={(step / REKEY_STAGES.length) * 100} animated striped aria-label="Re-encrypting the caseload" />
      <Text size="sm" c="dimmed">
        This can take a few seconds on a large caseload. Keep the app open until it has finished.
      </Text>
    </Stack>
  );
}
