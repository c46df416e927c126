// Where an export goes: the person chooses with Windows' own save dialog. Cancelling saves nothing.
import { join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';

export function exportDestination(dialog: Pick<Dialog, 'showSaveDialog'>, getWindow: () => BrowserWindow | null, documentsDir: string) {
  return async (fileName: string): Promise<string | null> => {
    const zip = fileName.endsWith('.zip');
    const options = {
      title: 'Save export',
      defaultPath: join(documentsDir, fileName),
      filters: [zip ? { name: 'Encrypted ZIP', extensions: ['zip'] } : { name: 'CSV for Excel', extensions: ['csv'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
    };
    const win = getWindow();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
