// The deliberate step before a file that names people is written: what it holds, that it is
// recorded, and how it should travel. Nothing is written until the person says yes.
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';

interface Props {
  opened: boolean;
  profileName: string;
  encrypted: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

export function ConfirmIdentifiableModal({ opened, profileName, encrypted, onCancel, onConfirm }: Props) {
  return (
    <Modal opened={opened} onClose={onCancel} title="Export data that names people?" size="lg">
      <Stack gap="sm">
        <Text>
          <strong>{profileName}</strong> holds identifiable data: names, NHS Numbers, hospital numbers or dates of birth.
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>The export is recorded in the export log with your name, the time, the period and the file’s SHA-256 fingerprint.</List.Item>
          <List.Item>Export it only if the person receiving it needs to know who each row is.</List.Item>
          <List.Item>
            {encrypted
              ? 'It will be saved as an AES-256 encrypted ZIP. Send the password separately, for example by phone, never in the same email.'
              : 'It will be saved as a plain CSV file. Send it only by NHS mail’s encryption, or go back and choose “Encrypt as a ZIP”.'}
          </List.Item>
        </List>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} data-autofocus>
            Go back
          </Button>
          {/* Not red: nothing is lost. Red is kept for risk, safety and deleting. */}
          <Button onClick={onConfirm}>
            Yes, export identifiable data
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
