// Step 1: what is being imported, and the file (a password for a protected workbook, if it has one).
import { Alert, Button, FileButton, Group, PasswordInput, Radio, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ImportFile } from '../../../../core/domain/import/check';
import type { ImportKind } from '../../../../core/domain/import/fields';
import { ApiFailure, call, errorMessage } from '../../shared/api';
import { readAsBase64 } from './fileBytes';

export function ChooseFile({ onOpened }: { onOpened: (file: ImportFile, name: string) => void }) {
  const [kind, setKind] = useState<ImportKind>('caseload');
  const [chosen, setChosen] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [needsPassword, setNeedsPassword] = useState(false);
  const resetFile = useRef<() => void>(null);
  const open = useMutation({
    mutationFn: async ({ file, password: typed }: { file: File; password?: string }) => call('imports.open', { kind, fileName: file.name, data: await readAsBase64(file), password: typed || undefined }),
    onSuccess: (file, { file: chosenFile }) => onOpened(file, chosenFile.name),
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields?.password) setNeedsPassword(true);
    },
    onSettled: () => resetFile.current?.(),
  });
  // The first ask is not an error: only a password tried and refused is.
  const tried = !!open.variables?.password;
  const passwordProblem = tried && open.error instanceof ApiFailure ? open.error.error.fields?.password : undefined;
  const choose = (file: File | null) => {
    if (!file) return;
    setChosen(file);
    setNeedsPassword(false);
    setPassword('');
    open.mutate({ file });
  };

  return (
    <Stack gap="md" maw={720}>
      <Radio.Group label="What are you importing?" value={kind} onChange={(v) => setKind(v as ImportKind)}>
        <Stack gap="xs" mt="xs">
          <Radio value="caseload" label="A caseload spreadsheet" description="The people you support now, each with the date they were referred." />
          <Radio value="opt_out" label="The clinic’s opt-out referral list" description="Everyone on it is added with an opt-out referral (new diagnosis, or re-engaging in care where the list says so)." />
        </Stack>
      </Radio.Group>
      <Text size="sm">An Excel workbook (.xlsx, with or without a password) or a CSV file. Nothing is added until you have checked the file and chosen to import it.</Text>
      <Group>
        <FileButton onChange={choose} accept=".xlsx,.xlsm,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" resetRef={resetFile} inputProps={{ 'aria-label': 'Spreadsheet to import' }}>
          {(props) => (
            <Button {...props} leftSection={<IconFileSpreadsheet aria-hidden size={18} />} loading={open.isPending && !needsPassword}>
              Choose a file
            </Button>
          )}
        </FileButton>
      </Group>
      {needsPassword && chosen && !tried && <Text size="sm">This workbook has a password. Type it to open the workbook.</Text>}
      {needsPassword && chosen && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            open.mutate({ file: chosen, password });
          }}
        >
          <Stack gap="xs" maw={420}>
            <PasswordInput label="Workbook password" description="Used only to open the file for this import; it is not kept." value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={passwordProblem} autoFocus />
            <Group>
              <Button type="submit" loading={open.isPending}>
                Open the workbook
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {open.isError && !needsPassword && (
        <Alert color="red" title="The file was not opened" role="alert">
          {errorMessage(open.error)}
        </Alert>
      )}
    </Stack>
  );
}
