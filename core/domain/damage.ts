// What the app found when the caseload would not open cleanly: which part is damaged, where the
// copy of the damaged files was put, and the backups it can be restored from.
import type { BackupCheck } from './backup';

/** A backup file found in a backup folder: enough to list it before it is unlocked. */
export interface FoundBackup {
  /** Full path: restoring with no session open needs it. */
  path: string;
  fileName: string;
  takenAt: string;
  bytes: number;
}

export interface DamageReport {
  /** The caseload file itself, or its key file. */
  part: 'database' | 'keys';
  detectedAt: string;
  /** Full path of the folder holding the copy of the files as they were found; null if none could be made. */
  copyFolder: string | null;
  /** Every backup found, newest first. */
  backups: FoundBackup[];
  /**
   * The newest backup that opened with this caseload's key and passed SQLite's integrity check,
   * with its counts. Null when none did, or when the key file is what is damaged (no key to try).
   */
  newestGood: (BackupCheck & { path: string }) | null;
}
