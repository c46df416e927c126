// Where an export has got to: a progress bar while it is written, then either what was saved
// (rows, file, where, fingerprint) or why nothing was.
import { Alert, Button, Group, Loader, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import type { ExportProgress, ExportResult } from '../../../../core/domain/export/request';
import { ApiFailure, errorMessage } from '../../shared/api';
import { Fingerprint, SavedWhere } from '../../shared/SavedFile';
import { GOOD_TITLE } from '../../shared/contrast';
import { countOf } from '../../../../core/domain/plural';

export function ExportRunning({ progress, onCancel }: { progress: ExportProgress | null; onCancel: () => void }) {
  const share = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div role="status" aria-live="polite" style={{ flexGrow: 1 }}>
          <RunningState progress={progress} share={share} />
        </div>
        {/* The file is written on its own thread: stopping it saves nothing and leaves no half file. */}
        <Button variant="default" size="sm" onClick={onCancel}>
          Cancel export
        </Button>
      </Group>
    </Paper>
  );
}

function RunningState({ progress, share }: { progress: ExportProgress | null; share: number }) {
  return (
    <>
      {progress ? (
        <Stack gap={6}>
          <Text fw={600}>Writing the file…</Text>
          <Progress value={share} aria-label="Export progress" size="lg" transitionDuration={200} />
          <Text size="sm" c="dimmed">
            {`${progress.done.toLocaleString('en-GB')} of ${countOf(progress.total, 'row')} written (${share}%)`}
          </Text>
        </Stack>
      ) : (
        // Before the first rows are written (and while Windows' save window is open) there is
        // nothing to measure yet: say what is happening rather than show an empty bar.
        <Group gap="sm" wrap="nowrap">
          <Loader size="sm" aria-hidden />
          <div>
            <Text fw={600}>Getting ready…</Text>
            <Text size="sm" c="dimmed">
              If a save window has opened, choose where to save the file.
            </Text>
          </div>
        </Group>
      )}
    </>
  );
}

// Mantine's light green puts green-9 text on a green tint at about 4:1; this is 7:1.

export function ExportDone({ result }: { result: ExportResult }) {
  const rows = countOf(result.rows, 'row');
  return (
    <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Export saved" role="status" styles={GOOD_TITLE}>
      <Stack gap={6}>
        <Text size="sm">
          {rows} written, plus the header row{result.encrypted ? ', in an AES-256 encrypted ZIP. Send the password separately from the file.' : '.'}
        </Text>
        <Text size="sm">
          File: <strong>{result.fileName}</strong>
        </Text>
        <SavedWhere fileName={result.fileName} location={result.location} />
        <Fingerprint sha256={result.sha256} testId="export-sha256" />
        {result.identifiable && (
          <Text size="sm" fw={600}>
            This file names people. It has been recorded in the export log.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

export function ExportFailed({ error }: { error: unknown }) {
  const cancelled = error instanceof ApiFailure && error.error.code === 'CANCELLED';
  if (cancelled) {
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} title="Export cancelled" role="status">
        {errorMessage(error)}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="The export did not finish" role="alert">
      {errorMessage(error)} No file was saved.
    </Alert>
  );
}

