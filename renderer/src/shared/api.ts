// The renderer's only way to the app: window.api, provided by the preload in Electron and by
// the harness shim in browser tests. Both are built from the same contract.
import type { ApiClient, MethodInput, MethodName, MethodOutput } from '../../../core/api/contract';
import type { ApiError, Result } from '../../../core/domain/result';

declare global {
  interface Window {
    api: ApiClient;
    /** Pushed from Electron's main process (OS lock, suspend, idle); absent in the harness. */
    appEvents?: { onLocked(callback: () => void): () => void };
  }
}

/** A failed call, thrown so TanStack Query and forms can handle it in one place. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

export async function call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  // Indexing a mapped type by a generic key loses the call signature; restore it once here.
  const method = window.api[name] as unknown as (input: MethodInput<K>) => Promise<Result<MethodOutput<K>>>;
  const result = await method(input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiFailure) return e.error.message;
  return 'Something went wrong. Try again; if it happens again, tell your coordinator.';
}
