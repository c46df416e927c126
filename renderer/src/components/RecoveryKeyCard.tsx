// Shows the recovery key once, grouped for reading aloud or copying onto paper.
import { Button, CopyButton, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconPrinter } from '@tabler/icons-react';

export function RecoveryKeyCard({ recoveryKey }: { recoveryKey: string }) {
  const groups = recoveryKey.split('-');
  return (
    <Paper withBorder p="lg" radius="md" bg="gray.0">
      <SimpleGrid cols={4} spacing="sm" aria-label="Recovery key" role="group" data-testid="recovery-key">
        {groups.map((g, i) => (
          <Text key={i} className="recovery-key" ta="center" aria-label={`Group ${i + 1}: ${g.split('').join(' ')}`}>
            {g}
          </Text>
        ))}
      </SimpleGrid>
      <Group mt="md" className="no-print">
        <CopyButton value={recoveryKey}>
          {({ copied, copy }) => (
            <Button variant="default" leftSection={copied ? <IconCheck aria-hidden size={16} /> : <IconCopy aria-hidden size={16} />} onClick={copy}>
              {copied ? 'Copied' : 'Copy recovery key'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" leftSection={<IconPrinter aria-hidden size={16} />} onClick={() => window.print()}>
          Print
        </Button>
      </Group>
    </Paper>
  );
}
