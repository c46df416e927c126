// Profile files in and out of the browser side: reading a chosen file as text, and offering a
// profile's JSON as a download. Neither touches the disk directly: the renderer has no Node.

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

/** Offers text as a file download, named by the app (profile id), never by a person. */
export function offerDownload(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the address is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
