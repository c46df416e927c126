// The role policy table: complete for the contract, and saying what each role is for.
import { describe, expect, it } from 'vitest';
import { ACCESS, can, METHOD_NAMES } from '../../core/api/contract';
import { exportAllowed, ROLES } from '../../core/domain/roles';

describe('the role policy', () => {
  it('has an entry for every contract method, and none for a method that does not exist', () => {
    expect(METHOD_NAMES.filter((m) => !(m in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((m) => !(METHOD_NAMES as string[]).includes(m))).toEqual([]);
  });

  it('refuses a method it does not know', () => {
    for (const role of ROLES) expect(can(role, 'people.deleteEverything')).toBe(false);
  });

  it('lets a coordinator do everything', () => {
    expect(METHOD_NAMES.filter((m) => !can('coordinator', m))).toEqual([]);
  });

  it('gives a reporting member figures only: nothing that returns or changes a named record', () => {
    const allowed = METHOD_NAMES.filter((m) => can('reporting', m));
    expect(allowed.sort()).toEqual(
      [
        'workspace.status',
        'workspace.create',
        'session.unlock',
        'session.recover',
        'session.lock',
        'session.changePassphrase',
        'settings.get',
        'sites.list',
        'licences.get',
        'instruments.list',
        // The programme's list labels (support types…): every screen, the reports' included, reads them.
        'lists.get',
        'exports.profiles',
        // The trust's layouts of the monthly return: figures only.
        'exports.layouts',
        'exports.preview',
        'exports.run',
        'exports.progress',
        'exports.cancel',
        'exports.log',
        'reports.monthly',
        // The return's measures by month: aggregate, and suppressed with the return for this role.
        'reports.trends',
        // The team's training and supervision: staff totals, published as counted.
        'reports.development',
        // Made-up people only, in a caseload of its own (handlers/training.ts).
        'training.open',
        'training.reset',
      ].sort(),
    );
  });

  it('gives a peer worker the caseload but not members, settings changes, the audit log, backups restore or profile editing', () => {
    for (const m of ['people.get', 'people.update', 'myDay.get', 'contacts.create', 'goals.review', 'groups.setRegistration', 'reports.dataQuality', 'exports.run', 'backups.create']) {
      expect(can('peer_worker', m), m).toBe(true);
    }
    for (const m of METHOD_NAMES.filter((n) => /^(members\.|audit\.|recovery\.)/.test(n))) expect(can('peer_worker', m), m).toBe(false);
    for (const m of ['settings.update', 'sites.save', 'licences.confirm', 'backups.restore', 'backups.inspect', 'workspace.rekey', 'exports.saveProfile', 'exports.deleteProfile', 'exports.importProfile']) {
      expect(can('peer_worker', m), m).toBe(false);
    }
  });

  it('lets only a coordinator export rows, and rows naming people', () => {
    expect(exportAllowed('coordinator', { aggregate: false, identifiable: true })).toBe(true);
    for (const role of ['peer_worker', 'reporting'] as const) {
      expect(exportAllowed(role, { aggregate: true, identifiable: false })).toBe(true);
      expect(exportAllowed(role, { aggregate: false, identifiable: false })).toBe(false);
      expect(exportAllowed(role, { aggregate: false, identifiable: true })).toBe(false);
    }
  });
});
