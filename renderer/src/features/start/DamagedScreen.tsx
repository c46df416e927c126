// Shown when the last unlock found the caseload file (or its key file) damaged. Says what
// happened, that nothing was deleted and where the copy is, and offers the newest good backup
// (or another one) to restore from. The caseload stays locked throughout.
import { Alert, Button, Code, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { backupTakenAt } from '../../../../core/domain/backup';
import type { DamageReport } from '../../../../core/domain/damage';
import { notifySuccess } from '../../shared/notify';
import { showLocked } from '../../shared/session';
import { BackupCounts } from '../backups/BackupCounts';
import { backupWhen, fileSize } from '../backups/format';
import { RestoreBackupModal, type RestoreTarget } from '../backups/RestoreBackupModal';

export function DamagedScreen({ damage }: { damage: DamageReport }) {
  const queryClient = useQueryClient();
  const [restoring, setRestoring] = useState<RestoreTarget | null>(null);
  const keys = damage.part === 'keys';
  return (
    <Stack maw={760} mx="auto" p="xl" component="main" gap="lg">
      <Group gap="sm" wrap="nowrap">
        <IconAlertTriangle size={32} color="#9b1c1c" aria-hidden />
        <Title order={1} size="h2">
          {keys ? 'The caseload’s key file is damaged' : 'The caseload file is damaged'}
        </Title>
      </Group>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Text>
            {keys
              ? 'The app could not read the key file that unlocks the caseload, so the caseload cannot be opened on this computer. Your passphrase and recovery key are both kept in that file, so neither can help.'
              : 'The app checks the caseload every time it opens. This time part of the file could not be read, so the caseload has stayed locked to keep what is there from more harm.'}
          </Text>
          <Text fw={600}>Nothing has been deleted or changed.</Text>
          {damage.copyFolder ? (
            <Text size="sm">
              A copy of the files as they were found has been put in this folder, for IT: <Code style={{ wordBreak: 'break-all' }}>{damage.copyFolder}</Code>
            </Text>
          ) : (
            <Text size="sm">No copy of the damaged files could be made (the disk may be full), but the files themselves are still where they were.</Text>
          )}
          <Text size="sm">You can restore the caseload from a backup. Anything recorded after that backup was taken will not be in it.</Text>
        </Stack>
      </Paper>
      <NewestBackup damage={damage} onRestore={setRestoring} />
      <OtherBackup damage={damage} onRestore={setRestoring} />
      {restoring && (
        <RestoreBackupModal
          target={restoring}
          current="damaged"
          onClose={() => setRestoring(null)}
          onRestored={() => {
            showLocked(queryClient);
            notifySuccess('Unlock it with the passphrase from when the backup was taken.', 'Backup restored');
          }}
        />
      )}
    </Stack>
  );
}

function NewestBackup({ damage, onRestore }: { damage: DamageReport; onRestore: (t: RestoreTarget) => void }) {
  const good = damage.newestGood;
  if (good) {
    return (
      <Paper withBorder p="lg" component="section" aria-labelledby="newest-backup">
        <Stack gap="sm">
          <Title order={2} size="h3" id="newest-backup">
            Newest good backup
          </Title>
          <Text>
            Taken <strong>{backupWhen(good.takenAt)}</strong>. It opened with this caseload’s key and passed its check. It holds:
          </Text>
          <BackupCounts counts={good.counts} label="What the newest good backup holds" />
          <Group>
            <Button onClick={() => onRestore({ path: good.path, takenAt: good.takenAt })}>Restore this backup…</Button>
          </Group>
        </Stack>
      </Paper>
    );
  }
  const newest = damage.backups[0];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="newest-backup">
      <Stack gap="sm">
        <Title order={2} size="h3" id="newest-backup">
          Newest backup
        </Title>
        {newest ? (
          <>
            <Text>
              Taken <strong>{backupWhen(newest.takenAt)}</strong> ({fileSize(newest.bytes)}).{' '}
              {damage.part === 'keys' ? 'It is checked, and you see what it holds, once you unlock it.' : 'It could not be checked with this caseload’s key: unlock it to see whether it opens.'}
            </Text>
            <Group>
              <Button onClick={() => onRestore({ path: newest.path, takenAt: newest.takenAt })}>Restore this backup…</Button>
            </Group>
          </>
        ) : (
          <Alert color="red" role="alert" title="No backups were found">
            The app found no backups in the folders it keeps them in. If backups are kept somewhere else (a network drive, a USB stick), type the full path of a backup file below, or ask IT for help.
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function OtherBackup({ damage, onRestore }: { damage: DamageReport; onRestore: (t: RestoreTarget) => void }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const options = damage.backups.map((b) => ({ value: b.path, label: `${backupWhen(b.takenAt)} (${fileSize(b.bytes)})` }));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="other-backup">
      <Stack gap="sm">
        <Title order={2} size="h3" id="other-backup">
          Choose another backup
        </Title>
        {options.length > 0 && (
          <Group align="flex-end">
            <Select label="Backups found" placeholder="Choose a backup" data={options} value={chosen} onChange={setChosen} allowDeselect={false} w={320} />
            <Button
              variant="default"
              disabled={!chosen}
              onClick={() => {
                const b = damage.backups.find((x) => x.path === chosen);
                if (b) onRestore({ path: b.path, takenAt: b.takenAt });
              }}
            >
              Restore the chosen backup…
            </Button>
          </Group>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const path = typed.trim();
            if (!/\.db$/i.test(path)) return setTypedError('Type the full path of a backup file: its name starts caseload-backup- and ends .db.');
            setTypedError(null);
            onRestore({ path, takenAt: backupTakenAt(path) });
          }}
          noValidate
        >
          <Stack gap="xs">
            <TextInput
              label="Or the full path of a backup file"
              description="For a backup kept elsewhere. Its key file (the same name ending .keys) must be beside it."
              placeholder="D:\Caseload backups\caseload-backup-20260101T090000Z.db"
              value={typed}
              onChange={(e) => {
                setTyped(e.currentTarget.value);
                setTypedError(null);
              }}
              error={typedError}
              spellCheck={false}
              autoComplete="off"
            />
            <Group>
              <Button type="submit" variant="default">
                Use this backup…
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
