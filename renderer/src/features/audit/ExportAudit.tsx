// "Export audit log (CSV)": the entries the filters show, all of them (not only this page), saved
// like any export: a temporary file renamed into place when whole, its SHA-256 shown, and the
// export itself recorded in the log.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconFileExport } from '@tabler/icons-react';
import { ApiFailure, call, errorMessage } from '../../shared/api';
import { Fingerprint, SavedWhere } from '../../shared/SavedFile';
import type { Filters } from './AuditFilters';
import { GOOD_TITLE } from '../../shared/contrast';
import { countOf } from '../../../../core/domain/plural';


export function ExportAudit({ filters }: { filters: Filters }) {
  const run = useMutation({ mutationFn: () => call('audit.export', filters) });
  const result = run.data;
  const cancelled = run.error instanceof ApiFailure && run.error.error.code === 'CANCELLED';
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="default" leftSection={<IconFileExport size={16} aria-hidden />} onClick={() => run.mutate()} loading={run.isPending}>
          Export audit log (CSV)
        </Button>
        <Text size="sm" c="dimmed">
          Saves every entry these filters match, for Excel.
        </Text>
      </Group>
      <div role="status" aria-live="polite">
        {result && (
          <Alert color="green" variant="light" title="Audit log saved" styles={GOOD_TITLE}>
            <Stack gap={4}>
              <Text size="sm">
                {countOf(result.rows, 'entry', 'entries')} in <strong>{result.fileName}</strong>
              </Text>
              <SavedWhere fileName={result.fileName} location={result.location} />
              <Fingerprint sha256={result.sha256} />
            </Stack>
          </Alert>
        )}
        {cancelled && <Text size="sm">The export was cancelled. No file was saved.</Text>}
      </div>
      {run.isError && !cancelled && (
        <Alert color="red" role="alert" title="The audit log was not saved">
          {errorMessage(run.error)}
        </Alert>
      )}
    </Stack>
  );
}
