// A workstation's return data file: this PC's true counts for a month, quarter or year, sealed
// to the passphrase the coordinator gave, for the coordinator to combine with other PCs' files
// (Combine returns). Its fingerprint is read out to the coordinator by phone.
import { Button, Code, Group, NativeSelect, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { todayIso } from '../../../../core/domain/dates';
import { lastMonth, type Period } from '../../../../core/domain/export/periods';
import { ApiFailure, call } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { SavedWhere } from '../../shared/SavedFile';
import { siteOptions, useSites } from '../../shared/useSites';
import { PeriodPicker } from '../reports/PeriodPicker';

const MIN_PASSPHRASE = 12;
type Errors = { siteId?: string; passphrase?: string; confirm?: string; period?: string };

export function ReturnDataPanel() {
  const sites = useSites();
  const [period, setPeriod] = useState<Period | null>(() => lastMonth(todayIso()));
  const [siteId, setSiteId] = useState('');
  const [pass, setPass] = useState({ passphrase: '', confirm: '' });
  const [errors, setErrors] = useState<Errors>({});
  const options = siteOptions(sites.data);
  const site = siteId || options[0]?.value || '';
  const save = useMutation({
    mutationFn: () => call('returns.saveDataFile', { period: period!, siteId: Number(site), passphrase: pass.passphrase }),
    onSuccess: () => setPass({ passphrase: '', confirm: '' }),
    onError: (e) => setErrors(e instanceof ApiFailure && e.error.fields ? e.error.fields : { period: e instanceof Error ? e.message : String(e) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!site) found.siteId = 'Add this clinic’s site in Settings first: the file says which site its figures are for.';
    if (pass.passphrase.length < MIN_PASSPHRASE) found.passphrase = `Use at least ${MIN_PASSPHRASE} characters for the passphrase.`;
    else if (pass.confirm !== pass.passphrase) found.confirm = 'The two passphrases are not the same.';
    if (!period) found.period = 'Choose the period.';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  return (
    <Paper component="section" aria-labelledby="return-data-title" withBorder p="md">
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} />
        <Stack gap="md" maw={560}>
          <div>
            <Title order={3} size="h4" id="return-data-title">
              Figures for your coordinator to combine
            </Title>
            <Text size="sm" c="dimmed">
              When your coordinator combines the returns of several PCs, save this PC’s figures here. The file holds counts only, never a row about anyone,
              and is encrypted with the passphrase your coordinator gives you.
            </Text>
          </div>
          <div data-path="period">
            <PeriodPicker label="Period" value={period} onChange={setPeriod} today={todayIso()} />
          </div>
          <NativeSelect id="return-data-site" data-path="siteId" label="Site these figures are for" data={options} value={site} onChange={(e) => setSiteId(e.currentTarget.value)} error={errors.siteId} />
          <PasswordInput
            id="return-data-passphrase"
            data-path="passphrase"
            label="Passphrase"
            description="At least 12 characters, as your coordinator gave it."
            value={pass.passphrase}
            onChange={(e) => setPass({ ...pass, passphrase: e.currentTarget.value })}
            error={errors.passphrase}
            autoComplete="off"
          />
          <PasswordInput
            id="return-data-confirm"
            data-path="confirm"
            label="Passphrase again"
            value={pass.confirm}
            onChange={(e) => setPass({ ...pass, confirm: e.currentTarget.value })}
            error={errors.confirm}
            autoComplete="off"
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save return data file
            </Button>
          </Group>
          <div aria-live="polite">
            {save.data && (
              <Stack gap={4}>
                <Text size="sm" fw={700}>
                  Saved {save.data.fileName}. Read this fingerprint to your coordinator when they open it:
                </Text>
                <Code data-testid="return-data-fingerprint" style={{ whiteSpace: 'normal' }}>
                  {save.data.fingerprint}
                </Code>
                <SavedWhere fileName={save.data.fileName} location={save.data.location} />
              </Stack>
            )}
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
