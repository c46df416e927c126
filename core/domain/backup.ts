// Backups as the coordinator sees them.
import { z } from 'zod';
import { caseloadScopeSchema } from './places';

/**
 * When a backup was taken, read from its file name (caseload-backup-20260101T090000123Z.db, UTC,
 * milliseconds optional); null for a name the app did not give. A full path (either slash) is
 * read by its last part, for a path typed on the damaged screen.
 */
export function backupTakenAt(pathOrName: string): string | null {
  const name = pathOrName.split(/[\\/]/).pop() ?? '';
  const m = name.match(/^caseload-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})?Z\.db$/);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7] ?? '000'}Z` : null;
}

export interface BackupInfo {
  fileName: string;
  takenAt: string;
  bytes: number;
  /** People in it, as counted when the app made and checked it; null if this caseload did not make it. */
  people: number | null;
  /** The app opened it with the key, ran SQLite's integrity check and matched every count when it was made. */
  verified: boolean;
}

/** Where backups go, and whether this app can offer a folder chooser (Electron can; the harness cannot). */
export interface BackupLocation {
  folder: string;
  /** The "backups" folder beside the caseload, used when no folder is chosen. */
  defaultFolder: string;
  /** No folder chosen: the "backups" folder beside the caseload. */
  isDefault: boolean;
  canChooseFolder: boolean;
  /** IT set the folder by policy: shown, not offered for change. */
  fixedByIt: boolean;
  /** The backups sit on the live caseload's disk: a broken or re-imaged PC would lose both. */
  sameDiskAsCaseload: boolean;
}

/** Row counts of the main tables, to check a backup (and show what a restore brings back). */
export type TableCounts = Record<string, number>;

export interface BackupCheck {
  fileName: string;
  takenAt: string;
  counts: TableCounts;
}

const secret = {
  passphrase: z.string().min(1).max(1024).optional(),
  recoveryKey: z.string().min(1).max(100).optional(),
  /** Opening a backup on a PC with no caseload: just me, or our team on this PC. */
  scope: caseloadScopeSchema.optional(),
};

export const backupFileSchema = z
  .object({
    /** A backup file name in the backup folder, or a full path (restoring on a new PC). */
    path: z.string().min(1).max(1000),
    ...secret,
  })
  .refine((v) => v.passphrase || v.recoveryKey, { error: 'Enter the passphrase or the recovery key that opened the caseload when the backup was taken.', path: ['passphrase'] });

export const restoreSchema = z
  .object({
    path: z.string().min(1).max(1000),
    ...secret,
    /** The person has seen the backup's date and counts and confirmed. */
    confirm: z.literal(true, { error: 'Confirm the restore.' }),
  })
  .refine((v) => v.passphrase || v.recoveryKey, { error: 'Enter the passphrase or the recovery key.', path: ['passphrase'] });
