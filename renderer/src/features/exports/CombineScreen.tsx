// Combine returns: a coordinator with clinics on several PCs opens each workstation's return data
// file (true counts, sealed to a passphrase), checks each file's fingerprint with whoever sent it,
// and saves one return per site and in total, small numbers hidden only after combining (hidden
// counts cannot be added up), in the trust's layout.
import { Button, Code, FileInput, Group, NativeSelect, Paper, PasswordInput, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconFiles } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { COMBINED_RETURN_ID, type CombinePreview } from '../../../../core/domain/export/combineRequest';
import { displayDate } from '../../../../core/domain/dates';
import type { FileType } from '../../../../core/domain/export/profile';
import { countOf } from '../../../../core/domain/plural';
import { ApiFailure, call, errorMessage } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { callQuery } from '../../shared/queryKeys';
import { ScreenTitle } from '../../shared/ScreenTitle';
import { Fingerprint, SavedWhere } from '../../shared/SavedFile';
import { MAX_RETURN_FILE_BYTES, readReturnFile } from './returnFiles';

type Errors = { files?: string; passphrase?: string };

export function CombineScreen() {
  const layouts = useQuery(callQuery('exports.layouts', {}));
  const [chosen, setChosen] = useState<File[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [opened, setOpened] = useState<{ files: { name: string; data: string }[]; preview: CombinePreview } | null>(null);
  const [site, setSite] = useState('ALL');
  const [layoutId, setLayoutId] = useState(COMBINED_RETURN_ID);
  const [fileType, setFileType] = useState<FileType>('csv');

  const combine = useMutation({
    mutationFn: async () => {
      const files = await Promise.all(chosen.map(readReturnFile));
      return { files, preview: await call('returns.combine', { files, passphrase }) };
    },
    onSuccess: (result) => {
      setOpened(result);
      setSite('ALL');
      save.reset();
    },
    onError: (e) => {
      setOpened(null);
      // A passphrase that opens no file is said beside the passphrase; the rest name their file.
      setErrors(e instanceof ApiFailure && e.error.code === 'WRONG_PASSPHRASE' ? { passphrase: e.error.message } : { files: errorMessage(e) });
    },
  });
  const save = useMutation({
    mutationFn: () => call('returns.saveCombined', { files: opened!.files, passphrase, profileId: layoutId, fileType }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (chosen.length === 0) found.files = 'Choose the workstations’ return data files.';
    else if (chosen.some((f) => f.size > MAX_RETURN_FILE_BYTES)) found.files = `“${chosen.find((f) => f.size > MAX_RETURN_FILE_BYTES)!.name}” is too large to be a return data file.`;
    if (!passphrase) found.passphrase = 'Enter the passphrase the workstations saved their files with.';
    setErrors(found);
    if (found.files || found.passphrase) return;
    combine.mutate();
  };

  const siteRows = opened ? opened.preview.rows.filter((r) => r[1] === site) : [];
  return (
    <Stack gap="md">
      <div>
        <ScreenTitle>Combine returns</ScreenTitle>
        <Text c="dimmed" size="sm" maw={720}>
          Each clinic PC saves a return data file from its Export screen, with the passphrase you give it. Open them all here: the figures are added up per site and
          for all sites, and only then are small numbers hidden, so no hidden count can be worked out from the total and the other sites.
        </Text>
      </div>
      <Paper component="section" aria-labelledby="combine-open-title" withBorder p="md">
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={errors} />
          <Stack gap="md" maw={560}>
            <Title order={3} size="h4" id="combine-open-title">
              Open the workstations’ files
            </Title>
            <FileInput
              id="combine-files"
              data-path="files"
              label="Return data files"
              description="One file from each PC, all for the same period."
              // Named on the button and on the hidden file field too: HTML_CodeSniffer does not
              // take the label's "for" as a button's name.
              aria-label={chosen.length > 0 ? `Return data files: ${chosen.map((f) => f.name).join(', ')}` : 'Return data files'}
              fileInputProps={{ 'aria-label': 'Return data files' }}
              multiple
              clearable
              clearButtonProps={{ 'aria-label': 'Clear the chosen files' }}
              accept=".json,application/json"
              value={chosen}
              onChange={(files) => {
                setChosen(files);
                setErrors({});
                setOpened(null);
              }}
              error={errors.files}
            />
            <PasswordInput
              id="combine-passphrase"
              data-path="passphrase"
              label="Passphrase"
              description="The one the workstations saved their files with."
              value={passphrase}
              onChange={(e) => {
                setPassphrase(e.currentTarget.value);
                setErrors((x) => ({ ...x, passphrase: undefined }));
              }}
              error={errors.passphrase}
              autoComplete="off"
            />
            <Group>
              <Button type="submit" loading={combine.isPending} leftSection={<IconFiles size={16} aria-hidden />}>
                Combine
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {opened && (
        <>
          <Paper component="section" aria-labelledby="combine-files-title" withBorder p="md">
            <Title order={3} size="h4" id="combine-files-title" mb="xs">
              {countOf(opened.preview.files.length, 'file')} for {opened.preview.period.label}
            </Title>
            <Text size="sm" mb="sm">
              Read each fingerprint to the person who sent the file: if any group of four differs, the file is not the one they saved.
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table data-testid="combined-files">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">File</Table.Th>
                    <Table.Th scope="col">Site</Table.Th>
                    <Table.Th scope="col">Saved on</Table.Th>
                    <Table.Th scope="col">App version</Table.Th>
                    <Table.Th scope="col">Fingerprint (SHA-256)</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {opened.preview.files.map((f) => (
                    <Table.Tr key={f.fileName}>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{f.fileName}</Table.Td>
                      <Table.Td>
                        {f.siteName} ({f.siteOds})
                      </Table.Td>
                      <Table.Td>{displayDate(f.exportedAt.slice(0, 10))}</Table.Td>
                      <Table.Td>{f.appVersion}</Table.Td>
                      <Table.Td>
                        <Code style={{ whiteSpace: 'normal' }}>{f.fingerprint}</Code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>

          <Paper component="section" aria-labelledby="combine-figures-title" withBorder p="md">
            <Stack gap="sm">
              <Title order={3} size="h4" id="combine-figures-title">
                Combined figures (small numbers hidden)
              </Title>
              <NativeSelect
                label="Site to show"
                maw={360}
                data={opened.preview.sites.map((s) => ({ value: s.odsCode, label: s.odsCode === 'ALL' ? 'All sites together' : `${s.name} (${s.odsCode})` }))}
                value={site}
                onChange={(e) => setSite(e.currentTarget.value)}
              />
              <Table.ScrollContainer minWidth={560} mah={420}>
                <Table stickyHeader data-testid="combined-figures">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Measure</Table.Th>
                      <Table.Th scope="col">Breakdown</Table.Th>
                      <Table.Th scope="col">Category</Table.Th>
                      <Table.Th scope="col">Value</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {siteRows.map((r) => (
                      <Table.Tr key={`${r[2]}/${r[3]}/${r[4]}`}>
                        <Table.Td>{r[2]}</Table.Td>
                        <Table.Td>{r[3]}</Table.Td>
                        <Table.Td>{r[4]}</Table.Td>
                        <Table.Td>{r[5]}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          </Paper>

          <Paper component="section" aria-labelledby="combine-save-title" withBorder p="md">
            <Stack gap="md" maw={560}>
              <Title order={3} size="h4" id="combine-save-title">
                Save the combined return
              </Title>
              <NativeSelect
                label="Layout"
                description="The trust’s layout, if it sent one (Export → profiles), or the return as the app lays it out, with a site column."
                data={[{ value: COMBINED_RETURN_ID, label: 'Monthly return, one row per figure, with the site' }, ...(layouts.data ?? []).map((l) => ({ value: l.id, label: l.name }))]}
                value={layoutId}
                onChange={(e) => {
                  setLayoutId(e.currentTarget.value);
                  save.reset();
                }}
              />
              <Radio.Group label="File type" value={fileType} onChange={(v) => setFileType(v as FileType)}>
                <Group gap="lg" mt={6}>
                  <Radio value="csv" label="CSV (.csv)" />
                  <Radio value="xlsx" label="Excel workbook (.xlsx)" />
                </Group>
              </Radio.Group>
              <Group>
                <Button onClick={() => save.mutate()} loading={save.isPending}>
                  Save combined return
                </Button>
              </Group>
              <div aria-live="polite">
                {save.data && (
                  <Stack gap={4}>
                    <Text size="sm" fw={700}>
                      Saved {save.data.fileName} ({countOf(save.data.rows, 'row')}).
                    </Text>
                    <SavedWhere fileName={save.data.fileName} location={save.data.location} />
                    <Fingerprint sha256={save.data.sha256} />
                  </Stack>
                )}
                {save.error && (
                  <Text c="red.9" fw={700} role="alert">
                    {errorMessage(save.error)}
                  </Text>
                )}
              </div>
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}
