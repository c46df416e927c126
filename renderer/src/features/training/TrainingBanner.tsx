// Shown at the top of every screen while the training caseload is open: it must never be taken
// for the real one. Leaving locks it (back to the real caseload's lock or set-up screen);
// resetting starts again with fresh made-up people.
import { Alert, Box, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconRefresh, IconSchool } from '@tabler/icons-react';
import { useState } from 'react';
import { call, errorMessage } from '../../shared/api';
import { closableUnless } from '../../shared/closableUnless';
import { notifySuccess } from '../../shared/notify';
import { lockNow, showUnlocked } from '../../shared/session';
import { isFor } from '../../shared/queryKeys';
import classes from './TrainingBanner.module.css';

/** Black on NHS warm yellow: 12:1, and unlike anything else in the app. */
export const TRAINING_BANNER_HEIGHT = 44;
const INK = '#212b32';
const YELLOW = '#ffdd00';

export function TrainingBanner({ onReset }: { onReset: () => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  return (
    <Box h={TRAINING_BANNER_HEIGHT} px="md" bg={YELLOW} c={INK} style={{ borderBottom: `3px solid ${INK}` }} data-testid="training-banner">
      <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
        <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
          <IconSchool size={20} aria-hidden />
          {/* On a narrow window (400% zoom) the words in .wide go, for sight only, so the buttons fit. */}
          <Text role="status" fw={700} size="sm" lineClamp={1}>
            TRAINING<span className={classes.wide}> — made-up people only. Nothing here is real.</span>
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button size="compact-sm" color="dark" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => setConfirming(true)}>
            Reset<span className={classes.wide}> training caseload…</span>
            <span className={classes.narrow} aria-hidden>
              …
            </span>
          </Button>
          <Button size="compact-sm" color="dark" onClick={() => void lockNow(queryClient)}>
            Leave<span className={classes.wide}> training</span>
          </Button>
        </Group>
      </Group>
      {confirming && (
        <ResetModal
          onClose={() => setConfirming(false)}
          onDone={() => {
            setConfirming(false);
            onReset();
          }}
        />
      )}
    </Box>
  );
}

function ResetModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: () => call('training.reset', {}),
    onSuccess: (status) => {
      showUnlocked(queryClient, status);
      // Everything on screen came from the old made-up people: ask again.
      void queryClient.resetQueries({ predicate: (q) => !isFor(q.queryKey, 'workspace.status') });
      notifySuccess('The training caseload has fresh made-up people.', 'Training caseload reset');
      onDone();
    },
  });
  return (
    <Modal opened onClose={onClose} title="Reset the training caseload?" {...closableUnless(reset.isPending)}>
      <Stack>
        <Text size="sm">Everything done in training so far is removed, and the training caseload starts again with fresh made-up people. Your real caseload is not touched.</Text>
        {reset.isError && (
          <Alert color="red" role="alert" title="The training caseload was not reset">
            {errorMessage(reset.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={reset.isPending}>
            Cancel
          </Button>
          <Button onClick={() => reset.mutate()} loading={reset.isPending} data-autofocus>
            Reset training caseload
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
