// The prompt for a risk answer (PHQ-9 item 9 above 0): a dialog over the form that takes focus
// and has to be acknowledged, with the clinic's own escalation route from Settings.
import { Box, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { InstrumentDefinition } from '../../../../core/domain/instruments/types';
import { TEXT } from '../../shared/contrast';

// Dark red on white: 8.9:1.

interface Props {
  opened: boolean;
  onClose: () => void;
  def: InstrumentDefinition;
  escalationRoute: string | undefined;
}

export function RiskPrompt({ opened, onClose, def, escalationRoute }: Props) {
  const riskId = def.riskItem?.item;
  const number = def.items.findIndex((i) => i.id === riskId) + 1;
  const text = def.items.find((i) => i.id === riskId)?.text;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      // Over the assessment form; acknowledged only with the button, never by a stray click or Escape.
      zIndex={400}
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
      size="lg"
      title={
        <Group gap="xs" wrap="nowrap">
          <IconAlertTriangle size={26} color={TEXT.danger} aria-hidden />
          <Text fw={700} size="lg" c={TEXT.danger} component="span">
            Possible risk: act on this now
          </Text>
        </Group>
      }
      styles={{ content: { borderTop: `8px solid ${TEXT.danger}` } }}
    >
      <Stack gap="md" role="alert">
        <Text>
          {def.shortName} item {number}
          {text ? ` (“${text}”)` : ''} has been answered above 0.
        </Text>
        <Box p="sm" style={{ background: '#fdecec', borderLeft: `6px solid ${TEXT.danger}`, borderRadius: 4 }}>
          <Text fw={700} mb={4}>
            What to do now: your clinic’s escalation route
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="escalation-route">
            {escalationRoute ?? 'Follow your clinic’s escalation route for someone who may be at risk.'}
          </Text>
        </Box>
        <Text>
          When you save this assessment, a <strong>risk flag is raised on the person’s record</strong>. It shows on the record and on My day until it is resolved: add what
          you did on the Risk tab.
        </Text>
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button color="red.9" onClick={onClose} data-autofocus>
          I have read this: back to the form
        </Button>
      </Group>
    </Modal>
  );
}
