// Where a finished export is. Electron answers with the path the person chose in the save
// dialog; the browser harness (tests, training) answers with a same-origin download address.
export function isDownloadAddress(location: string): boolean {
  return /^https?:\/\//.test(location) || location.startsWith('/__');
}
