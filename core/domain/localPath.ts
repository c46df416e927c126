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
