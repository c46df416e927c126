// Every API method's policy, written out once by hand: who may call it, how the dispatcher runs
// it, and what it writes to the audit log for a representative call. Moving where a method's
// policy is declared must leave this table true; changing a method's policy means changing it here
// too, on purpose.
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName } from '../../core/api/contract';
import { describeCall } from '../../core/api/audit';
import { methodPolicy } from '../../core/api/dispatch';

const ANYONE = 'anyone';
const ALL = ['coordinator', 'peer_worker', 'reporting'];
const CASELOAD = ['coordinator', 'peer_worker'];
const COORDINATOR = ['coordinator'];

type Run = 'serial' | 'async' | 'whileChecking' | 'ownTransaction';
type Row = { roles: string | string[]; run: Run[]; audit: Record<string, unknown> | null };

// The representative call: the input names record 7, the answer carries record 9 (so an entry that
// takes its id from the answer tells itself apart from one that takes it from the input).
const PERIOD = { start: '2026-10-01', end: '2026-10-31' };
const INPUT: Record<string, unknown> = { id: 7 };
const INPUTS: Partial<Record<MethodName, Record<string, unknown>>> = {
  'exports.run': { profileId: 'monthly', period: PERIOD },
  'returns.saveDataFile': { period: PERIOD, siteId: 3, passphrase: 'not in the log' },
  'returns.combine': { files: [{ name: 'a.json', data: '' }, { name: 'b.json', data: '' }], passphrase: 'not in the log' },
  'returns.saveCombined': { files: [{ name: 'a.json', data: '' }], passphrase: 'not in the log', profileId: 'combined_return' },
  'audit.export': { from: '2026-01-01', to: '2026-12-31' },
  'lists.add': { list: 'contact_type', label: 'Counselling' },
  'lists.change': { list: 'contact_type', code: 'counselling', label: 'Counselling (BACP)' },
  'lists.remove': { list: 'contact_type', code: 'counselling' },
  'development.record': { memberId: 3, kind: 'training' },
  'development.remove': { id: 7 },
};
const VALUE = { id: 9, fileName: 'f', rows: 1, sha256: 'h', people: 3, format: 'pdf', memberId: 2, identifiable: false, encrypted: false };

const EXPECTED: Record<MethodName, Row> = {
  'workspace.status': { roles: ANYONE, run: ['whileChecking'], audit: null },
  'workspace.create': { roles: ANYONE, run: ['serial', 'async'], audit: { action: 'workspace.create', entity: 'session' } },
  'session.unlock': { roles: ANYONE, run: ['serial', 'async'], audit: { action: 'session.unlock', entity: 'session' } },
  'session.recover': { roles: ANYONE, run: ['serial', 'async'], audit: { action: 'session.recover', entity: 'member', entityId: 2 } },
  'session.lock': { roles: ANYONE, run: ['async', 'whileChecking'], audit: null },
  'session.changePassphrase': { roles: ALL, run: ['serial', 'async'], audit: null },
  'settings.get': { roles: ALL, run: ['whileChecking'], audit: null },
  'settings.update': { roles: COORDINATOR, run: [], audit: { action: 'settings.update', entity: 'settings', detail: { keys: 'id' } } },
  'sites.list': { roles: ALL, run: ['whileChecking'], audit: null },
  'sites.save': { roles: COORDINATOR, run: [], audit: { action: 'sites.save', entity: 'settings', detail: { keys: 'id' } } },
  'licences.get': { roles: ALL, run: ['whileChecking'], audit: null },
  'licences.confirm': { roles: COORDINATOR, run: [], audit: { action: 'licences.confirm', entity: 'settings', detail: { keys: 'id' } } },
  'instruments.list': { roles: ALL, run: ['whileChecking'], audit: null },
  'lists.get': { roles: ALL, run: ['whileChecking'], audit: null },
  'lists.add': { roles: COORDINATOR, run: [], audit: { action: 'lists.add', entity: 'settings', detail: { list: 'contact_type', code: null } } },
  'lists.change': { roles: COORDINATOR, run: [], audit: { action: 'lists.change', entity: 'settings', detail: { list: 'contact_type', code: 'counselling' } } },
  'lists.remove': { roles: COORDINATOR, run: [], audit: { action: 'lists.remove', entity: 'settings', detail: { list: 'contact_type', code: 'counselling' } } },
  'development.list': { roles: CASELOAD, run: ['whileChecking'], audit: null },
  'development.record': { roles: CASELOAD, run: [], audit: { action: 'development.record', entity: 'member', entityId: 3 } },
  'development.remove': { roles: CASELOAD, run: [], audit: { action: 'development.remove', entity: 'member', entityId: null, detail: { entryId: 7 } } },
  'backups.location': { roles: CASELOAD, run: ['whileChecking'], audit: null },
  'backups.chooseFolder': { roles: COORDINATOR, run: ['async'], audit: null },
  'backups.chooseFile': { roles: COORDINATOR, run: ['async'], audit: null },
  'backups.list': { roles: CASELOAD, run: ['async', 'whileChecking'], audit: null },
  'backups.create': { roles: CASELOAD, run: ['async'], audit: { action: 'backups.create', entity: 'backup', detail: { fileName: 'f', people: 3 } } },
  'backups.inspect': { roles: COORDINATOR, run: ['async'], audit: null },
  'backups.restore': { roles: COORDINATOR, run: ['serial', 'async'], audit: null },
  'training.open': { roles: ANYONE, run: ['serial', 'async'], audit: { action: 'session.unlock', entity: 'session' } },
  'training.reset': { roles: ALL, run: ['serial', 'async'], audit: { action: 'session.unlock', entity: 'session' } },
  'audit.list': { roles: COORDINATOR, run: [], audit: null },
  'audit.actions': { roles: COORDINATOR, run: [], audit: null },
  'audit.verify': { roles: COORDINATOR, run: [], audit: null },
  'audit.export': { roles: COORDINATOR, run: ['async'], audit: { action: 'audit.export', entity: 'export', detail: { from: '2026-01-01', to: '2026-12-31', action: null, rows: 1, sha256: 'h' } } },
  'members.list': { roles: COORDINATOR, run: ['whileChecking'], audit: null },
  'members.add': { roles: COORDINATOR, run: ['serial', 'async'], audit: null },
  'members.setRole': { roles: COORDINATOR, run: [], audit: null },
  'members.remove': { roles: COORDINATOR, run: ['serial', 'async'], audit: null },
  'recovery.regenerate': { roles: COORDINATOR, run: ['serial'], audit: null },
  'workspace.rekey': { roles: COORDINATOR, run: ['serial', 'async'], audit: null },
  'workspace.rekeyProgress': { roles: COORDINATOR, run: ['whileChecking'], audit: null },
  'myDay.get': { roles: CASELOAD, run: ['whileChecking'], audit: null },
  'people.list': { roles: CASELOAD, run: ['whileChecking'], audit: null },
  'people.get': { roles: CASELOAD, run: [], audit: { action: 'person.viewed', entity: 'person', entityId: 7 } },
  'people.findDuplicates': { roles: CASELOAD, run: ['whileChecking'], audit: null },
  'people.create': { roles: CASELOAD, run: [], audit: { action: 'people.create', entity: 'person', entityId: 9 } },
  'people.update': { roles: CASELOAD, run: [], audit: { action: 'people.update', entity: 'person', entityId: 9 } },
  'episodes.create': { roles: CASELOAD, run: [], audit: { action: 'episodes.create', entity: 'person', entityId: 9 } },
  'episodes.updateReferral': { roles: CASELOAD, run: [], audit: { action: 'episodes.updateReferral', entity: 'person', entityId: 9 } },
  'episodes.setReferralStatus': { roles: CASELOAD, run: [], audit: { action: 'episodes.setReferralStatus', entity: 'person', entityId: 9 } },
  'episodes.close': { roles: CASELOAD, run: [], audit: { action: 'episodes.close', entity: 'person', entityId: 9 } },
  'episodes.reopen': { roles: CASELOAD, run: [], audit: { action: 'episodes.reopen', entity: 'person', entityId: 9 } },
  'attempts.create': { roles: CASELOAD, run: [], audit: { action: 'attempts.create', entity: 'person', entityId: 9 } },
  'contacts.create': { roles: CASELOAD, run: [], audit: { action: 'contacts.create', entity: 'person', entityId: 9 } },
  'contacts.update': { roles: CASELOAD, run: [], audit: { action: 'contacts.update', entity: 'person', entityId: 9 } },
  'goals.create': { roles: CASELOAD, run: [], audit: { action: 'goals.create', entity: 'person', entityId: 9 } },
  'goals.update': { roles: CASELOAD, run: [], audit: { action: 'goals.update', entity: 'person', entityId: 9 } },
  'goals.review': { roles: CASELOAD, run: [], audit: { action: 'goals.review', entity: 'person', entityId: 9 } },
  'signposting.create': { roles: CASELOAD, run: [], audit: { action: 'signposting.create', entity: 'person', entityId: 9 } },
  'signposting.update': { roles: CASELOAD, run: [], audit: { action: 'signposting.update', entity: 'person', entityId: 9 } },
  'risks.raise': { roles: CASELOAD, run: [], audit: { action: 'risks.raise', entity: 'person', entityId: 9 } },
  'risks.update': { roles: CASELOAD, run: [], audit: { action: 'risks.update', entity: 'person', entityId: 9 } },
  'risks.resolve': { roles: CASELOAD, run: [], audit: { action: 'risks.resolve', entity: 'person', entityId: 9 } },
  'assessments.record': { roles: CASELOAD, run: [], audit: { action: 'assessments.record', entity: 'person', entityId: 9 } },
  'engagement.record': { roles: CASELOAD, run: [], audit: { action: 'engagement.record', entity: 'person', entityId: 9 } },
  'exports.profiles': { roles: ALL, run: ['whileChecking'], audit: null },
  'exports.saveProfile': { roles: COORDINATOR, run: [], audit: { action: 'exports.saveProfile', entity: 'settings', detail: { keys: 'id' } } },
  'exports.deleteProfile': { roles: COORDINATOR, run: [], audit: { action: 'exports.deleteProfile', entity: 'settings', detail: { keys: 'id' } } },
  'exports.importProfile': { roles: COORDINATOR, run: [], audit: { action: 'exports.importProfile', entity: 'settings', detail: { keys: 'id' } } },
  'exports.layouts': { roles: ALL, run: ['whileChecking'], audit: null },
  'exports.saveLayout': { roles: COORDINATOR, run: [], audit: { action: 'exports.saveLayout', entity: 'settings', detail: { keys: 'id' } } },
  'exports.saveProfileFile': { roles: COORDINATOR, run: ['async'], audit: null },
  'exports.preview': { roles: ALL, run: ['async'], audit: null },
  'exports.run': { roles: ALL, run: ['async'], audit: { action: 'exports.run', entity: 'export', detail: { profileId: 'monthly', periodStart: '2026-10-01', periodEnd: '2026-10-31', rows: 1, sha256: 'h', identifiable: false, encrypted: false } } },
  'exports.cancel': { roles: ALL, run: [], audit: null },
  'imports.open': { roles: CASELOAD, run: ['async'], audit: null },
  'imports.check': { roles: CASELOAD, run: ['async'], audit: null },
  'imports.run': { roles: CASELOAD, run: ['async'], audit: null },
  'imports.progress': { roles: CASELOAD, run: ['whileChecking'], audit: null },
  'imports.last': { roles: CASELOAD, run: ['whileChecking'], audit: null },
  'imports.undo': { roles: CASELOAD, run: [], audit: { action: 'imports.undo', entity: 'import', entityId: 7, detail: { people: 3 } } },
  'exports.progress': { roles: ALL, run: ['whileChecking'], audit: null },
  'exports.log': { roles: ALL, run: ['whileChecking'], audit: null },
  'returns.saveDataFile': { roles: CASELOAD, run: ['async'], audit: { action: 'returns.saveDataFile', entity: 'export', detail: { periodStart: '2026-10-01', periodEnd: '2026-10-31', siteId: 3, sha256: 'h' } } },
  'returns.combine': { roles: COORDINATOR, run: ['async'], audit: { action: 'returns.combine', entity: 'export', detail: { files: 2 } } },
  'returns.saveCombined': { roles: COORDINATOR, run: ['async'], audit: { action: 'returns.saveCombined', entity: 'export', detail: { profileId: 'combined_return', files: 1, rows: 1, sha256: 'h' } } },
  'reports.monthly': { roles: ALL, run: ['whileChecking'], audit: null },
  'reports.trends': { roles: ALL, run: ['whileChecking'], audit: null },
  'reports.development': { roles: ALL, run: ['whileChecking'], audit: null },
  'reports.drillDown': { roles: CASELOAD, run: ['whileChecking'], audit: null },
  'reports.dataQuality': { roles: CASELOAD, run: ['whileChecking'], audit: null },
  'people.subjectAccess': { roles: COORDINATOR, run: ['async'], audit: { action: 'person.subject_access_copy', entity: 'person', entityId: 7, detail: { format: 'pdf', sha256: 'h' } } },
  'retention.list': { roles: COORDINATOR, run: ['whileChecking'], audit: null },
  'retention.purge': { roles: COORDINATOR, run: ['ownTransaction'], audit: null },
  'groups.list': { roles: CASELOAD, run: ['whileChecking'], audit: null },
  'groups.get': { roles: CASELOAD, run: ['whileChecking'], audit: null },
  'groups.create': { roles: CASELOAD, run: [], audit: { action: 'groups.create', entity: 'group', entityId: 9 } },
  'groups.update': { roles: CASELOAD, run: [], audit: { action: 'groups.update', entity: 'group', entityId: 9 } },
  'groups.setRegistration': { roles: CASELOAD, run: [], audit: { action: 'groups.setRegistration', entity: 'group', entityId: 9 } },
  'groups.removeRegistration': { roles: CASELOAD, run: [], audit: { action: 'groups.removeRegistration', entity: 'group', entityId: 9 } },
  // Corrections (issue 16): edits audited as changes to the person; removals, marking in error,
  // merging and deleting write their own entries inside the handler's transaction.
  'assessments.update': { roles: CASELOAD, run: [], audit: { action: 'assessments.update', entity: 'person', entityId: 9 } },
  'attempts.update': { roles: CASELOAD, run: [], audit: { action: 'attempts.update', entity: 'person', entityId: 9 } },
  'engagement.update': { roles: CASELOAD, run: [], audit: { action: 'engagement.update', entity: 'person', entityId: 9 } },
  'contacts.remove': { roles: CASELOAD, run: [], audit: null },
  'attempts.remove': { roles: CASELOAD, run: [], audit: null },
  'records.markEnteredInError': { roles: CASELOAD, run: [], audit: null },
  'people.merge': { roles: COORDINATOR, run: [], audit: null },
  'people.delete': { roles: COORDINATOR, run: [], audit: null },
  'groups.remove': { roles: CASELOAD, run: [], audit: null },
};

describe('every method’s policy', () => {
  it('lists exactly the contract’s methods', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it.each(METHOD_NAMES)('%s: roles, how it runs, and its audit entry', (name) => {
    const policy = methodPolicy(name);
    const run = (['serial', 'async', 'whileChecking', 'ownTransaction'] as const).filter((flag) => policy[flag]);
    const audit = describeCall(name, INPUTS[name] ?? INPUT, VALUE);
    expect({ roles: policy.roles, run, audit }).toEqual(EXPECTED[name]);
  });
});
