import { Alert, Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call, errorMessage } from './api';
import { DamagedScreen } from './screens/DamagedScreen';
import { SetupScreen } from './screens/SetupScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { Workspace } from './screens/Workspace';
import { STATUS_KEY } from './session';

export function App() {
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => call('workspace.status', {}) });
  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Opening" />
      </Center>
    );
  }
  if (status.isError) {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" title="The app could not start" maw={520}>
          {errorMessage(status.error)}
        </Alert>
      </Center>
    );
  }
  switch (status.data.state) {
    case 'none':
      return <SetupScreen />;
    case 'locked':
      return <UnlockScreen signIns={status.data.signIns} />;
    case 'unlocked':
      return <Workspace status={status.data} />;
    case 'damaged':
      return <DamagedScreen damage={status.data.damage!} />;
  }
}
