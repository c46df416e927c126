// The roles and what each is for. Which methods each may call is declared with the method itself
// (core/api/contract.ts: `roles`), checked by the dispatcher before any handler runs (so a refused
// call changes nothing) and read by the renderer through `can` to hide what a role cannot use.
//
// - coordinator: everything, including members, settings, sites, licences, backups, the audit
//   log and exports that name people.
// - peer_worker: the caseload (people, referrals, contacts, goals, risks, outcomes, groups), the
//   reports, the monthly return, and their own passphrase.
// - reporting: figures only: the reports and the monthly return. No record that names anyone.

export const ROLES = ['coordinator', 'peer_worker', 'reporting'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  coordinator: 'Coordinator',
  peer_worker: 'Peer support worker',
  reporting: 'Reporting only',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  coordinator: 'Everything, including members, settings, the audit log and exports that name people.',
  peer_worker: 'The caseload, groups, reports and the monthly return. Not members, settings or row-level exports.',
  reporting: 'Reports and the monthly return only. Cannot see anyone’s record.',
};

/** `anyone`: works without being signed in (setting up, signing in, locking). */
export type Access = 'anyone' | readonly Role[];

/**
 * Exports by what they contain: a coordinator may export anything (rows naming people after
 * confirming); everyone else only aggregate figures such as the monthly return.
 */
export function exportAllowed(role: Role, what: { aggregate: boolean; identifiable: boolean }): boolean {
  if (role === 'coordinator') return true;
  return what.aggregate && !what.identifiable;
}

export const FORBIDDEN_MESSAGE = 'Your role does not allow this. Ask your coordinator.';
