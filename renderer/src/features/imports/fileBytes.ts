// A chosen file's bytes as base64, for imports.open: the renderer has no Node, so the file picked
// in the window's own file dialog is read here and sent whole.
import { MAX_IMPORT_BYTES } from '../../../../core/domain/import/check';
import { ApiFailure } from '../../shared/api';

export function readAsBase64(file: File): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) {
    return Promise.reject(new ApiFailure({ code: 'VALIDATION', message: 'This file is too large to import: split it into smaller files.' }));
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data: address is the file as base64 after its first comma.
    reader.onload = () => resolve(String(reader.result ?? '').replace(/^[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
