// The worker's caseload: search, the list, and adding a person.
import { Alert, Button, EmptyState, Group, Loader, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { displayDate } from '../../../core/domain/dates';
import { formatNhsNumber } from '../../../core/domain/nhsNumber';
import { call, errorMessage } from '../api';
import { AddPersonModal } from '../components/AddPersonModal';

export function CaseloadScreen() {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 120);
  const [adding, addModal] = useDisclosure(false);
  const people = useQuery({ queryKey: ['people', query], queryFn: () => call('people.list', query ? { query } : {}), placeholderData: (prev) => prev });

  const nobodyYet = !query && people.data?.length === 0;
  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2}>Caseload</Title>
        <Button leftSection={<IconUserPlus size={18} />} onClick={addModal.open}>
          Add person
        </Button>
      </Group>
      {!nobodyYet && (
        <TextInput
          label="Search"
          description="Case ID, name or NHS Number"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maw={420}
          mb="md"
        />
      )}
      {people.isPending && <Loader aria-label="Loading the caseload" />}
      {people.isError && (
        <Alert color="red" role="alert">
          {errorMessage(people.error)}
        </Alert>
      )}
      {nobodyYet && (
        <EmptyState
          mt="xl"
          icon={<IconUsers size={32} />}
          variant="light"
          title="No one on your caseload yet"
          description="When someone is referred to you, add them here. You will get a case ID to use instead of their name on anything that leaves this computer."
        >
          <EmptyState.Actions>
            <Button onClick={addModal.open} leftSection={<IconUserPlus size={18} />}>
              Add the first person
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {people.data && !nobodyYet && (
        <>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {query ? `${people.data.length} found` : `${people.data.length} ${people.data.length === 1 ? 'person' : 'people'}`}
          </Text>
          <Table striped highlightOnHover stickyHeader aria-label="People on the caseload">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Case ID</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>NHS Number</Table.Th>
                <Table.Th>Date of birth</Table.Th>
                <Table.Th>Referred</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td ff="monospace">{p.caseId}</Table.Td>
                  <Table.Td maw={320} style={{ overflowWrap: 'anywhere' }}>
                    {p.preferredName}
                  </Table.Td>
                  <Table.Td>{p.nhsNumber ? formatNhsNumber(p.nhsNumber) : <Text span c="dimmed" size="sm">Not given</Text>}</Table.Td>
                  <Table.Td>{displayDate(p.dateOfBirth)}</Table.Td>
                  <Table.Td>{displayDate(p.referralReceivedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {query && people.data.length === 0 && (
            <Text mt="md">No one matches “{query}”. Check the spelling, or search by case ID or NHS Number.</Text>
          )}
        </>
      )}
      <AddPersonModal opened={adding} onClose={addModal.close} />
    </>
  );
}
