// Members: the staff who sign in to this caseload, each with their own passphrase and a role.
// Removing a member keeps their row (records name their author) and takes away their way in.
import { z } from 'zod';
import { HIDDEN_CHARACTER_MESSAGE, id, visibleLine } from './fields';
import { ROLES, type Role } from './roles';
import { newPassphrase } from './workspace';

const role = z.enum(ROLES, { error: 'Choose a role.' });

export const memberName = z
  .string({ error: 'Enter the member’s name as colleagues know it.' })
  .trim()
  .min(1, { error: 'Enter the member’s name as colleagues know it.' })
  .max(80, { error: 'Keep this to 80 characters or fewer.' })
  .refine(visibleLine, { error: HIDDEN_CHARACTER_MESSAGE });

export const addMemberSchema = z.object({ name: memberName, role, passphrase: newPassphrase }).strict();
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const setRoleSchema = z.object({ id, role }).strict();

export const removeMemberSchema = z
  .object({
    id,
    /** Re-encrypt the caseload under a new key straight after (recommended). */
    rekey: z.boolean(),
  })
  .strict();

export const changePassphraseSchema = z
  .object({
    current: z.string({ error: 'Enter your current passphrase.' }).min(1, { error: 'Enter your current passphrase.' }).max(1024),
    next: newPassphrase,
  })
  .strict()
  .refine((v) => v.current !== v.next, { error: 'Choose a passphrase different from the current one.', path: ['next'] });
export type ChangePassphraseInput = z.input<typeof changePassphraseSchema>;

export interface MemberView {
  id: number;
  name: string;
  role: Role;
  /** ISO timestamp. */
  addedAt: string;
  /** ISO timestamp, or null while the member can sign in. */
  removedAt: string | null;
  /** The member asking: they cannot remove themselves. */
  isYou: boolean;
}

// Kept in their own module: the renderer shows re-key progress without loading the passphrase
// policy (and its dictionaries) that this module's schemas need.
export { REKEY_STAGES, REKEY_STAGE_LABELS, type RekeyProgress, type RekeyStage } from './rekey';
