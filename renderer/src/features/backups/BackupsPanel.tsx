// Settings → Backups: where backups go and how many are kept, the backups there now (when, size,
// people, checked), "Back up now", and restoring one. Saves on its own, like each settings panel.
import { Alert, Button, Code, Group, Loader, NumberInput, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDatabaseExport, IconFolder } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupInfo, BackupLocation } from '../../../../core/domain/backup';
import { SAME_DISK_WARNING } from '../../../../core/domain/places';
import type { Settings } from '../../../../core/domain/settings';
import { ApiFailure, call, errorMessage } from '../../shared/api';
import { Tag } from '../../shared/Tag';
import { WARNING_TITLE } from '../../shared/contrast';
import { useSettings } from '../../shared/useSettings';
import { callQuery, refresh, setAnswer } from '../../shared/queryKeys';
import { notifySuccess } from '../../shared/notify';
import { showLocked } from '../../shared/session';
import { backupWhen, fileSize } from './format';
import { RestoreBackupModal, type RestoreTarget } from './RestoreBackupModal';
import { StackedTable } from '../../shared/StackedTable';
import { countOf } from '../../../../core/domain/plural';


export function BackupsPanel() {
  const settings = useSettings();
  const location = useQuery(callQuery('backups.location', {}));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="backups-title">
      <Stack>
        <Title order={3} size="h4" id="backups-title">
          Backups
        </Title>
        <Text size="sm">
          The caseload is backed up once a day when it is first unlocked, and whenever you choose Back up now. Each backup is encrypted like the caseload and checked before it is kept; it opens with the passphrase or recovery key in use when it was taken.
        </Text>
        {(settings.isError || location.isError) && <Alert color="red" role="alert">{errorMessage(settings.error ?? location.error)}</Alert>}
        {location.data?.sameDiskAsCaseload && (
          // A warning, not a danger: nothing is wrong yet, but one broken PC would lose both.
          <Alert color="orange" variant="light" title="Backups are on this PC’s disk" styles={WARNING_TITLE}>
            <Text size="sm">{SAME_DISK_WARNING}</Text>
            {location.data.fixedByIt && (
              <Text size="sm" mt={6}>
                Your IT team set this folder, so only they can move it: tell them.
              </Text>
            )}
          </Alert>
        )}
        {settings.data && location.data ? <FolderForm saved={settings.data} location={location.data} /> : <Loader size="sm" role="status" aria-label="Loading backup settings" />}
        <BackupList />
      </Stack>
    </Paper>
  );
}

type FolderValues = { backupFolder: string; backupKeep: number };

function FolderForm({ saved, location }: { saved: Settings; location: BackupLocation }) {
  const { defaultFolder, fixedByIt } = location;
  const canChoose = location.canChooseFolder;
  const queryClient = useQueryClient();
  const form = useForm<FolderValues>({ mode: 'controlled', initialValues: { backupFolder: saved.backupFolder ?? '', backupKeep: saved.backupKeep } });
  const save = useMutation({
    // Where IT set the folder, only the number kept is the coordinator's to change.
    mutationFn: (v: FolderValues) => call('settings.update', fixedByIt ? { backupKeep: v.backupKeep } : { backupFolder: v.backupFolder.trim() || null, backupKeep: v.backupKeep }),
    onSuccess: (next) => {
      setAnswer(queryClient, 'settings.get', {}, next);
      form.resetDirty({ backupFolder: next.backupFolder ?? '', backupKeep: next.backupKeep });
      // The list and the location both follow the folder.
      refresh(queryClient, 'backups');
      notifySuccess('Backup settings saved');
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) form.setErrors(e.error.fields);
    },
  });
  const choose = useMutation({
    mutationFn: () => call('backups.chooseFolder', {}),
    onSuccess: ({ folder }) => folder && form.setFieldValue('backupFolder', folder),
  });
  const fieldErrors = save.error instanceof ApiFailure && save.error.error.fields;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {fixedByIt ? (
          <Stack gap={2}>
            <Text size="sm" style={{ fontWeight: 'var(--mantine-font-weight-medium)' }}>
              Backup folder
            </Text>
            <Text size="sm">
              <Code style={{ wordBreak: 'break-all' }}>{location.folder}</Code>
            </Text>
            <Text size="sm" c="dimmed">
              Set by your IT team
            </Text>
          </Stack>
        ) : (
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label="Backup folder"
            description={
              form.values.backupFolder.trim()
                ? 'The full path of a folder. A network drive is a good place for backups.'
                : `Empty: backups go to the folder beside the caseload (${defaultFolder}). A network drive is a good place for them.`
            }
            spellCheck={false}
            autoComplete="off"
            style={{ flex: 1 }}
            {...form.getInputProps('backupFolder')}
          />
          {canChoose && (
            <Button variant="default" leftSection={<IconFolder size={16} aria-hidden />} onClick={() => choose.mutate()} loading={choose.isPending}>
              Choose folder…
            </Button>
          )}
        </Group>
        )}
        <NumberInput
          label="Backups to keep"
          description="1 to 90. The oldest is removed when a new one is made."
          min={1}
          max={90}
          step={1}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          styles={{ wrapper: { width: 140 } }}
          {...form.getInputProps('backupKeep')}
        />
        {(choose.isError || (save.isError && !fieldErrors)) && (
          <Alert color="red" role="alert">
            {errorMessage(choose.error ?? save.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" variant="default" loading={save.isPending}>
            Save backup settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function BackupList() {
  const queryClient = useQueryClient();
  const backups = useQuery({ ...callQuery('backups.list', {}), refetchOnMount: 'always' });
  const [restoring, setRestoring] = useState<RestoreTarget | null>(null);
  const backUp = useMutation({
    mutationFn: () => call('backups.create', {}),
    onSuccess: (made) => {
      refresh(queryClient, 'backups');
      notifySuccess(`${made.people === null ? '' : `${countOf(made.people, 'person', 'people')}, `}${fileSize(made.bytes)}. It opened and passed its check.`, 'Backup made');
    },
  });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={4} size="h5">
          Backups in the folder
        </Title>
        <Button leftSection={<IconDatabaseExport size={16} aria-hidden />} onClick={() => backUp.mutate()} loading={backUp.isPending}>
          Back up now
        </Button>
      </Group>
      <div role="status" aria-live="polite">
        {backUp.isPending && (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Backing up and checking the backup… this can take a minute for a large caseload.</Text>
          </Group>
        )}
      </div>
      {backUp.isError && (
        <Alert color="red" role="alert" title="No backup was made">
          {errorMessage(backUp.error)}
        </Alert>
      )}
      {backups.isPending && (
        // The list waits for a backup under way (the day's first, just after unlock): say so.
        <Group gap="xs">
          <Loader size="xs" aria-hidden />
          <Text size="sm" role="status">
            Loading the backups. One being taken now is listed once it has been checked.
          </Text>
        </Group>
      )}
      {backups.isError && <Alert color="red" role="alert">{errorMessage(backups.error)}</Alert>}
      {backups.data?.length === 0 && <Text size="sm">No backups in this folder yet. Choose Back up now to make one.</Text>}
      {!!backups.data?.length && <BackupTable backups={backups.data} onRestore={setRestoring} />}
      {restoring && (
        <RestoreBackupModal
          target={restoring}
          current="working"
          onClose={() => setRestoring(null)}
          onRestored={() => {
            showLocked(queryClient);
            notifySuccess('The caseload has locked. Unlock it with the passphrase from when the backup was taken.', 'Backup restored');
          }}
        />
      )}
    </Stack>
  );
}

function BackupTable({ backups, onRestore }: { backups: BackupInfo[]; onRestore: (t: RestoreTarget) => void }) {
  return (
    <StackedTable stackBelow="sm" aria-label="Backups" verticalSpacing="xs" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Taken</Table.Th>
          <Table.Th ta="right">Size</Table.Th>
          <Table.Th ta="right">People</Table.Th>
          <Table.Th>Checked</Table.Th>
          <Table.Th w={120}>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.fileName}>
            <Table.Td data-lead>{backupWhen(b.takenAt)}</Table.Td>
            <Table.Td ta="right" data-label="Size">
              {fileSize(b.bytes)}
            </Table.Td>
            <Table.Td ta="right" data-label="People">
              {b.people === null ? '–' : b.people.toLocaleString('en-GB')}
            </Table.Td>
            <Table.Td data-label="Checked">{b.verified ? <Tag tone="good">Verified</Tag> : <Tag tone="neutral">Not checked here</Tag>}</Table.Td>
            <Table.Td>
              <Button variant="subtle" size="compact-sm" aria-label={`Restore the backup taken ${backupWhen(b.takenAt)}`} onClick={() => onRestore({ path: b.fileName, takenAt: b.takenAt })}>
                Restore…
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </StackedTable>
  );
}
