// Where an export goes: the person chooses with Windows' own save dialog. Cancelling saves nothing.
import { extname, join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { usableFileName } from '../../core/api/context';

/** The type the save dialog offers, from the suggested name: exports are CSV, Excel workbooks or
 * ZIP, copies PDF, profiles JSON. */
const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.csv': { name: 'CSV for Excel', extensions: ['csv'] },
  '.xlsx': { name: 'Excel workbook', extensions: ['xlsx'] },
  '.zip': { name: 'Encrypted ZIP', extensions: ['zip'] },
  '.pdf': { name: 'PDF document', extensions: ['pdf'] },
  '.json': { name: 'Export profile', extensions: ['json'] },
};

export function exportDestination(dialog: Pick<Dialog, 'showSaveDialog'>, getWindow: () => BrowserWindow | null, documentsDir: string) {
  return async (suggested: string): Promise<string | null> => {
    // Only the name's last part is joined to Documents: it cannot point the dialog elsewhere.
    const fileName = usableFileName(suggested);
    const options = {
      title: fileName.endsWith('.json') ? 'Save export profile' : 'Save export',
      defaultPath: join(documentsDir, fileName),
      filters: [FILTERS[extname(fileName).toLowerCase()] ?? FILTERS['.csv']],
      properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
    };
    const win = getWindow();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}

