// The live caseload must be on a local disk: SQLite's locking is not safe over network file
// systems (SMB), so two PCs could corrupt the file. Backups may go to a network drive.

/** UNC paths (\\server\share, //server/share) and Windows long UNC (\\?\UNC\…). */
export function isNetworkPath(path: string): boolean {
  return /^(\\\\|\/\/)(?!\?\\(?!UNC))/.test(path) || /^\\\\\?\\UNC\\/i.test(path);
}

export const NETWORK_PATH_MESSAGE =
  'The caseload cannot be kept on a network drive: the database could be damaged if two computers open it. Keep it on this computer’s own disk, and put backups on the network drive instead.';

/** A full path: a drive letter (D:\…), a network share (\\server\share), or from the root (/…). */
export function isFullPath(path: string): boolean {
  return /^([A-Za-z]:[\\/]|\\\\|\/)/.test(path);
}

/**
 * A file name the app suggests (an export, a profile, a copy), reduced to its last part before it
 * is joined to a folder: whatever went into it (a date, an id), it cannot climb out of that folder
 * or name a Windows alternate data stream. Null when nothing usable is left.
 */
export function baseFileName(name: string): string | null {
  const last = name.split(/[\\/:]/).pop()!.trim();
  return last === '' || last === '.' || last === '..' ? null : last;
}
