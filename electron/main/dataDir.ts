// Where the live caseload lives. NHS profiles often roam: %APPDATA% can sit on a network share,
// where SQLite is not safe. Then the caseload goes under %LOCALAPPDATA%, which never roams.
import { basename, join } from 'node:path';
import { isNetworkPath } from '../../core/domain/localPath';

export function localDataDir(userData: string, localAppData: string | undefined): string {
  if (isNetworkPath(userData) && localAppData && !isNetworkPath(localAppData)) return join(localAppData, basename(userData), 'workspace');
  // Still a network path: the handlers refuse it with the reason and a suggestion.
  return join(userData, 'workspace');
}
