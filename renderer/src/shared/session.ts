// Session state on the renderer side. Locking drops every cached query, so no caseload data
// stays in the renderer's memory once the screen shows the lock.
import type { QueryClient } from '@tanstack/react-query';
import type { WorkspaceStatus } from '../../../core/domain/workspace';
import { ApiFailure, call } from './api';
import { isFor, refresh, setAnswer } from './queryKeys';

export function showLocked(queryClient: QueryClient): void {
  // Status first: the unlocked screens unmount, taking their form state with them.
  // (Locking the training caseload goes back to the real one: no longer training.)
  setAnswer(queryClient, 'workspace.status', {}, (was) => ({ place: was?.place ?? 'user', trainingAvailable: was?.trainingAvailable ?? false, state: 'locked', training: false }));
  // Then every cached answer and every remembered mutation input (a typed name, say).
  queryClient.removeQueries({ predicate: (q) => !isFor(q.queryKey, 'workspace.status') });
  queryClient.getMutationCache().clear();
  // Then the lock screen's own facts (who can sign in here) from the app.
  refresh(queryClient, 'workspace.status');
}

export async function lockNow(queryClient: QueryClient): Promise<void> {
  try {
    await call('session.lock', {});
  } finally {
    // Clear the screen even if the call failed: the worker asked for the data to go.
    showLocked(queryClient);
  }
}

/** A damaged file: the app's status now says so, with what it found, and the damaged screen shows it. */
export function showIfDamaged(queryClient: QueryClient, e: unknown) {
  if (e instanceof ApiFailure && (e.error.code === 'DATABASE_DAMAGED' || e.error.code === 'ENVELOPE_DAMAGED')) refresh(queryClient, 'workspace.status');
}

export function showUnlocked(queryClient: QueryClient, status: WorkspaceStatus): void {
  setAnswer(queryClient, 'workspace.status', {}, status);
}
