// Reading chosen return data files in the renderer (it has no Node): their names and bytes, as
// base64, for the app to open. They are a few kilobytes each.

/** A return data file is small; anything larger is refused before it is read. */
export const MAX_RETURN_FILE_BYTES = 1_000_000;

export async function readReturnFile(file: File): Promise<{ name: string; data: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, data: btoa(binary) };
}
