// Where a saved file went and its fingerprint: the same lines under an export, an audit log
// export and a subject access copy. Electron answers with the path chosen in the save dialog;
// the browser harness with a download address.
import { Button, Code, Group, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { CopySha } from './CopySha';
import { isDownloadAddress } from '../features/exports/location';

export function SavedWhere({ fileName, location }: { fileName: string; location: string }) {
  if (isDownloadAddress(location)) {
    return (
      <Group>
        <Button component="a" href={location} download={fileName} leftSection={<IconDownload size={16} aria-hidden />} size="sm">
          Download
        </Button>
      </Group>
    );
  }
  return (
    <Text size="sm">
      Saved to <Code style={{ wordBreak: 'break-all' }}>{location}</Code>
    </Text>
  );
}

/** The file's SHA-256, copyable, so the receiver can check they got the same file. */
export function Fingerprint({ sha256, testId }: { sha256: string; testId?: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <Text size="sm" style={{ flexShrink: 0 }}>
        SHA-256:
      </Text>
      <Code style={{ wordBreak: 'break-all' }} data-testid={testId}>
        {sha256}
      </Code>
      <CopySha sha256={sha256} label="Copy the SHA-256 fingerprint" />
    </Group>
  );
}
