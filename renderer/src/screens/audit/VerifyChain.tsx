// "Verify the chain": walks every entry's hash link from the first; answers OK, or the first
// entry whose link does not hold.
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconCircleCheck, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { call, errorMessage } from '../../api';
import { DANGER_TITLE, GOOD_TITLE } from '../../components/contrast';

// Mantine's light green and red titles are under 4.5:1 on their tint; these are 7:1.

export function VerifyChain() {
  const verify = useMutation({ mutationFn: () => call('audit.verify', {}) });
  const v = verify.data;
  return (
    <Paper withBorder p="md" component="section" aria-label="Check the audit log">
      <Stack gap={0}>
        <Group>
          <Button variant="default" leftSection={<IconShieldCheck size={16} aria-hidden />} onClick={() => verify.mutate()} loading={verify.isPending}>
            Verify the chain
          </Button>
          <Text size="sm" c="dimmed">
            Checks that no entry has been changed or removed since it was written.
          </Text>
        </Group>
        <div role="status" aria-live="polite">
          {v?.ok && (
            <Alert mt="sm" color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="OK: the chain is intact" styles={GOOD_TITLE}>
              All {v.entries.toLocaleString('en-GB')} entries link up. None has been changed or removed.
            </Alert>
          )}
          {v && !v.ok && (
            <Alert mt="sm" color="red" variant="light" icon={<IconShieldX aria-hidden />} title={`The chain is broken at entry ${v.brokenAt}`} styles={DANGER_TITLE}>
              Entry {v.brokenAt} does not match the entry before it: it, or one just before it, was changed or removed outside the app. {v.entries === 1 ? 'The entry before it is intact.' : `The ${v.entries.toLocaleString('en-GB')} entries before it are intact.`} Tell your information governance lead.
            </Alert>
          )}
        </div>
        {verify.isError && (
          <Alert mt="sm" color="red" role="alert">
            {errorMessage(verify.error)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
