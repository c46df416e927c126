// "Verify the chain": walks every entry's hash link from the first, then holds the chain against
// the ends noted beside backups and saved files (a rewrite from some point on, or a cut tail, that
// the links alone cannot show); answers OK, or what does not hold.
import { Alert, Button, Code, Group, List, Paper, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { IconCircleCheck, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { call, errorMessage } from '../../shared/api';
import { DANGER_TITLE, GOOD_TITLE } from '../../shared/contrast';
import { countOf } from '../../../../core/domain/plural';

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
            Checks that no entry has been changed or removed since it was written, and that the log still matches the copies of its end kept beside backups and saved files.
          </Text>
        </Group>
        <div role="status" aria-live="polite">
          {v?.ok && (
            <Alert mt="sm" color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="OK: the chain is intact" styles={GOOD_TITLE}>
              {v.entries === 1 ? 'Its one entry is as written.' : `All ${countOf(v.entries, 'entry', 'entries')} link up. None has been changed or removed.`}{' '}
              {v.anchorsChecked > 0 && `It also matches the ${countOf(v.anchorsChecked, 'copy of its end', 'copies of its end')} kept beside backups and saved files.`}
            </Alert>
          )}
          {v && v.brokenAt !== null && (
            <Alert mt="sm" color="red" variant="light" icon={<IconShieldX aria-hidden />} title={`The chain is broken at entry ${v.brokenAt}`} styles={DANGER_TITLE}>
              Entry {v.brokenAt} does not match the entry before it: it, or one just before it, was changed or removed outside the app. {v.entries === 1 ? 'The entry before it is intact.' : `The ${countOf(v.entries, 'entry', 'entries')} before it are intact.`} Tell your information governance lead.
            </Alert>
          )}
          {v && v.anchorsFailed.length > 0 && (
            <Alert mt="sm" color="red" variant="light" icon={<IconShieldX aria-hidden />} title="The audit log does not match what was noted earlier" styles={DANGER_TITLE}>
              <Text size="sm">
                The audit log's end was noted beside backups and saved files. {v.anchorsFailed.length === 1 ? 'One of those notes does' : `${v.anchorsFailed.length} of those notes do`} not match it, so entries were
                removed or rewritten outside the app by someone holding the key. Tell your information governance lead.
              </Text>
              <List size="sm" mt="xs">
                {v.anchorsFailed.slice(0, 10).map((a) => (
                  <List.Item key={`${a.source}-${a.name}`}>
                    {a.source === 'backup' ? 'Backup' : 'Saved file'} {a.name} ({dayjs(a.at).format('DD/MM/YYYY HH:mm')}): {a.problem === 'cut' ? `noted ${countOf(a.entries, 'entry', 'entries')}; fewer are left` : `entry ${a.entries.toLocaleString('en-GB')} has been rewritten`}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {v && (
            <Text size="xs" c="dimmed" mt="xs">
              The end of the audit log now: entry {v.head.entries.toLocaleString('en-GB')}, fingerprint <Code>{v.head.hash.slice(0, 16)}</Code>. Noting this down (or printing it) gives another check.
            </Text>
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
