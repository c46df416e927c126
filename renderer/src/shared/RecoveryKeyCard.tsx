// Shows the recovery key once, grouped for reading aloud or writing onto paper. There is no Copy
// button: Windows keeps what is copied in its clipboard history (and may sync it to other PCs),
// where the key would outlive this screen. Writing it down or printing it keeps it off the PC.
import { Button, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';

/** How a recovery key is typed, as visible text beside each field that asks for one. */
export const RECOVERY_KEY_HINT = 'Eight groups of four letters and numbers, as written down when it was made. Capitals, spaces and dashes do not matter.';

export function RecoveryKeyCard({ recoveryKey }: { recoveryKey: string }) {
  const groups = recoveryKey.split('-');
  return (
    <Paper withBorder p="lg" radius="md" bg="gray.0">
      <SimpleGrid
        cols={4}
        spacing="sm"
        aria-label="Recovery key"
        role="group"
        data-testid="recovery-key"
        // Selecting and copying it would put it in the clipboard history too.
        onCopy={(e) => e.preventDefault()}
      >
        {groups.map((g, i) => (
          <Text key={i} className="recovery-key" ta="center" aria-label={`Group ${i + 1}: ${g.split('').join(' ')}`}>
            {g}
          </Text>
        ))}
      </SimpleGrid>
      <Text size="sm" mt="md" className="no-print" data-testid="recovery-key-advice">
        Write it down on paper or print it. Do not copy it: Windows keeps what you copy in its clipboard history.
      </Text>
      <Group mt="sm" className="no-print">
        <Button variant="default" leftSection={<IconPrinter aria-hidden size={16} />} onClick={() => window.print()}>
          Print
        </Button>
      </Group>
    </Paper>
  );
}
