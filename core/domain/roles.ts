// Who may do what. One table for every API method, checked by the dispatcher before any handler
// runs (so a refused call changes nothing) and read by the renderer to hide what a role cannot
// use. A unit test fails when a contract method has no entry here.
//
// - coordinator: everything, including members, settings, sites, licences, backups, the audit
//   log and exports that name people.
// - peer_worker: the caseload (people, referrals, contacts, goals, risks, outcomes, groups), the
//   reports, the monthly return, and their own passphrase.
// - reporting: figures only: the reports and the monthly return. No record that names anyone.
// Reading settings, sites and instruments stays open to everyone: every screen needs them.

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

const ALL: readonly Role[] = ['coordinator', 'peer_worker', 'reporting'];
const CASELOAD: readonly Role[] = ['coordinator', 'peer_worker'];
const COORDINATOR: readonly Role[] = ['coordinator'];

export const ACCESS = {
  'workspace.status': 'anyone',
  'workspace.create': 'anyone',
  'session.unlock': 'anyone',
  'session.recover': 'anyone',
  'session.lock': 'anyone',
  'session.changePassphrase': ALL,

  'settings.get': ALL,
  'settings.update': COORDINATOR,
  'sites.list': ALL,
  'sites.save': COORDINATOR,
  'licences.get': ALL,
  'licences.confirm': COORDINATOR,
  'instruments.list': ALL,

  'members.list': COORDINATOR,
  'members.add': COORDINATOR,
  'members.setRole': COORDINATOR,
  'members.remove': COORDINATOR,
  'recovery.regenerate': COORDINATOR,
  'workspace.rekey': COORDINATOR,
  'workspace.rekeyProgress': COORDINATOR,

  // A backup holds the whole caseload (encrypted); restoring replaces it.
  'backups.list': CASELOAD,
  'backups.create': CASELOAD,
  'backups.location': CASELOAD,
  'backups.chooseFolder': COORDINATOR,
  // Locked, it answers only with no caseload or a damaged one (handlers/backups.ts), as inspect does.
  'backups.chooseFile': COORDINATOR,
  // Made-up people only, in a folder of its own: anyone at the lock screen may open it.
  'training.open': 'anyone',
  'training.reset': ALL,
  // Without a session (the damaged-file screen) these answer to the backup's own passphrase.
  'backups.inspect': COORDINATOR,
  'backups.restore': COORDINATOR,
  'audit.list': COORDINATOR,
  'audit.actions': COORDINATOR,
  'audit.verify': COORDINATOR,
  'audit.export': COORDINATOR,

  // Information governance: a person's whole record, and deleting records past retention.
  'people.subjectAccess': COORDINATOR,
  'retention.list': COORDINATOR,
  'retention.purge': COORDINATOR,

  'myDay.get': CASELOAD,
  'people.list': CASELOAD,
  'people.get': CASELOAD,
  'people.findDuplicates': CASELOAD,
  'people.create': CASELOAD,
  'people.update': CASELOAD,
  'episodes.create': CASELOAD,
  'episodes.updateReferral': CASELOAD,
  'episodes.setReferralStatus': CASELOAD,
  'episodes.close': CASELOAD,
  'episodes.reopen': CASELOAD,
  'attempts.create': CASELOAD,
  'contacts.create': CASELOAD,
  'contacts.update': CASELOAD,
  'goals.create': CASELOAD,
  'goals.update': CASELOAD,
  'goals.review': CASELOAD,
  'signposting.create': CASELOAD,
  'signposting.update': CASELOAD,
  'risks.raise': CASELOAD,
  'risks.update': CASELOAD,
  'risks.resolve': CASELOAD,
  'assessments.record': CASELOAD,
  'engagement.record': CASELOAD,

  'groups.list': CASELOAD,
  'groups.get': CASELOAD,
  'groups.create': CASELOAD,
  'groups.update': CASELOAD,
  'groups.setRegistration': CASELOAD,
  'groups.removeRegistration': CASELOAD,

  // Which exports a role may run is narrowed again by exportAllowed below.
  'exports.profiles': ALL,
  'exports.preview': ALL,
  'exports.run': ALL,
  'exports.progress': ALL,
  'exports.cancel': ALL,
  'exports.log': ALL,
  'exports.saveProfile': COORDINATOR,
  'exports.deleteProfile': COORDINATOR,
  'exports.importProfile': COORDINATOR,
  'exports.saveProfileFile': COORDINATOR,
  'reports.monthly': ALL,
  // These list people by name: the caseload's roles only.
  'reports.drillDown': CASELOAD,
  'reports.dataQuality': CASELOAD,
} as const satisfies Record<string, Access>;

export type GuardedMethod = keyof typeof ACCESS;

/** Whether a role may call a method. A method missing from the table is refused. */
export function can(role: Role, method: string): boolean {
  const access = (ACCESS as Record<string, Access | undefined>)[method];
  if (access === undefined) return false;
  return access === 'anyone' || access.includes(role);
}

/**
 * Exports by what they contain: a coordinator may export anything (rows naming people after
 * confirming); everyone else only aggregate figures such as the monthly return.
 */
export function exportAllowed(role: Role, what: { aggregate: boolean; identifiable: boolean }): boolean {
  if (role === 'coordinator') return true;
  return what.aggregate && !what.identifiable;
}

export const FORBIDDEN_MESSAGE = 'Your role does not allow this. Ask your coordinator.';
