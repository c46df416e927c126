// The workspace's numbers, a part at a time: each Settings section shows the part about it (the
// idle lock with sign-in, the thresholds with the caseload's rules, suppression with reporting,
// the retention period with retention), with its own Save. The app's refusals are shown beside the
// field they are about.
import { Alert, Button, Checkbox, Group, Loader, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { settingsSchema, type Settings } from '../../../../core/domain/settings';
import { ApiFailure, call, errorMessage } from '../../shared/api';
import { useSettings } from '../../shared/useSettings';
import { notifySuccess } from '../../shared/notify';
import { refresh, setAnswer } from '../../shared/queryKeys';
import { FormFailure } from '../../shared/FormFailure';
import { ErrorSummary } from '../../shared/ErrorSummary';

/** Which part of the settings a form shows. */
export type SettingsPart = 'locking' | 'caseload' | 'reporting' | 'retention';

const KEYS = {
  locking: ['idleLockMinutes'],
  caseload: ['firstContactOverdueWorkingDays', 'inactiveWeeks', 'newlyDiagnosedMonths'],
  reporting: ['suppressionThreshold', 'roundToFive'],
  retention: ['retentionYears'],
} as const satisfies Record<SettingsPart, readonly (keyof Settings)[]>;

type Key = (typeof KEYS)[SettingsPart][number];
type Values = Partial<Pick<Settings, Key>>;

// Only this part's own settings are sent: others (another part's, the outcome instruments') are
// saved by their own forms, and sending a stale copy of them from here would undo those changes.
const own = (s: Settings, part: SettingsPart): Values => Object.fromEntries(KEYS[part].map((k) => [k, s[k]]));
const schemaOf = (part: SettingsPart) => settingsSchema.pick(Object.fromEntries(KEYS[part].map((k) => [k, true])) as { [K in Key]?: true });

export function SettingsForm({ part }: { part: SettingsPart }) {
  const settings = useSettings();
  if (settings.isError) return <Alert color="red" role="alert">{errorMessage(settings.error)}</Alert>;
  if (!settings.data) return <Loader role="status" aria-label="Loading settings" />;
  return <Form saved={settings.data} part={part} />;
}

function Form({ saved, part }: { saved: Settings; part: SettingsPart }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({ mode: 'controlled', initialValues: own(saved, part), validate: schemaResolver(schemaOf(part), { sync: true }) });
  const save = useMutation({
    mutationFn: (v: Values) => call('settings.update', v),
    onSuccess: (next) => {
      setAnswer(queryClient, 'settings.get', {}, next);
      form.resetDirty(own(next, part));
      // The idle lock lives on the workspace status; the thresholds change My day and the caseload.
      refresh(queryClient, 'workspace.status', 'myDay', 'people.list', 'retention.list');
      notifySuccess('Settings saved');
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) form.setErrors(e.error.fields);
    },
  });
  // Narrow boxes for small numbers; the label and description keep the form's full width.
  // No clamping: a number out of range stays as typed and the reason shows beside it.
  const number = { step: 1, allowDecimal: false, allowNegative: false, clampBehavior: 'none', styles: { wrapper: { width: 140 } } } as const;
  const fields: Record<SettingsPart, { title: string; intro?: string; body: ReactNode }> = {
    locking: {
      title: 'Locking',
      intro: 'The caseload locks itself when this computer has not been used for a while, and when Windows locks the screen.',
      body: <NumberInput label="Lock after this many idle minutes" description="1 to 15 minutes" min={1} max={15} {...number} {...form.getInputProps('idleLockMinutes')} />,
    },
    caseload: {
      title: 'Caseload rules',
      body: (
        <>
          <NumberInput
            label="First contact is overdue after this many working days"
            description="A referral still waiting for first contact after this is marked overdue on My day. Weekends and bank holidays do not count."
            min={1}
            max={60}
            {...number}
            {...form.getInputProps('firstContactOverdueWorkingDays')}
          />
          <NumberInput
            label="Show as inactive after this many weeks without contact"
            description="Open episodes with no contact for longer than this are listed on My day."
            min={1}
            max={52}
            {...number}
            {...form.getInputProps('inactiveWeeks')}
          />
          <NumberInput
            label="Newly diagnosed: diagnosed within this many months before the referral"
            description="Someone diagnosed this many months or fewer before their referral counts as newly diagnosed (usually 12)."
            min={1}
            max={60}
            {...number}
            {...form.getInputProps('newlyDiagnosedMonths')}
          />
        </>
      ),
    },
    reporting: {
      title: 'Publishing figures',
      intro: 'The monthly return hides small numbers so no one can be recognised from it. Reports inside the app always show the true numbers.',
      body: (
        <>
          <NumberInput
            label="Hide counts from 1 up to"
            description="Shown as * in the return. NHS statistical practice hides 1 to 7; zero is always shown."
            min={0}
            max={20}
            {...number}
            {...form.getInputProps('suppressionThreshold')}
          />
          <Checkbox label="Round other counts to the nearest 5" {...form.getInputProps('roundToFive', { type: 'checkbox' })} />
        </>
      ),
    },
    retention: {
      title: 'Keeping records',
      body: (
        <NumberInput
          label="Keep a record this many years after support ends"
          description="1 to 30 years. Adult health records are generally kept 8 years after care ends (Records Management Code of Practice). Records kept longer are listed below; nothing is deleted unless a coordinator chooses to."
          min={1}
          max={30}
          {...number}
          {...form.getInputProps('retentionYears')}
        />
      ),
    },
  };
  const { title, intro, body } = fields[part];
  const titleId = `settings-${part}-title`;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <ErrorSummary errors={form.errors} />
        <Stack>
          <Title order={3} size="h4" id={titleId}>
            {title}
          </Title>
          {intro && <Text size="sm">{intro}</Text>}
          {body}
          <FormFailure error={save.error} fields={Object.keys(form.values)} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
