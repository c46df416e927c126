// Picking a profile's columns from the catalogue, putting them in order and renaming their
// headers. Everything is a button or a text box, so it works from the keyboard alone; after a
// move or a removal the focus stays with the column that moved, or the next one.
import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { CATALOGUE, type Dataset, type ExportColumn } from '../../../../core/domain/export/catalogue';
import { Tag } from '../../shared/Tag';
import type { ColumnValue } from './profileForm';

interface Props {
  dataset: Dataset;
  identifiable: boolean;
  columns: ColumnValue[];
  onChange: (columns: ColumnValue[]) => void;
  /** Form errors by path: "columns", "columns.3.id", "columns.3.header". */
  errors: Record<string, unknown>;
}

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
const domId = (action: string, columnId: string) => `column-${action}-${columnId}`;

export function ColumnPicker({ dataset, identifiable, columns, onChange, errors }: Props) {
  const [find, setFind] = useState('');
  const catalogue = CATALOGUE[dataset];
  const chosen = new Set(columns.map((c) => c.id));
  const needle = find.trim().toLowerCase();
  const available = catalogue.filter((c) => !chosen.has(c.id) && (!needle || c.header.toLowerCase().includes(needle) || c.id.includes(needle)));
  const addable = (c: ExportColumn) => identifiable || !c.identifiable;
  const headerOf = (id: string) => catalogue.find((c) => c.id === id)?.header ?? id;

  const add = (c: ExportColumn) => {
    const i = available.indexOf(c);
    const next = available.slice(i + 1).find(addable) ?? available.slice(0, i).reverse().find(addable);
    onChange([...columns, { id: c.id, header: c.header }]);
    focusSoon(next ? domId('add', next.id) : 'column-find');
  };
  const move = (i: number, by: -1 | 1) => {
    const list = [...columns];
    [list[i], list[i + by]] = [list[i + by], list[i]];
    onChange(list);
    const id = columns[i].id;
    const atEdge = (by === -1 && i + by === 0) || (by === 1 && i + by === columns.length - 1);
    focusSoon(domId(atEdge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down', id));
  };
  const remove = (i: number) => {
    const after = columns[i + 1] ?? columns[i - 1];
    onChange(columns.filter((_, j) => j !== i));
    focusSoon(after ? domId('remove', after.id) : 'column-find');
  };
  const listError = typeof errors.columns === 'string' ? errors.columns : null;

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="sm" component="section" aria-labelledby="available-title">
        <Stack gap="xs">
          <Title order={4} size="h6" id="available-title">
            Columns you can add
          </Title>
          <TextInput
            id="column-find"
            label="Find a column"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={find}
            onChange={(e) => setFind(e.currentTarget.value)}
          />
          <Button
            variant="default"
            size="xs"
            disabled={!available.some(addable)}
            onClick={() => onChange([...columns, ...available.filter(addable).map((c) => ({ id: c.id, header: c.header }))])}
          >
            {needle ? 'Add all found' : 'Add all'}
          </Button>
          <div style={{ maxHeight: 360, overflowY: 'auto' }}>
            {available.length === 0 ? (
              <Text size="sm" c="dimmed" py="xs">
                {needle ? 'No column matches that.' : 'Every column is in the file.'}
              </Text>
            ) : (
              <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Columns you can add">
                {available.map((c) => (
                  <Group component="li" key={c.id} justify="space-between" wrap="nowrap" gap="xs" py={2}>
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm">{c.header}</Text>
                      {c.identifiable && (
                        <Tag tone="warning" size="xs">
                          Identifies the person
                        </Tag>
                      )}
                    </div>
                    <Button
                      id={domId('add', c.id)}
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      disabled={!addable(c)}
                      title={addable(c) ? undefined : 'Only an identifiable profile can hold this column'}
                      aria-label={`Add ${c.header}`}
                      onClick={() => add(c)}
                    >
                      Add
                    </Button>
                  </Group>
                ))}
              </Stack>
            )}
          </div>
          {!identifiable && catalogue.some((c) => c.identifiable) && (
            <Text size="xs" c="dimmed">
              Columns that identify the person can be added only to a profile marked identifiable.
            </Text>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="sm" component="section" aria-labelledby="chosen-title" style={listError ? { borderColor: 'var(--mantine-color-error)' } : undefined}>
        <Stack gap="xs">
          <Title order={4} size="h6" id="chosen-title">
            Columns in the file, in order ({columns.length})
          </Title>
          {listError && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {listError}
            </Text>
          )}
          {columns.length === 0 ? (
            <Text size="sm" c="dimmed" py="xs">
              None yet. Add them from “Columns you can add”; you can then rename each header and put them in order here.
            </Text>
          ) : (
            <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none', maxHeight: 430, overflowY: 'auto' }}>
              {columns.map((c, i) => {
                const original = headerOf(c.id);
                const problem = errors[`columns.${i}.id`];
                return (
                  <Group component="li" key={c.id} wrap="nowrap" gap={6} align="flex-start">
                    <Text size="sm" c="dimmed" w={24} ta="right" pt={6} aria-hidden>
                      {i + 1}
                    </Text>
                    <TextInput
                      style={{ flex: 1, minWidth: 0 }}
                      size="xs"
                      aria-label={`Header for ${original} (column ${i + 1})`}
                      value={c.header}
                      description={c.header.trim() && c.header.trim() !== original ? `From: ${original}` : undefined}
                      inputWrapperOrder={['input', 'description', 'error']}
                      error={(problem as string | undefined) ?? (errors[`columns.${i}.header`] as string | undefined)}
                      onChange={(e) => onChange(columns.map((x, j) => (j === i ? { ...x, header: e.currentTarget.value } : x)))}
                    />
                    <ActionIcon id={domId('up', c.id)} variant="default" size={30} disabled={i === 0} aria-label={`Move ${original} up`} onClick={() => move(i, -1)}>
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      id={domId('down', c.id)}
                      variant="default"
                      size={30}
                      disabled={i === columns.length - 1}
                      aria-label={`Move ${original} down`}
                      onClick={() => move(i, 1)}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon id={domId('remove', c.id)} variant="default" size={30} aria-label={`Remove ${original}`} onClick={() => remove(i)}>
                      <IconX size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                );
              })}
            </Stack>
          )}
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
