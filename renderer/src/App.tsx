import { Alert, Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { errorMessage } from './shared/api';
import { DamagedScreen } from './features/start/DamagedScreen';
import { UnlockScreen } from './features/start/UnlockScreen';
import { Workspace } from './features/workspace/Workspace';
import { callQuery } from './shared/queryKeys';

// Set-up happens once per computer and checks passphrase strength with zxcvbn's dictionaries
// (about 400 kB compressed): loaded on demand, so they are not in every start's main bundle.
const SetupScreen = lazy(() => import('./features/start/SetupScreen').then((m) => ({ default: m.SetupScreen })));

function Opening() {
  return (
    <Center h="100vh">
      <Loader role="status" aria-label="Opening" />
    </Center>
  );
}

export function App() {
  const status = useQuery({
    ...callQuery('workspace.status', {}),
    // Just after unlocking, the whole-file check runs for a moment: asked again until it is done,
    // so damage it finds brings up the damaged screen without waiting for the next click.
    refetchInterval: (query) => (query.state.data?.checking ? 300 : false),
  });
  // Electron's window title follows the page's: in training it says so on the taskbar too.
  const training = status.data?.training ?? false;
  useEffect(() => {
    document.title = training ? 'TRAINING — Peer Support Caseload' : 'Peer Support Caseload';
  }, [training]);
  if (status.isPending) return <Opening />;
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
      return (
        <Suspense fallback={<Opening />}>
          <SetupScreen status={status.data} />
        </Suspense>
      );
    case 'locked':
      return <UnlockScreen signIns={status.data.signIns} trainingAvailable={status.data.trainingAvailable} policyProblems={status.data.policyProblems} />;
    case 'unlocked':
      return <Workspace status={status.data} />;
    case 'damaged':
      return <DamagedScreen damage={status.data.damage!} />;
  }
}
