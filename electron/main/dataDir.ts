// Where the live caseload lives. NHS profiles often roam: %APPDATA% can sit on a network share,
// where SQLite is not safe. Then the caseload goes under %LOCALAPPDATA%, which never roams.
import { join as joinHere } from 'node:path';
import { isNetworkPath } from '../../core/domain/localPath';

export function localDataDir(userData: string, localAppData: string | undefined, join = joinHere): string {
  if (isNetworkPath(userData) && localAppData && !isNetworkPath(localAppData)) return join(localAppData, userData.split(/[\\/]/).pop() ?? '', 'workspace');
  // Still a network path: the handlers refuse it with the reason and a suggestion.
  return join(userData, 'workspace');
}
