// Exporting a file: choose what and for when, look at the first rows, choose CSV or an Excel
// workbook and encryption, and save. A file that names people needs a confirmation first; the server refuses it without one.
import { Button, Checkbox, Group, NativeSelect, Paper, PasswordInput, Radio, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconFileExport } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { todayIso } from '../../../../core/domain/dates';
import { lastMonth, type Period } from '../../../../core/domain/export/periods';
import type { FileType } from '../../../../core/domain/export/profile';
import { MONTHLY_RETURN_ID } from '../../../../core/domain/export/request';
import { useCanExportRows } from '../../shared/access';
import { ApiFailure } from '../../shared/api';
import { PeriodPicker } from '../reports/PeriodPicker';
import { ConfirmIdentifiableModal } from './ConfirmIdentifiableModal';
import { ExportDone, ExportFailed, ExportRunning } from './ExportStatus';
import { PreviewPanel } from './PreviewPanel';
import { MONTHLY_RETURN_LABEL, profileChoices } from './profileChoices';
import { callQuery } from '../../shared/queryKeys';
import { useExportRun } from './useExportRun';
import { countOf } from '../../../../core/domain/plural';

const MIN_PASSWORD = 12;

export function ExportFlow() {
  const today = todayIso();
  const profiles = useQuery({ ...callQuery('exports.profiles', {}), refetchOnMount: 'always' });
  const layouts = useQuery({ ...callQuery('exports.layouts', {}), refetchOnMount: 'always' });
  const [chosen, setChosen] = useState<string>(MONTHLY_RETURN_ID);
  const [period, setPeriod] = useState<Period | null>(() => lastMonth(today));
  // null: follow the profile (encrypt what names people); true/false once the person chooses.
  const [encryptChoice, setEncryptChoice] = useState<boolean | null>(null);
  // null: the profile's own file type (CSV for the return) until the person chooses.
  const [fileTypeChoice, setFileTypeChoice] = useState<FileType | null>(null);
  const [password, setPassword] = useState({ password: '', confirm: '' });
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const { run, progress, cancel } = useExportRun();

  // Roles other than a coordinator export the aggregate return only (the app refuses rows to them).
  const rowsAllowed = useCanExportRows();
  const list = rowsAllowed ? (profiles.data ?? []) : [];
  // A profile deleted below falls back to the return rather than asking for a missing one.
  // The trust's layouts of the return are aggregate too: every role may export them.
  const layoutList = layouts.data ?? [];
  const layout = layoutList.find((l) => l.id === chosen);
  const profileId = chosen === MONTHLY_RETURN_ID || layout || list.some((p) => p.id === chosen) ? chosen : MONTHLY_RETURN_ID;
  const profile = list.find((p) => p.id === profileId);
  const aggregate = profileId === MONTHLY_RETURN_ID || !!layout;
  const profileName = profileId === MONTHLY_RETURN_ID ? MONTHLY_RETURN_LABEL : (layout?.name ?? profile?.name ?? '');
  const preview = useQuery({
    ...callQuery('exports.preview', { profileId, period: period! }),
    enabled: !!period,
    staleTime: 0,
    gcTime: 0,
  });
  const identifiable = preview.data?.identifiable ?? profile?.identifiable ?? false;
  const encrypt = encryptChoice ?? identifiable;
  const fileType = fileTypeChoice ?? layout?.fileType ?? profile?.fileType ?? 'csv';
  const running = run.isPending;

  const changed = () => {
    // A new choice makes the last outcome old news.
    if (!running) run.reset();
  };
  const start = (confirmIdentifiable: boolean) => {
    if (!period) return;
    run.mutate(
      { profileId, period, confirmIdentifiable, fileType, zipPassword: encrypt ? password.password : undefined },
      {
        // The password has done its job: it is not kept on screen or in memory.
        onSuccess: () => setPassword({ password: '', confirm: '' }),
        onError: (e) => {
          if (e instanceof ApiFailure && e.error.code === 'CONFLICT') setConfirming(true);
        },
      },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!period) return;
    const found: typeof errors = {};
    if (encrypt && password.password.length < MIN_PASSWORD) found.password = `Use at least ${MIN_PASSWORD} characters for the ZIP password.`;
    else if (encrypt && password.confirm !== password.password) found.confirm = 'The two passwords are not the same.';
    setErrors(found);
    if (found.password || found.confirm) {
      document.getElementById(found.password ? 'zip-password' : 'zip-password-confirm')?.focus();
      return;
    }
    if (identifiable) setConfirming(true);
    else start(false);
  };
  const conflict = run.error instanceof ApiFailure && run.error.error.code === 'CONFLICT';
  const rows = preview.data?.total;

  return (
    <Paper component="section" aria-labelledby="export-title" withBorder p="md">
      <form onSubmit={submit} noValidate>
        <fieldset disabled={running} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          {/* The card's heading names the group too (a fieldset without a name is read as an unnamed group). */}
          <legend style={{ padding: 0, marginBottom: 'var(--mantine-spacing-sm)' }}>
            <Title order={3} size="h4" id="export-title">
              Export a file
            </Title>
          </legend>
          <Stack gap="md">
            <NativeSelect
              label="What to export"
              maw={460}
              data={profileChoices(list, layoutList)}
              value={profileId}
              onChange={(e) => {
                setChosen(e.currentTarget.value);
                setEncryptChoice(null);
                setFileTypeChoice(null);
                changed();
              }}
            />
            <PeriodPicker
              label="Period to export"
              value={period}
              onChange={(p) => {
                setPeriod(p);
                changed();
              }}
              today={today}
            />
            <PreviewPanel preview={preview} aggregate={aggregate} />
            <Radio.Group
              label="File type"
              description="An Excel workbook keeps leading zeros in hospital numbers and shows dates as dates. CSV suits systems that import files."
              value={fileType}
              onChange={(value) => {
                setFileTypeChoice(value as FileType);
                changed();
              }}
            >
              <Group gap="lg" mt={6}>
                <Radio value="csv" label="CSV (.csv)" />
                <Radio value="xlsx" label="Excel workbook (.xlsx)" />
              </Group>
            </Radio.Group>
            <Checkbox
              label="Encrypt as a password-protected ZIP (AES-256)"
              description="7-Zip and Windows tools that support AES open it. Advised for any file that names people."
              checked={encrypt}
              onChange={(e) => {
                setEncryptChoice(e.currentTarget.checked);
                changed();
              }}
            />
            {encrypt && (
              <Group align="flex-start" gap="md">
                <PasswordInput
                  id="zip-password"
                  label="ZIP password"
                  description={`At least ${MIN_PASSWORD} characters. Send it separately from the file.`}
                  w={300}
                  autoComplete="new-password"
                  value={password.password}
                  error={errors.password}
                  onChange={(e) => setPassword({ ...password, password: e.currentTarget.value })}
                />
                <PasswordInput
                  id="zip-password-confirm"
                  label="Type the password again"
                  description="To be sure it is the one you meant."
                  w={300}
                  autoComplete="new-password"
                  value={password.confirm}
                  error={errors.confirm}
                  onChange={(e) => setPassword({ ...password, confirm: e.currentTarget.value })}
                />
              </Group>
            )}
            <Group>
              <Button type="submit" leftSection={<IconFileExport size={18} aria-hidden />} disabled={!period}>
                {running ? 'Exporting…' : aggregate || rows === undefined ? 'Export' : `Export ${countOf(rows, 'row')}`}
              </Button>
              {!period && (
                <Text size="sm" c="dimmed">
                  Choose a complete period first.
                </Text>
              )}
            </Group>
          </Stack>
        </fieldset>
      </form>
      <Stack mt="md" gap="sm">
        {running && <ExportRunning progress={progress} onCancel={cancel} />}
        {run.isSuccess && <ExportDone result={run.data} />}
        {run.isError && !conflict && <ExportFailed error={run.error} />}
      </Stack>
      <ConfirmIdentifiableModal
        opened={confirming}
        profileName={profileName}
        encrypted={encrypt}
        onCancel={() => {
          setConfirming(false);
          run.reset();
        }}
        onConfirm={() => {
          setConfirming(false);
          start(true);
        }}
      />
    </Paper>
  );
}
