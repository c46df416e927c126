// Records kept past the retention setting, and deleting them. Nothing is deleted without the
// coordinator looking at the list and typing how many records will go; the app says plainly that
// backups still hold them until they age out. (A coordinator's task: Settings shows it to
// coordinators only.)
import { Alert, Anchor, Button, Group, Loader, Modal, Paper, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle, IconTrash } from '@tabler/icons-react';
import { useIsMutating, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { displayDate } from '../../../../core/domain/dates';
import type { RetentionCandidate, RetentionList } from '../../../../core/domain/retention';
import { call, errorMessage } from '../../shared/api';
import { useNavigation } from '../../shared/navigation';
import { notifySuccess } from '../../shared/notify';
import { callQuery, refresh } from '../../shared/queryKeys';
import { closableUnless } from '../../shared/closableUnless';
import { countOf, pluralWord } from '../../../../core/domain/plural';

const records = (n: number) => countOf(n, 'record');

export function RetentionPanel() {
  const list = useQuery(callQuery('retention.list', {}));
  const [confirming, setConfirming] = useState<RetentionCandidate[] | null>(null);
  const purging = useIsMutating({ mutationKey: PURGING }) > 0;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="retention-heading">
      <Stack>
        <Title order={3} size="h4" id="retention-heading">
          Retention
        </Title>
        {list.isPending && <Loader role="status" aria-label="Loading records past retention" />}
        {list.isError && (
          <Alert color="red" role="alert">
            {errorMessage(list.error)}
          </Alert>
        )}
        {list.data && <Listing data={list.data} onDelete={() => setConfirming(list.data.people)} />}
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? `Delete ${records(confirming.length)} for good?` : ''}
        {...closableUnless(purging)}
      >
        {confirming && <ConfirmDelete people={confirming} onClose={() => setConfirming(null)} />}
      </Modal>
    </Paper>
  );
}

function Listing({ data, onDelete }: { data: RetentionList; onDelete: () => void }) {
  const { go } = useNavigation();
  const n = data.people.length;
  return (
    <>
      <Text size="sm">
        Records are kept {countOf(data.years, 'year')} after support ends (change this under Keeping records). A record is past retention when none of its episodes is open and its
        latest closure was longer ago than that.
      </Text>
      {n === 0 ? (
        <Text fw={600}>No records are past retention.</Text>
      ) : (
        <>
          <Text fw={600} aria-live="polite">
            {records(n)} {pluralWord(n, 'is', 'are')} past retention.
          </Text>
          <ScrollArea.Autosize mah={320} type="auto">
            <Table aria-label="Records past retention" verticalSpacing={4} stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Case ID</Table.Th>
                  <Table.Th>Support ended</Table.Th>
                  <Table.Th>Years since</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.people.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      {/* Open the record to check it before deleting. */}
                      <Anchor component="button" type="button" ff="monospace" size="sm" onClick={() => go({ name: 'person', personId: p.id })} aria-label={`Open the record ${p.caseId}`}>
                        {p.caseId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.basis === 'closed' ? displayDate(p.endedOn) : `Never referred (record made ${displayDate(p.endedOn)})`}</Table.Td>
                    <Table.Td>{p.yearsSince}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title="Backups still hold deleted records" styles={{ title: { color: '#0b3d91' } }}>
        Deleting removes the records from the caseload at once. Backups made before then still hold them until they are replaced: the caseload keeps its {data.backupKeep} most recent
        backups (one a day when it is used), so the deleted records are gone from backups after about {countOf(data.backupKeep, 'more day', 'more days')} of use. The audit log keeps one line for each deleted record, with
        its number only.
      </Alert>
      {n > 0 && (
        <Group>
          <Button color="red.9" leftSection={<IconTrash size={16} aria-hidden />} onClick={onDelete}>
            Delete these records
          </Button>
        </Group>
      )}
    </>
  );
}

const PURGING = ['retention.purge'];

function ConfirmDelete({ people, onClose }: { people: RetentionCandidate[]; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const n = people.length;
  const purge = useMutation({
    mutationKey: PURGING,
    mutationFn: () => call('retention.purge', { ids: people.map((p) => p.id) }),
    onSuccess: (r) => {
      notifySuccess(`${records(r.purged)} deleted.`);
      onClose();
    },
    // Whatever happened, the list and the caseload are read again.
    onSettled: () => {
      refresh(queryClient, 'retention.list', 'people.list', 'myDay', 'groups.list');
    },
  });
  const matches = typed.trim() === String(n);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (matches) purge.mutate();
      }}
      noValidate
    >
      <Stack>
        <Text size="sm">
          This deletes everything in {n === 1 ? 'this record' : `these ${n} records`}: personal details, referrals, contacts and their notes, goals, signposting, questionnaires, risk flags and
          places at groups. It cannot be undone.
        </Text>
        <TextInput
          label={`Type ${n} to confirm`}
          description="The number of records to be deleted."
          inputMode="numeric"
          autoComplete="off"
          data-autofocus
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          error={typed.trim() !== '' && !matches ? `Type ${n}, the number of records listed.` : undefined}
        />
        {purge.isError && (
          <Alert color="red" role="alert">
            {errorMessage(purge.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={purge.isPending}>
            Cancel
          </Button>
          <Button type="submit" color="red.9" disabled={!matches} loading={purge.isPending}>
            Delete {records(n)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
