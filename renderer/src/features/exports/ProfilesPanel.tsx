// Export profiles: the built-in ones and the workspace's own. A trust's profile arrives as a small
// JSON file and is imported here; a coordinator's profile is saved as one to send out.
import { Alert, Button, FileButton, Group, List, Loader, Modal, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCopy, IconDownload, IconFileImport, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { ExportProfile } from '../../../../core/domain/export/profile';
import { ApiFailure, call, errorMessage } from '../../shared/api';
import { Tag } from '../../shared/Tag';
import { notifySuccess } from '../../shared/notify';
import { formatName } from './filePresets';
import { isBuiltIn } from './profileChoices';
import { ProfileEditor } from './ProfileEditor';
import { isDownloadAddress } from './location';
import { MAX_PROFILE_FILE_BYTES, readAsText, startDownload } from './profileFiles';
import { copyOf, EMPTY_PROFILE, valuesOf, type ProfileValues } from './profileForm';
import { callQuery, refresh, setAnswer } from '../../shared/queryKeys';
import { DANGER_BUTTON } from '../../shared/contrast';
import { StackedTable } from '../../shared/StackedTable';

// Mantine's subtle red text is under 4.5:1 on white; this red is 7.6:1.

type Editing = { values: ProfileValues; existing: boolean } | null;

export function ProfilesPanel() {
  const queryClient = useQueryClient();
  const profiles = useQuery({ ...callQuery('exports.profiles', {}), refetchOnMount: 'always' });
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ExportProfile | null>(null);
  const list = profiles.data ?? [];
  const ids = list.map((p) => p.id);
  // Cleared after each import, so choosing the same (corrected) file again imports it again.
  const resetFile = useRef<() => void>(null);

  // A file whose profile id is already in use waits here until the coordinator says replace or keep.
  const [clash, setClash] = useState<{ json: string; message: string } | null>(null);
  // A file that would change the programme's lists waits here until the coordinator says use or keep them.
  const [listsAsked, setListsAsked] = useState<{ json: string; message: string; replace: boolean } | null>(null);
  const importFile = useMutation({
    mutationFn: async ({ file, replace, lists = 'ask' }: { file: File | string; replace: boolean; lists?: 'ask' | 'apply' | 'keep' }) => {
      if (typeof file !== 'string' && file.size > MAX_PROFILE_FILE_BYTES) {
        throw new ApiFailure({ code: 'VALIDATION', message: 'This file is too large to be an export profile. Nothing was imported.' });
      }
      const json = typeof file === 'string' ? file : await readAsText(file);
      try {
        return { before: ids, after: await call('exports.importProfile', { json, replace, lists }) };
      } catch (e) {
        if (!replace && e instanceof ApiFailure && e.error.code === 'CONFLICT' && e.error.fields?.id === 'already_exists') setClash({ json, message: e.error.message });
        if (e instanceof ApiFailure && e.error.code === 'CONFLICT' && e.error.fields?.lists === 'would_change') {
          setClash(null);
          setListsAsked({ json, message: e.error.message, replace });
        }
        throw e;
      }
    },
    onSuccess: ({ before, after }, { replace }) => {
      setAnswer(queryClient, 'exports.profiles', {}, after);
      // A trust's layout of the monthly return comes in the same kind of file.
      refresh(queryClient, 'exports.layouts');
      setClash(null);
      setListsAsked(null);
      refresh(queryClient, 'lists');
      const added = after.find((p) => !before.includes(p.id));
      notifySuccess(added ? `“${added.name}” is ready to use.` : after.length === before.length && !replace ? 'Return layout imported: choose it under What to export.' : replace ? 'The profile was replaced with the one in the file.' : 'Profile imported.', 'Profile imported');
    },
    onSettled: () => resetFile.current?.(),
  });
  const saveFile = useMutation({
    mutationFn: (id: string) => call('exports.saveProfileFile', { id }),
    onSuccess: (saved) => {
      if (isDownloadAddress(saved.location)) startDownload(saved.location, saved.fileName);
      else notifySuccess(`Saved as ${saved.location}`, 'Profile file saved');
    },
  });

  return (
    <Paper component="section" aria-labelledby="profiles-title" withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4" id="profiles-title">
              Export profiles
            </Title>
            <Text size="sm" c="dimmed" maw={640}>
              A profile says which columns a file has, in what order, under which headers, and in what format. Import the file your trust sends, or make your own.
            </Text>
          </div>
          <Group gap="xs">
            <FileButton onChange={(f) => f && importFile.mutate({ file: f, replace: false })} accept=".json,application/json" resetRef={resetFile} inputProps={{ 'aria-label': 'Profile file to import' }}>
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconFileImport size={16} aria-hidden />} loading={importFile.isPending}>
                  Import a profile file
                </Button>
              )}
            </FileButton>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ values: EMPTY_PROFILE, existing: false })}>
              New profile
            </Button>
          </Group>
        </Group>
        {importFile.isError && !clash && !listsAsked && <ImportProblems error={importFile.error} onDismiss={() => importFile.reset()} />}
        {saveFile.isError && !(saveFile.error instanceof ApiFailure && saveFile.error.error.code === 'CANCELLED') && (
          <Alert color="red" role="alert" withCloseButton onClose={() => saveFile.reset()} closeButtonLabel="Dismiss">
            {errorMessage(saveFile.error)}
          </Alert>
        )}
        {profiles.isPending && <Loader size="sm" role="status" aria-label="Loading export profiles" />}
        {profiles.isError && (
          <Alert color="red" role="alert">
            {errorMessage(profiles.error)}
          </Alert>
        )}
        {list.length > 0 && (
          <StackedTable stackBelow="lg" aria-label="Export profiles" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Profile</Table.Th>
                <Table.Th w={170}>One row for each</Table.Th>
                <Table.Th w={90} ta="right">
                  Columns
                </Table.Th>
                <Table.Th w={200}>Kind</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((p) => (
                <ProfileRow
                  key={p.id}
                  profile={p}
                  onEdit={() => setEditing({ values: valuesOf(p), existing: true })}
                  onCopy={() => setEditing({ values: copyOf(p, ids), existing: false })}
                  onDownload={() => saveFile.mutate(p.id)}
                  saving={saveFile.isPending && saveFile.variables === p.id}
                  onDelete={() => setDeleting(p)}
                />
              ))}
            </Table.Tbody>
          </StackedTable>
        )}
        {list.length > 0 && list.every((p) => isBuiltIn(p.id)) && (
          <Text size="sm" c="dimmed">
            No custom profiles yet. Copy a built-in one to change it, make a new one, or import the file your trust sent.
          </Text>
        )}
      </Stack>
      {editing && <ProfileEditor initial={editing.values} editing={editing.existing} takenIds={ids} onClose={() => setEditing(null)} />}
      {deleting && <DeleteProfile profile={deleting} onClose={() => setDeleting(null)} />}
      {listsAsked && (
        <UseTrustLists
          message={listsAsked.message}
          pending={importFile.isPending}
          onUse={() => importFile.mutate({ file: listsAsked.json, replace: listsAsked.replace, lists: 'apply' })}
          onKeep={() => importFile.mutate({ file: listsAsked.json, replace: listsAsked.replace, lists: 'keep' })}
          onCancel={() => {
            setListsAsked(null);
            importFile.reset();
          }}
        />
      )}
      {clash && (
        <ReplaceProfile
          message={clash.message}
          pending={importFile.isPending}
          onReplace={() => importFile.mutate({ file: clash.json, replace: true })}
          onKeep={() => {
            setClash(null);
            importFile.reset();
          }}
        />
      )}
    </Paper>
  );
}

function ProfileRow({
  profile,
  onEdit,
  onCopy,
  onDownload,
  saving,
  onDelete,
}: {
  profile: ExportProfile;
  onEdit: () => void;
  onCopy: () => void;
  onDownload: () => void;
  saving: boolean;
  onDelete: () => void;
}) {
  const builtIn = isBuiltIn(profile.id);
  return (
    <Table.Tr>
      <Table.Td data-lead>
        <Text size="sm" fw={600}>
          {profile.name}
        </Text>
        <Text size="xs" c="dimmed">
          {formatName(profile)}
        </Text>
      </Table.Td>
      <Table.Td data-label="One row for each">{profile.dataset === 'referrals' ? 'Referral' : 'Episode (outcomes)'}</Table.Td>
      <Table.Td ta="right" data-label="Columns">
        {profile.columns.length}
      </Table.Td>
      <Table.Td data-label="Kind">
        <Group gap={4}>
          <Tag tone={builtIn ? 'info' : 'neutral'}>{builtIn ? 'Built-in' : 'Custom'}</Tag>
          {profile.identifiable ? <Tag tone="warning">Names people</Tag> : <Tag tone="good">Pseudonymised</Tag>}
        </Group>
      </Table.Td>
      <Table.Td data-wide>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {builtIn ? (
            <Button size="compact-sm" variant="subtle" leftSection={<IconCopy size={14} aria-hidden />} onClick={onCopy} aria-label={`Copy ${profile.name} to a new profile`}>
              Copy
            </Button>
          ) : (
            <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit} aria-label={`Edit ${profile.name}`}>
              Edit
            </Button>
          )}
          <Button size="compact-sm" variant="subtle" leftSection={<IconDownload size={14} aria-hidden />} onClick={onDownload} loading={saving} aria-label={`Save file: ${profile.name}`}>
            Save file
          </Button>
          {!builtIn && (
            <Button size="compact-sm" variant="subtle" color="red" styles={DANGER_BUTTON} leftSection={<IconTrash size={14} aria-hidden />} onClick={onDelete} aria-label={`Delete ${profile.name}`}>
              Delete
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Why an imported file was refused: the server's summary and each problem it found. */
function ImportProblems({ error, onDismiss }: { error: unknown; onDismiss: () => void }) {
  const fields = error instanceof ApiFailure ? Object.entries(error.error.fields ?? {}) : [];
  return (
    <Alert color="red" role="alert" title="The profile file was not imported" withCloseButton onClose={onDismiss} closeButtonLabel="Dismiss">
      <Text size="sm">{fields.length > 0 ? 'Nothing was imported. The file has these problems:' : errorMessage(error)}</Text>
      {fields.length > 0 && (
        <List size="sm" mt={4} spacing={2}>
          {fields.map(([path, message]) => (
            <List.Item key={path}>
              {message} <Text span size="xs" c="dimmed" ff="monospace">({path})</Text>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

function ReplaceProfile({ message, pending, onReplace, onKeep }: { message: string; pending: boolean; onReplace: () => void; onKeep: () => void }) {
  return (
    <Modal opened onClose={onKeep} title="Replace the existing profile?">
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        <Text size="sm">Exports already saved and the export log are not changed. Keeping the existing profile imports nothing.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onKeep} data-autofocus>
            Keep the existing one
          </Button>
          <Button loading={pending} onClick={onReplace}>
            Replace it
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A trust's file that also sets the programme's lists: asked before any list changes. */
function UseTrustLists({ message, pending, onUse, onKeep, onCancel }: { message: string; pending: boolean; onUse: () => void; onKeep: () => void; onCancel: () => void }) {
  return (
    <Modal opened onClose={onCancel} title="Use the trust’s lists?">
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        <Text size="sm">Keeping your lists imports the profile alone. Cancel imports nothing.</Text>
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant="default" onClick={onKeep} disabled={pending} data-autofocus>
            Keep our lists
          </Button>
          <Button loading={pending} onClick={onUse}>
            Use the trust’s lists
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DeleteProfile({ profile, onClose }: { profile: ExportProfile; onClose: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => call('exports.deleteProfile', { id: profile.id }),
    onSuccess: (profiles) => {
      setAnswer(queryClient, 'exports.profiles', {}, profiles);
      notifySuccess(profile.name, 'Profile deleted');
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title="Delete this profile?">
      <Stack gap="sm">
        <Text size="sm">
          “{profile.name}” will no longer be offered for export. Files already exported and the export log are not changed. Keep a copy of the profile file if you may want it
          again.
        </Text>
        {remove.isError && (
          <Alert color="red" role="alert">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Keep it
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
            Delete profile
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
