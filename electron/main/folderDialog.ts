// Where backups go: the coordinator chooses a folder with Windows' own folder dialog (a network
// drive is fine for backups). Cancelling changes nothing.
import type { BrowserWindow, Dialog } from 'electron';

export function chooseFolder(dialog: Pick<Dialog, 'showOpenDialog'>, getWindow: () => BrowserWindow | null) {
  return async (current: string): Promise<string | null> => {
    const options = {
      title: 'Choose the backup folder',
      defaultPath: current,
      buttonLabel: 'Use this folder',
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'] as ('openDirectory' | 'createDirectory' | 'promptToCreate')[],
    };
    const win = getWindow();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
  };
}

/** A backup to open (a new PC, a damaged caseload): the .db file, its .keys file beside it. */
export function chooseBackupFile(dialog: Pick<Dialog, 'showOpenDialog'>, getWindow: () => BrowserWindow | null) {
  return async (): Promise<string | null> => {
    const options = {
      title: 'Choose the backup to open',
      buttonLabel: 'Open this backup',
      filters: [{ name: 'Caseload backups', extensions: ['db'] }],
      properties: ['openFile'] as 'openFile'[],
    };
    const win = getWindow();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
  };
}
