// First run: where the caseload and its backups go, then name the workspace and choose a
// passphrase, save the recovery key, prove it was saved. Or, on a new or re-imaged PC, open the
// caseload from a backup; or open the made-up training caseload.
import { Button, Container, Divider, Group, Stack, Stepper, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createWorkspaceSchema, type CreateWorkspaceInput, type SetupChoices, type WorkspaceStatus } from '../../../../core/domain/workspace';
import { ApiFailure, call } from '../../shared/api';
import { PassphraseField } from '../../shared/PassphraseField';
import { PolicyProblems } from './PolicyProblems';
import { RecoveryKeyCheck } from '../../shared/RecoveryKeyCheck';
import { RecoveryKeySave } from '../../shared/RecoveryKeySave';
import { refresh } from '../../shared/queryKeys';
import { confirmedPassphrase } from '../../shared/confirmedPassphrase';
import { FormFailure } from '../../shared/FormFailure';
import { OpenFromBackup } from './OpenFromBackup';
import { scopeOffered } from './ScopeChoice';
import { chosenBackupFolder, initialWhere, validateWhere, WhereStep, type WhereValues } from './WhereStep';
import { OpenTraining } from '../training/OpenTraining';

/** Before the first set-up a status always carries the choices; this stands in should one not. */
const NO_CHOICES: SetupChoices = {
  teamAvailable: false,
  placeFixed: null,
  backupFolderFixed: null,
  backupSuggestions: [],
  defaultBackupFolder: '',
  canChooseFolder: false,
  canChooseFile: false,
};

export function SetupScreen({ status }: { status: WorkspaceStatus }) {
  const setup = status.setup ?? NO_CHOICES;
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [mode, setMode] = useState<string | null>('new');
  return (
    <Container size="sm" py="xl" component="main">
      <Title order={1} mb="xs">
        Set up your caseload
      </Title>
      <Text c="dimmed" mb="lg">
        Your caseload is kept encrypted on this computer. Only someone with your passphrase or recovery key can open it.
      </Text>
      <Stack gap="lg">
        <PolicyProblems problems={status.policyProblems} />
        {recoveryKey ? (
          // Made: the rest is about the recovery key, with no way off to a backup or training.
          <NewCaseload setup={setup} recoveryKey={recoveryKey} onCreated={setRecoveryKey} />
        ) : (
          <Tabs value={mode} onChange={setMode} keepMounted>
            <Tabs.List aria-label="How to start">
              <Tabs.Tab value="new">Set up a new caseload</Tabs.Tab>
              <Tabs.Tab value="backup">Open a caseload from a backup</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="new">
              <NewCaseload setup={setup} recoveryKey={recoveryKey} onCreated={setRecoveryKey} />
            </Tabs.Panel>
            <Tabs.Panel value="backup">
              <OpenFromBackup setup={setup} />
            </Tabs.Panel>
          </Tabs>
        )}
        {!recoveryKey && status.trainingAvailable && (
          <>
            <Divider />
            <OpenTraining />
          </>
        )}
      </Stack>
    </Container>
  );
}

type DetailsValues = Omit<CreateWorkspaceInput, 'scope' | 'backupFolder'> & { confirm: string };

function NewCaseload({ setup, recoveryKey, onCreated }: { setup: SetupChoices; recoveryKey: string | null; onCreated: (key: string) => void }) {
  // Both forms live here, not in their steps: going back and on keeps what was typed.
  const where = useForm<WhereValues>({ mode: 'controlled', initialValues: initialWhere(setup), validate: validateWhere });
  const details = useForm<DetailsValues>({
    mode: 'controlled',
    initialValues: { organisation: '', displayName: '', passphrase: '', confirm: '' },
    validate: confirmedPassphrase(createWorkspaceSchema, 'passphrase'),
  });
  const [step, setStep] = useState(recoveryKey ? 2 : 0);
  return (
    <Stepper active={step} allowNextStepsSelect={false} size="sm" mt="md">
      <Stepper.Step label="Where" description="caseload and backups">
        <WhereStep setup={setup} form={where} onNext={() => setStep(1)} />
      </Stepper.Step>
      <Stepper.Step label="Your details" description="and a passphrase">
        <DetailsStep
          setup={setup}
          where={where}
          form={details}
          onBack={() => setStep(0)}
          onWhereRefused={() => setStep(0)}
          onCreated={(key) => {
            onCreated(key);
            setStep(2);
          }}
        />
      </Stepper.Step>
      <Stepper.Step label="Recovery key" description="save it safely">
        {recoveryKey && <RecoveryStep recoveryKey={recoveryKey} onSaved={() => setStep(3)} />}
      </Stepper.Step>
      <Stepper.Step label="Check" description="that it is saved">
        {recoveryKey && <ConfirmStep recoveryKey={recoveryKey} onBack={() => setStep(2)} />}
      </Stepper.Step>
    </Stepper>
  );
}

function DetailsStep({
  setup,
  where,
  form,
  onBack,
  onWhereRefused,
  onCreated,
}: {
  setup: SetupChoices;
  where: UseFormReturnType<WhereValues>;
  form: UseFormReturnType<DetailsValues>;
  onBack: () => void;
  onWhereRefused: () => void;
  onCreated: (recoveryKey: string) => void;
}) {
  const create = useMutation({
    mutationFn: (v: CreateWorkspaceInput) => call('workspace.create', v),
    onSuccess: (value) => onCreated(value.recoveryKey),
    onError: (e) => {
      if (!(e instanceof ApiFailure) || !e.error.fields) return;
      const { scope, backupFolder, ...rest } = e.error.fields;
      form.setErrors(rest);
      if (scope || backupFolder) {
        // Refused where the caseload or its backups go: back to that step, the error beside its choice.
        where.setErrors({
          ...(scope ? { scope } : {}),
          ...(backupFolder ? { [where.values.backup === 'other' ? 'otherFolder' : 'backup']: backupFolder } : {}),
        });
        onWhereRefused();
      }
    },
  });
  const submit = ({ confirm: _confirm, ...v }: DetailsValues) => {
    const backupFolder = chosenBackupFolder(setup, where.values);
    create.mutate({
      ...v,
      ...(scopeOffered(setup) ? { scope: where.values.scope } : {}),
      ...(backupFolder !== undefined ? { backupFolder } : {}),
    });
  };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack mt="lg" maw={480}>
        <TextInput label="Organisation or clinic" description="For example, Riverside Sexual Health" required {...form.getInputProps('organisation')} />
        <TextInput label="Your name" description="As colleagues know you. Shown on records you make." required {...form.getInputProps('displayName')} />
        <PassphraseField id="passphrase" label="Passphrase" required autoComplete="new-password" {...form.getInputProps('passphrase')} />
        <TextInput type="password" label="Type the passphrase again" required autoComplete="new-password" {...form.getInputProps('confirm')} />
        <FormFailure error={create.error} fields={[...Object.keys(form.values), 'scope', 'backupFolder']} />
        <Group>
          <Button variant="default" onClick={onBack} disabled={create.isPending}>
            Back
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create caseload
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RecoveryStep({ recoveryKey, onSaved }: { recoveryKey: string; onSaved: () => void }) {
  return <RecoveryKeySave recoveryKey={recoveryKey} onSaved={onSaved} intro="If you forget your passphrase, this key is the only way back into your caseload. It is shown once." />;
}

function ConfirmStep({ recoveryKey, onBack }: { recoveryKey: string; onBack: () => void }) {
  const queryClient = useQueryClient();
  return (
    <RecoveryKeyCheck
      recoveryKey={recoveryKey}
      onBack={onBack}
      confirmLabel="Continue to my caseload"
      onConfirmed={() => refresh(queryClient, 'workspace.status')}
    />
  );
}
