// The programme's own lists (support types, how contacts and events are held, signposting
// categories, closure reasons, referral sources), one at a time: add, rename, retire, set the
// trust's code. An entry on any record cannot be deleted, only retired; an unused one may be.
import { Alert, Button, Group, Loader, Modal, NativeSelect, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ListItem, ListKey } from '../../../../core/domain/programmeLists';
import { call, errorMessage } from '../../shared/api';
import { notifySuccess } from '../../shared/notify';
import { setAnswer } from '../../shared/queryKeys';
import { StackedTable } from '../../shared/StackedTable';
import { Tag } from '../../shared/Tag';
import { useProgrammeLists } from '../../shared/useProgrammeLists';
import { ListItemModal } from './ListItemModal';

export function ProgrammeListsPanel() {
  const lists = useProgrammeLists();
  const [key, setKey] = useState<ListKey>('contact_type');
  // null: closed; 'new': adding; an item: changing it.
  const [editing, setEditing] = useState<ListItem | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ListItem | null>(null);
  const list = lists.data?.find((l) => l.key === key);
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={3} size="h4">
          Programme lists
        </Title>
        <Text size="sm">
          The choices workers see for the programme’s own kinds of support, events, signposting, closure reasons and referral sources. A profile file from your trust can set them for all
          its clinics.
        </Text>
        {lists.isPending && <Loader aria-label="Loading the lists" />}
        {lists.isError && <Alert color="red" role="alert">{errorMessage(lists.error)}</Alert>}
        {lists.data && (
          <Group align="flex-end" justify="space-between">
            <NativeSelect label="List" data={lists.data.map((l) => ({ value: l.key, label: l.name }))} value={key} onChange={(e) => setKey(e.currentTarget.value as ListKey)} w={320} />
            <Button variant="default" leftSection={<IconPlus aria-hidden size={16} />} onClick={() => setEditing('new')}>
              Add an entry
            </Button>
          </Group>
        )}
        {list && (
          <StackedTable stackBelow="sm" aria-label={list.name} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Entry</Table.Th>
                <Table.Th w={130}>Trust’s code</Table.Th>
                <Table.Th w={100}>Offered</Table.Th>
                <Table.Th w={90}>Records</Table.Th>
                <Table.Th w={190}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((i) => (
                <Table.Tr key={i.code}>
                  <Table.Td data-lead>{i.label}</Table.Td>
                  <Table.Td data-label="Trust’s code">
                    <Text span size="sm" ff="monospace">
                      {i.trustCode ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label="Offered">
                    {i.retiredAt ? (
                      <Tag tone="neutral" size="sm">
                        Retired
                      </Tag>
                    ) : (
                      <Text span size="sm">
                        Yes
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-label="Records">
                    <Text span size="sm">
                      {i.used}
                    </Text>
                  </Table.Td>
                  <Table.Td data-wide>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Button variant="subtle" size="compact-sm" leftSection={<IconPencil aria-hidden size={14} />} aria-label={`Change ${i.label}`} onClick={() => setEditing(i)}>
                        Change
                      </Button>
                      {i.used === 0 && (
                        <Button variant="subtle" color="red" size="compact-sm" leftSection={<IconTrash aria-hidden size={14} />} aria-label={`Delete ${i.label}`} onClick={() => setDeleting(i)}>
                          Delete
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackedTable>
        )}
      </Stack>
      {list && editing && <ListItemModal list={list} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {list && deleting && <DeleteItemModal listKey={list.key} item={deleting} onClose={() => setDeleting(null)} />}
    </Paper>
  );
}

/** Deleting an entry no record holds: asked first, and refused (with the reason) if one does by now. */
function DeleteItemModal({ listKey, item, onClose }: { listKey: ListKey; item: ListItem; onClose: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => call('lists.remove', { list: listKey, code: item.code }),
    onSuccess: (all) => {
      setAnswer(queryClient, 'lists.get', {}, all);
      notifySuccess('Entry deleted');
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`Delete “${item.label}”?`}>
      <Stack>
        <Text size="sm">No record has it, so it can be deleted. To keep it for reference instead, change it and untick “Offered for new records”.</Text>
        {remove.error && (
          <Alert color="red" role="alert">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            Delete entry
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
