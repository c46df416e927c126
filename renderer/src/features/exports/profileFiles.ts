// Profile files in and out of the browser side: reading a chosen file as text, and fetching a
// saved one in the harness. Neither touches the disk directly: the renderer has no Node.

/** Export profiles are small; anything bigger is refused before it is read. */
export const MAX_PROFILE_FILE_BYTES = 100_000;

export function readAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

/** Fetches a file the harness saved (its download address) through the browser's own download. */
export function startDownload(address: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = address;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}
