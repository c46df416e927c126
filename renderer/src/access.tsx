// What the signed-in member's role allows, for hiding what they cannot use. The back end refuses
// it all the same (each method's `roles` in core/api/contract.ts is the one table both read); this
// only keeps the screen honest, so nobody is offered a button that would answer "not allowed".
import { createContext, useContext } from 'react';
import { can } from '../../core/api/contract';
import { exportAllowed, type Role } from '../../core/domain/roles';

export interface SignedIn {
  name: string;
  role: Role;
}

// Least privilege until the real role is known.
export const SignedInContext = createContext<SignedIn>({ name: '', role: 'reporting' });

export function useSignedIn(): SignedIn {
  return useContext(SignedInContext);
}

export function useRole(): Role {
  return useSignedIn().role;
}

/** Whether the signed-in member may call a method. */
export function useCan(): (method: string) => boolean {
  const role = useRole();
  return (method) => can(role, method);
}

/** Whether the signed-in member may export rows (not only the aggregate return). */
export function useCanExportRows(): boolean {
  return exportAllowed(useRole(), { aggregate: false, identifiable: false });
}
