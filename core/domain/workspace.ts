// Setting up and unlocking a workspace: the inputs people type, checked the same way everywhere.
import { z } from 'zod';
import type { DamageReport } from './damage';
import { caseloadScopeSchema, type BackupSuggestion, type CaseloadPlace } from './places';
import { checkPassphrase } from './passphrase';
import { HIDDEN_CHARACTER_MESSAGE, visibleLine } from './fields';
import { backupFolderField } from './settings';
import type { Role } from './roles';

/** A new passphrase: the same policy at set-up, for a new member and when changing one's own. */
export const newPassphrase = z
  .string({ error: 'Enter a passphrase.' })
  .max(1024, { error: 'Keep the passphrase under 1,024 characters.' })
  .superRefine((value, ctx) => {
    const { problem } = checkPassphrase(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const createWorkspaceSchema = z.object({
  organisation: z
    .string({ error: 'Enter your organisation or clinic.' })
    .trim()
    .min(1, { error: 'Enter your organisation or clinic.' })
    .max(120, { error: 'Keep this to 120 characters or fewer.' })
    .refine(visibleLine, { error: HIDDEN_CHARACTER_MESSAGE }),
  displayName: z
    .string({ error: 'Enter your name as colleagues know it.' })
    .trim()
    .min(1, { error: 'Enter your name as colleagues know it.' })
    .max(80, { error: 'Keep this to 80 characters or fewer.' })
    .refine(visibleLine, { error: HIDDEN_CHARACTER_MESSAGE }),
  passphrase: newPassphrase,
  /** Just me on this PC, or our team on this PC (ignored where IT fixed it). */
  scope: caseloadScopeSchema.optional(),
  /** Where backups go; null or absent: beside the caseload (set-up warns). Ignored where IT fixed it. */
  backupFolder: backupFolderField.nullable().optional(),
});
export type CreateWorkspaceInput = z.input<typeof createWorkspaceSchema>;

/** Who is signing in: a member id from the lock screen's list; absent, every sign-in is tried. */
const signingIn = z.number().int().positive().optional();

export const unlockSchema = z.object({
  passphrase: z.string().min(1, { error: 'Enter your passphrase.' }).max(1024),
  memberId: signingIn,
});

export const recoverSchema = z.object({
  recoveryKey: z.string().trim().min(1, { error: 'Enter your recovery key.' }).max(100),
  newPassphrase,
  memberId: signingIn,
});

/** damaged: the last unlock found the caseload file or its key file damaged; it stays locked. */
export type WorkspaceState = 'none' | 'locked' | 'unlocked' | 'damaged';
export interface WorkspaceStatus {
  state: WorkspaceState;
  /** Only when damaged: what was found, where the copy is, what it can be restored from. */
  damage?: DamageReport;
  /** Only when unlocked: the organisation name is inside the encrypted file. */
  organisation?: string;
  memberId?: number;
  memberName?: string;
  role?: Role;
  idleLockMinutes?: number;
  /**
   * Only when unlocked: the whole-file check begun at unlock is still running on its own thread.
   * The caseload can be read meanwhile; saves wait for it. Damage found ends in `damaged`.
   */
  checking?: boolean;
  /** Only when locked: the staff who can sign in here, for "Who is signing in" (names, not patients). */
  signIns?: { memberId: number; name: string }[];
  /** Whose caseload this is: the Windows user's own, the PC's team caseload, or a folder IT set. */
  place: CaseloadPlace;
  /** The made-up training caseload is open: every screen says TRAINING. */
  training: boolean;
  /** The set-up and lock screens may offer "Open a training caseload" (IT can turn it off). */
  trainingAvailable: boolean;
  /**
   * Only when unlocked: the methods this member's role may call (the contract's `roles`), so the
   * renderer can hide what the back end would refuse without loading the contract's schemas.
   */
  allowed?: string[];
  /** Only when unlocked, at the sign-in after a recovery: when this member's passphrase was reset with the recovery key. */
  passphraseResetAt?: string;
  /** Only with no caseload yet: what set-up may choose, and what IT has fixed. */
  setup?: SetupChoices;
  /** A policy IT set that could not be read, in IT's words. */
  policyProblems?: string[];
}

export interface SetupChoices {
  /** "Our team on this PC" can be offered (the PC has a machine-wide folder). */
  teamAvailable: boolean;
  /** IT fixed where the caseload goes: set-up says so and offers no choice. */
  placeFixed: CaseloadPlace | null;
  /** IT fixed the backup folder. */
  backupFolderFixed: string | null;
  /** Folders off this PC that Windows tells us about (network home drive, OneDrive). */
  backupSuggestions: BackupSuggestion[];
  /** The "backups" folder beside the caseload, if nothing else is chosen. */
  defaultBackupFolder: string;
  canChooseFolder: boolean;
  /** Electron can show a file chooser for a backup; the harness takes a typed path. */
  canChooseFile: boolean;
}
