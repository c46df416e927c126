// The training caseload: made-up people in a folder of the Windows user's own, opened from the
// set-up or lock screen without a passphrase so a trainer can start a session in a moment. It is
// never the real caseload: another folder, another key, TRAINING on every screen and in every file
// name saved from it; locking it goes back to the real caseload's lock screen.
import { mkdirSync, rmSync } from 'node:fs';
import { insertPeople } from '../../../db/queries/bulk';
import { syntheticPeople } from '../../../db/synthetic';
import { closeWorkspace, createWorkspace, unlockWorkspace, workspaceExists } from '../../../db/workspace';
import { DomainError } from '../../domain/result';
import type { WorkspaceStatus } from '../../domain/workspace';
import type { AppContext } from '../context';
import type { HandlerMap } from './types';
import { lock, opening } from './workspace';

/**
 * Not a secret: the training caseload holds only made-up people, and the app signs in for the
 * trainee. It is encrypted all the same because every caseload file is.
 */
const TRAINING_PASSPHRASE = 'made-up people for training only';
const TRAINING_PEOPLE = 80;

async function makeTrainingCaseload(ctx: AppContext, now: Date): Promise<void> {
  mkdirSync(ctx.dataDir, { recursive: true, mode: 0o700 });
  const { workspace } = await createWorkspace(ctx, { organisation: 'Training caseload (made-up people)', displayName: 'Trainee', passphrase: TRAINING_PASSPHRASE }, now);
  try {
    // Dated from today, so My day has waiting referrals, sessions due and assessments overdue.
    insertPeople(workspace, syntheticPeople(TRAINING_PEOPLE, now.getTime() % 100_000, now), now);
  } finally {
    closeWorkspace(workspace);
  }
}

async function openTraining(ctx: AppContext): Promise<WorkspaceStatus> {
  if (ctx.places.policy.trainingDisabled) throw new DomainError('FORBIDDEN', 'Your IT team has turned the training caseload off on this PC.');
  if (ctx.session) throw new DomainError('CONFLICT', 'Lock the caseload first: the training caseload opens from the lock screen.');
  ctx.training = { dataDir: ctx.dataDir, place: ctx.place };
  ctx.dataDir = ctx.places.training;
  try {
    if (!workspaceExists(ctx.dataDir)) await makeTrainingCaseload(ctx, new Date());
    return await opening(ctx, () => unlockWorkspace(ctx, TRAINING_PASSPHRASE));
  } catch (e) {
    // Whatever failed, the app is back on the real caseload.
    if (!ctx.session && ctx.training) {
      ctx.dataDir = ctx.training.dataDir;
      ctx.place = ctx.training.place;
      ctx.training = null;
    }
    throw e;
  }
}

export const trainingHandlers = {
  'training.open': (ctx) => openTraining(ctx),
  /** Starts the training caseload again from fresh made-up people, dated from today. */
  'training.reset': async (ctx) => {
    if (!ctx.training || !ctx.session) throw new DomainError('CONFLICT', 'Only the training caseload can be reset.');
    const folder = ctx.places.training;
    const { user, team, policy } = ctx.places;
    // Belt and braces: whatever a policy or a test sets, a real caseload's folder is never removed.
    if ([user, team, policy.caseloadFolder].includes(folder)) throw new DomainError('CONFLICT', 'The training caseload shares a folder with the real one, so it cannot be reset.');
    lock(ctx);
    await ctx.closing;
    rmSync(folder, { recursive: true, force: true });
    return openTraining(ctx);
  },
} satisfies HandlerMap<'training.open' | 'training.reset'>;
