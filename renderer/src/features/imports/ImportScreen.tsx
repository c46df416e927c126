// Importing people from a spreadsheet: choose the file, say what its columns are, check it (a dry
// run that writes nothing), then import everyone in one go. The last import can be undone.
import { Alert, Anchor, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportCheck, ImportDone, ImportFile } from '../../../../core/domain/import/check';
import type { ImportMapping } from '../../../../core/domain/import/rows';
import { countOf } from '../../../../core/domain/plural';
import { call, errorMessage } from '../../shared/api';
import { GOOD_TITLE } from '../../shared/contrast';
import { useNavigation } from '../../shared/navigation';
import { refresh } from '../../shared/queryKeys';
import { ScreenTitle } from '../../shared/ScreenTitle';
import { ChooseFile } from './ChooseFile';
import { CheckReport } from './CheckReport';
import { LastImport } from './LastImport';
import { MappingForm } from './MappingForm';
import { useImportProgress } from './useImportProgress';

export function ImportScreen() {
  const queryClient = useQueryClient();
  const { go } = useNavigation();
  const [opened, setOpened] = useState<{ file: ImportFile; name: string } | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({ columns: [], values: {} });
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [done, setDone] = useState<ImportDone | null>(null);

  const runCheck = useMutation({ mutationFn: () => call('imports.check', { mapping }), onSuccess: setCheck });
  const runImport = useMutation({
    mutationFn: () => call('imports.run', { mapping }),
    onSuccess: (result) => {
      setDone(result);
      setOpened(null);
      setCheck(null);
      refresh(queryClient, 'imports', 'people', 'myDay', 'reports');
    },
  });
  const percent = useImportProgress(runCheck.isPending || runImport.isPending);
  const startAgain = () => {
    setOpened(null);
    setCheck(null);
    setDone(null);
    runImport.reset();
  };

  return (
    <Stack gap="lg">
      <ScreenTitle>Import from a spreadsheet</ScreenTitle>
      {done && (
        <Alert color="green" title="Imported" styles={GOOD_TITLE} role="status">
          <Stack gap="xs">
            <Text>
              {countOf(done.created, 'person', 'people')} added to the caseload, each with a referral.
              {done.skipped > 0 ? ` ${countOf(done.skipped, 'row')} for people already on the caseload left out.` : ''}
            </Text>
            <Group>
              <Button onClick={() => go({ name: 'caseload' })}>Go to the caseload</Button>
              <Button variant="default" onClick={startAgain}>
                Import another file
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <LastImport />
      {!opened && !done && (
        <ChooseFile
          onOpened={(file, name) => {
            setOpened({ file, name });
            setMapping({ columns: file.columns, values: {} });
            setCheck(null);
          }}
        />
      )}
      {opened && (
        <Stack gap="md">
          <Text>
            <strong>{opened.name}</strong>: {countOf(opened.file.rows, 'row')} under the headers on row {opened.file.headerRow}
            {opened.file.sheet ? ` of the sheet “${opened.file.sheet}”` : ''}.
            {opened.file.hiddenColumns > 0 ? ` ${countOf(opened.file.hiddenColumns, 'hidden column')} left out.` : ''}{' '}
            <Anchor component="button" type="button" onClick={startAgain}>
              Choose another file
            </Anchor>
          </Text>
          <MappingForm
            file={opened.file}
            mapping={mapping}
            onChange={(m) => {
              setMapping(m);
              runImport.reset();
            }}
            onCheck={() => runCheck.mutate()}
            checking={runCheck.isPending}
            check={check}
          />
          {runCheck.isPending && percent !== null && <Progress value={percent} aria-label="Check progress" />}
          {runCheck.isError && (
            <Alert color="red" title="The file was not checked" role="alert">
              {errorMessage(runCheck.error)}
            </Alert>
          )}
          {check && <CheckReport check={check} onImport={() => runImport.mutate()} importing={runImport.isPending} percent={percent} />}
          {runImport.isError && (
            <Alert color="red" title="Nothing was imported" role="alert">
              {errorMessage(runImport.error)}
            </Alert>
          )}
        </Stack>
      )}
    </Stack>
  );
}
