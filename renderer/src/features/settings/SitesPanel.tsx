// The clinic sites people are seen at, each with its ODS code. Sites are never deleted (old
// records point at them): one no longer used is marked so and stops being offered.
import { Alert, Button, EmptyState, Group, Loader, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconBuildingHospital, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Site } from '../../../../core/domain/site';
import { errorMessage } from '../../shared/api';
import { useSites } from '../../shared/useSites';
import { SiteModal } from './SiteModal';
import { Tag } from '../../shared/Tag';
import { StackedTable } from '../../shared/StackedTable';

export function SitesPanel() {
  const sites = useSites();
  // null: closed; 'new': adding; a site: editing it.
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            Clinic sites
          </Title>
          {!!sites.data?.length && (
            <Button variant="default" leftSection={<IconPlus aria-hidden size={16} />} onClick={() => setEditing('new')}>
              Add a site
            </Button>
          )}
        </Group>
        {sites.isPending && <Loader role="status" aria-label="Loading sites" />}
        {sites.isError && <Alert color="red" role="alert">{errorMessage(sites.error)}</Alert>}
        {sites.data?.length === 0 && (
          <EmptyState
            icon={<IconBuildingHospital aria-hidden size={28} />}
            variant="light"
            title="No clinic sites yet"
            description="Add the sites where you see people, with their ODS codes (for example RQM01). You can then record each person’s site and filter the caseload by site."
          >
            <EmptyState.Actions>
              <Button leftSection={<IconPlus aria-hidden size={16} />} onClick={() => setEditing('new')}>
                Add a site
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        )}
        {!!sites.data?.length && (
          <StackedTable stackBelow="sm" aria-label="Clinic sites" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Site</Table.Th>
                <Table.Th w={120}>ODS code</Table.Th>
                <Table.Th w={150}>In use</Table.Th>
                <Table.Th w={90}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sites.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td data-lead>{s.name}</Table.Td>
                  <Table.Td data-label="ODS code">
                    <Text span size="sm" ff="monospace">
                      {s.odsCode}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label="In use">
                    {s.active ? (
                      <Text span size="sm">Yes</Text>
                    ) : (
                      <Tag tone="neutral" size="sm">
                        No longer used
                      </Tag>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" leftSection={<IconPencil aria-hidden size={14} />} aria-label={`Edit ${s.name}`} onClick={() => setEditing(s)}>
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </StackedTable>
        )}
      </Stack>
      {editing && <SiteModal site={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}
