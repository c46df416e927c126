// What the signed-in member's role allows, for hiding what they cannot use. The back end refuses
// it all the same: the list comes from the status it sends (each method's `roles` in
// core/api/contract.ts), so the renderer need not load the contract's schemas (and the passphrase
// dictionaries they reach) at start. This only keeps the screen honest, so nobody is offered a
// button that would answer "not allowed".
import { createContext, useContext } from 'react';
import { exportAllowed, type Role } from '../../../core/domain/roles';

export interface SignedIn {
  name: string;
  role: Role;
  /** The methods this member may call. */
  allowed: ReadonlySet<string>;
}

// Least privilege until the real role is known.
export const SignedInContext = createContext<SignedIn>({ name: '', role: 'reporting', allowed: new Set() });

export function useSignedIn(): SignedIn {
  return useContext(SignedInContext);
}

export function useRole(): Role {
  return useSignedIn().role;
}

/** Whether the signed-in member may call a method. */
export function useCan(): (method: string) => boolean {
  const { allowed } = useSignedIn();
  return (method) => allowed.has(method);
}

/** Whether the signed-in member may export rows (not only the aggregate return). */
export function useCanExportRows(): boolean {
  return exportAllowed(useRole(), { aggregate: false, identifiable: false });
}
