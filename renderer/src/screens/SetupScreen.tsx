// First run: name the workspace, choose a passphrase, save the recovery key, prove it was saved.
import { Button, Container, Group, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createWorkspaceSchema, type CreateWorkspaceInput } from '../../../core/domain/workspace';
import { ApiFailure, call } from '../api';
import { PassphraseField } from '../components/PassphraseField';
import { RecoveryKeyCheck } from '../components/RecoveryKeyCheck';
import { RecoveryKeySave } from '../components/RecoveryKeySave';
import { STATUS_KEY } from '../session';
import { confirmedPassphrase } from '../components/confirmedPassphrase';
import { FormFailure } from '../components/FormFailure';

export function SetupScreen() {
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [step, setStep] = useState(0);
  return (
    <Container size="sm" py="xl">
      <Title order={1} mb="xs">
        Set up your caseload
      </Title>
      <Text c="dimmed" mb="xl">
        Your caseload is kept encrypted on this computer. Only someone with your passphrase or recovery key can open it.
      </Text>
      <Stepper active={step} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label="Your details" description="and a passphrase">
          <DetailsStep
            onCreated={(key) => {
              setRecoveryKey(key);
              setStep(1);
            }}
          />
        </Stepper.Step>
        <Stepper.Step label="Recovery key" description="save it safely">
          {recoveryKey && <RecoveryStep recoveryKey={recoveryKey} onSaved={() => setStep(2)} />}
        </Stepper.Step>
        <Stepper.Step label="Check" description="that it is saved">
          {recoveryKey && <ConfirmStep recoveryKey={recoveryKey} onBack={() => setStep(1)} />}
        </Stepper.Step>
      </Stepper>
    </Container>
  );
}

function DetailsStep({ onCreated }: { onCreated: (recoveryKey: string) => void }) {
  const form = useForm<CreateWorkspaceInput & { confirm: string }>({
    mode: 'controlled',
    initialValues: { organisation: '', displayName: '', passphrase: '', confirm: '' },
    validate: confirmedPassphrase(createWorkspaceSchema, 'passphrase'),
  });
  const create = useMutation({
    mutationFn: (v: CreateWorkspaceInput) => call('workspace.create', v),
    onSuccess: (value) => onCreated(value.recoveryKey),
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) form.setErrors(e.error.fields);
    },
  });
  return (
    <form onSubmit={form.onSubmit(({ confirm: _confirm, ...v }) => create.mutate(v))} noValidate>
      <Stack mt="lg" maw={480}>
        <TextInput label="Organisation or clinic" placeholder="e.g. Riverside Sexual Health" required {...form.getInputProps('organisation')} />
        <TextInput label="Your name" description="As colleagues know you. Shown on records you make." required {...form.getInputProps('displayName')} />
        <PassphraseField id="passphrase" label="Passphrase" required autoComplete="new-password" {...form.getInputProps('passphrase')} />
        <TextInput type="password" label="Type the passphrase again" required autoComplete="new-password" {...form.getInputProps('confirm')} />
        <FormFailure error={create.error} fields={Object.keys(form.values)} />
        <Group>
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
      onConfirmed={() => void queryClient.invalidateQueries({ queryKey: STATUS_KEY })}
    />
  );
}
