import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { settingsSchema, type Settings } from '../../../core/domain/settings';
import { call, errorMessage } from '../api';
import { notifySuccess } from '../notify';
import { STATUS_KEY } from '../session';

export function SettingsScreen() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings.get', {}) });
  const form = useForm<Settings>({ mode: 'controlled', initialValues: { idleLockMinutes: 5 }, validate: schemaResolver(settingsSchema, { sync: true }) });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (settings.data) {
      setValues(settings.data);
      resetDirty(settings.data);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when loaded data changes
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (v: Settings) => call('settings.update', v),
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings'], saved);
      void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
      notifySuccess('Settings saved');
    },
  });
  return (
    <Stack maw={560}>
      <Title order={2}>Settings</Title>
      {settings.isError && <Alert color="red">{errorMessage(settings.error)}</Alert>}
      <Paper withBorder p="lg">
        <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
          <Stack>
            <Title order={3} size="h4">
              Locking
            </Title>
            <Text size="sm">The caseload locks itself when this computer has not been used for a while, and when Windows locks the screen.</Text>
            <NumberInput label="Lock after this many idle minutes" min={1} max={15} step={1} allowDecimal={false} w={260} {...form.getInputProps('idleLockMinutes')} />
            {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
            <Group>
              <Button type="submit" loading={save.isPending} disabled={!settings.data}>
                Save settings
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
