// The trust's layouts of the monthly return (coordinators): listed with their shape and codes,
// made, changed, saved as a file for other clinics, and deleted. A layout sent by the trust is
// imported with "Import a profile file" like any profile.
import { Alert, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReturnLayout } from '../../../../core/domain/export/returnLayout';
import { call, errorMessage } from '../../shared/api';
import { notifySuccess } from '../../shared/notify';
import { callQuery, refresh } from '../../shared/queryKeys';
import { isDownloadAddress } from './location';
import { EMPTY_LAYOUT, LayoutEditor, layoutValuesOf, type LayoutValues } from './LayoutEditor';
import { startDownload } from './profileFiles';

export function ReturnLayoutsPanel() {
  const queryClient = useQueryClient();
  const layouts = useQuery(callQuery('exports.layouts', {}));
  const profiles = useQuery(callQuery('exports.profiles', {}));
  const [editing, setEditing] = useState<{ values: LayoutValues; existing: boolean } | null>(null);
  const list = layouts.data ?? [];
  const taken = [...list.map((l) => l.id), ...(profiles.data ?? []).map((p) => p.id), 'monthly_return', 'combined_return'];
  const saveFile = useMutation({
    mutationFn: (id: string) => call('exports.saveProfileFile', { id }),
    onSuccess: (saved) => {
      if (isDownloadAddress(saved.location)) startDownload(saved.location, saved.fileName);
      else notifySuccess(`Saved as ${saved.location}`, 'Layout file saved');
    },
  });
  const remove = useMutation({
    mutationFn: (l: ReturnLayout) => call('exports.deleteProfile', { id: l.id }),
    onSuccess: (_, l) => {
      refresh(queryClient, 'exports.layouts');
      notifySuccess(l.name, 'Return layout deleted');
    },
  });
  return (
    <Paper component="section" aria-labelledby="layouts-title" withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4" id="layouts-title">
              The trust’s layouts of the monthly return
            </Title>
            <Text size="sm" c="dimmed" maw={640}>
              The same figures, laid out as the trust asks: one row per figure or one row per period and site, its column names and its codes.
            </Text>
          </div>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ values: EMPTY_LAYOUT, existing: false })}>
            New return layout
          </Button>
        </Group>
        {(saveFile.isError || remove.isError) && (
          <Alert color="red" role="alert">
            {errorMessage(saveFile.error ?? remove.error)}
          </Alert>
        )}
        {list.length === 0 ? (
          <Text size="sm" c="dimmed">
            No layouts yet. Make one, or import the profile file your trust sent.
          </Text>
        ) : (
          <Table aria-label="Return layouts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Layout</Table.Th>
                <Table.Th>Shape</Table.Th>
                <Table.Th>Trust’s codes</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.name}</Table.Td>
                  <Table.Td>{l.layout === 'wide' ? 'One row per period and site' : 'One row per figure'}</Table.Td>
                  <Table.Td>{l.codes.length}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end">
                      <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ values: layoutValuesOf(l), existing: true })} aria-label={`Edit ${l.name}`}>
                        Edit
                      </Button>
                      <Button size="compact-sm" variant="subtle" onClick={() => saveFile.mutate(l.id)} aria-label={`Save ${l.name} as a file`}>
                        Save file
                      </Button>
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => remove.mutate(l)} aria-label={`Delete ${l.name}`}>
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {editing && <LayoutEditor initial={editing.values} editing={editing.existing} takenIds={taken} onClose={() => setEditing(null)} />}
    </Paper>
  );
}
