// The worker's caseload: search, the list, and adding a person.
import { Alert, Button, EmptyState, Group, Loader, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../api';
import { AddPersonModal } from '../components/AddPersonModal';
import { CaseloadTable, usePeople } from '../components/CaseloadTable';

export function CaseloadScreen() {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 120);
  const [adding, addModal] = useDisclosure(false);
  const people = usePeople(query);
  const total = people.data?.pages[0]?.total;

  const nobodyYet = !query && total === 0;
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
      {total !== undefined && !nobodyYet && (
        <>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {query ? `${total.toLocaleString('en-GB')} found` : `${total.toLocaleString('en-GB')} ${total === 1 ? 'person' : 'people'}`}
          </Text>
          {total > 0 ? (
            <CaseloadTable people={people} />
          ) : (
            <Text mt="md">No one matches “{query}”. Check the spelling, or search by case ID or NHS Number.</Text>
          )}
        </>
      )}
      <AddPersonModal opened={adding} onClose={addModal.close} />
    </>
  );
}
