// Where an export goes: the person chooses with Windows' own save dialog. Cancelling saves nothing.
import { join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';

export function exportDestination(dialog: Pick<Dialog, 'showSaveDialog'>, getWindow: () => BrowserWindow | null, documentsDir: string) {
  return async (fileName: string): Promise<string | null> => {
    const options = {
      title: fileName.endsWith('.json') ? 'Save export profile' : 'Save export',
      defaultPath: join(documentsDir, fileName),
      filters: [filterFor(fileName)],
      properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
    };
    const win = getWindow();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}

/** The save dialog offers the type being written. */
function filterFor(fileName: string): { name: string; extensions: string[] } {
  if (fileName.endsWith('.zip')) return { name: 'Encrypted ZIP', extensions: ['zip'] };
  if (fileName.endsWith('.json')) return { name: 'Export profile', extensions: ['json'] };
  if (fileName.endsWith('.pdf')) return { name: 'PDF document', extensions: ['pdf'] };
  return { name: 'CSV for Excel', extensions: ['csv'] };
}
