// Set-up's first step: who will use the caseload on this PC, and where its backups go. A folder
// off this PC (a network home drive, OneDrive) is offered first: a broken or re-imaged PC keeps
// neither the caseload nor backups kept beside it.
import { Alert, Button, Code, Fieldset, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { CaseloadScope } from '../../../../core/domain/places';
import { backupFolderField } from '../../../../core/domain/settings';
import type { SetupChoices } from '../../../../core/domain/workspace';
import { WARNING_TITLE } from '../../shared/contrast';
import { ScopeChoice } from './ScopeChoice';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../shared/api';

/** A suggestion's index ("0", "1"…), another folder typed in, or the folder beside the caseload. */
export type BackupChoice = `${number}` | 'other' | 'beside';

export interface WhereValues {
  scope: CaseloadScope;
  backup: BackupChoice;
  otherFolder: string;
}

export function initialWhere(setup: SetupChoices): WhereValues {
  return { scope: 'user', backup: setup.backupSuggestions.length > 0 ? '0' : 'beside', otherFolder: '' };
}

export function validateWhere(values: WhereValues): Partial<Record<keyof WhereValues, string>> {
  if (values.backup !== 'other') return {};
  if (!values.otherFolder.trim()) return { otherFolder: 'Type the full path of the folder for backups.' };
  const parsed = backupFolderField.safeParse(values.otherFolder);
  return parsed.success ? {} : { otherFolder: parsed.error.issues[0].message };
}

/** What `workspace.create` is told: null for the folder beside the caseload, undefined where IT set it. */
export function chosenBackupFolder(setup: SetupChoices, values: WhereValues): string | null | undefined {
  if (setup.backupFolderFixed) return undefined;
  if (values.backup === 'beside') return null;
  if (values.backup === 'other') return values.otherFolder.trim();
  return setup.backupSuggestions[Number(values.backup)]?.folder ?? null;
}

const pathStyle = { wordBreak: 'break-all' } as const;

function ChooseFolderButton({ onChosen }: { onChosen: (folder: string) => void }) {
  const choose = useMutation({ mutationFn: () => call('backups.chooseFolder', {}), onSuccess: (r) => r.folder && onChosen(r.folder) });
  return (
    <Button variant="default" mt={25} onClick={() => choose.mutate()} loading={choose.isPending}>
      Choose folder…
    </Button>
  );
}
// Laid out like the Radio.Group above it: no browser margin, the legend styled as an input label.
const FIELDSET_STYLES = {
  root: { margin: 0, minInlineSize: 0 },
  legend: { fontWeight: 'var(--mantine-font-weight-medium)', fontSize: 'var(--mantine-font-size-sm)', marginBottom: 4 },
} as const;

export function WhereStep({ setup, form, onNext }: { setup: SetupChoices; form: UseFormReturnType<WhereValues>; onNext: () => void }) {
  const { backup } = form.values;
  // A refusal of a suggested folder (it could not be made or written to) shows under that choice.
  const choiceError = form.errors.backup;
  return (
    <form onSubmit={form.onSubmit(onNext)} noValidate>
      <Stack mt="lg" maw={560} gap="lg">
        <ScopeChoice setup={setup} value={form.values.scope} onChange={(scope) => form.setFieldValue('scope', scope)} error={form.errors.scope} />
        {setup.backupFolderFixed ? (
          <Text size="sm">
            Backups go to <Code style={pathStyle}>{setup.backupFolderFixed}</Code> (set by your IT team).
          </Text>
        ) : (
          // Plain radios in a fieldset, not a radiogroup: the typed folder sits beside its choice.
          <Fieldset variant="unstyled" legend="Where should backups go?" styles={FIELDSET_STYLES}>
            <Text size="sm" c="dimmed" mb="sm">
              Backups are encrypted like the caseload. A folder off this PC keeps them safe if the PC breaks or is re-imaged. You can change this later in Settings.
            </Text>
            <Stack gap="sm">
              {setup.backupSuggestions.map((s, i) => (
                <Radio
                  key={s.folder}
                  name="backup"
                  value={String(i)}
                  checked={backup === String(i)}
                  onChange={() => form.setFieldValue('backup', String(i) as BackupChoice)}
                  label={s.label}
                  description={<span style={pathStyle}>{s.folder}</span>}
                  error={backup === String(i) ? choiceError : undefined}
                />
              ))}
              <Radio name="backup" value="other" checked={backup === 'other'} onChange={() => form.setFieldValue('backup', 'other')} label="Another folder…" description="A network drive, for example." />
              {backup === 'other' && (
                <Group align="flex-start" wrap="nowrap" ml={32}>
                  <TextInput
                    label="Full path of the backup folder"
                    description="For example, H:\Peer Support Caseload backups"
                    spellCheck={false}
                    autoComplete="off"
                    style={{ flex: 1 }}
                    data-autofocus
                    {...form.getInputProps('otherFolder')}
                  />
                  {/* Electron's own folder dialog; the browser harness has none, so the path is typed. */}
                  {setup.canChooseFolder && <ChooseFolderButton onChosen={(folder) => form.setFieldValue('otherFolder', folder)} />}
                </Group>
              )}
              <Radio
                name="backup"
                value="beside"
                checked={backup === 'beside'}
                onChange={() => form.setFieldValue('backup', 'beside')}
                label="On this PC, beside the caseload"
                description={<span style={pathStyle}>{setup.defaultBackupFolder}</span>}
                error={backup === 'beside' ? choiceError : undefined}
              />
            </Stack>
          </Fieldset>
        )}
        {!setup.backupFolderFixed && backup === 'beside' && (
          <Alert color="orange" variant="light" title="Backups on this PC can be lost with it" styles={WARNING_TITLE}>
            <Text size="sm">A broken or re-imaged PC would lose the caseload and its backups together. Choose a network drive or OneDrive folder if you can.</Text>
          </Alert>
        )}
        <Group>
          <Button type="submit">Continue</Button>
        </Group>
      </Stack>
    </form>
  );
}
